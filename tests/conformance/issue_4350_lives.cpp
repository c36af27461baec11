// /issues/4350: a component removed and shown again, whose child must come back with it.
#include "issue_4350_lives.h"
#include "fixture_template.h"

#include <liveview/template.h>

namespace conformance {

using liveview::Template;

void Issue4350Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("show", true);
    assign("tick", 0);
}

void Issue4350Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"tick")
        assign("tick", assigned("tick").toInt() + 1);
    else if (event == u"hide")
        assign("show", false);
    else if (event == u"show")
        assign("show", true);
    else
        LiveView::handleEvent(event, value);
}

Template Issue4350Live::render() const
{
    static const Template t = compiled(R"(<button id="tick" phx-click="tick">tick</button>
<button id="hide" phx-click="hide">hide</button>
<button id="show" phx-click="show">show</button>

<div :if={@show} id="wrapper">
  <.live_component module="issue-4350-branch" id="branch" tick={@tick} />
</div>)",
                                       "e2e/issue_4350.heex");
    return t;
}

// Only @tick changes: after the first render the leaf's dynamic is never evaluated again.
Template Issue4350Branch::render() const
{
    static const Template t = compiled(R"(<div id="branch">
  tick: {@tick}
  <.live_component module="issue-4350-leaf" id="leaf" />
</div>)",
                                       "e2e/issue_4350_branch.heex");
    return t;
}

void Issue4350Leaf::mount()
{
    assign("count", 0);
}

void Issue4350Leaf::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"bump")
        assign("count", assigned("count").toInt() + 1);
    else
        LiveComponent::handleEvent(event, value);
}

Template Issue4350Leaf::render() const
{
    static const Template t = compiled(R"(<div id="leaf">
  count: <span id="leaf-count">{@count}</span>
  <button id="bump" phx-click="bump" phx-target={@myself}>bump</button>
</div>)",
                                       "e2e/issue_4350_leaf.heex");
    return t;
}

} // namespace conformance
