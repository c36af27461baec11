// /issues/4290/a and /b: A navigates to B while a phx-remove transition keeps A on the page.
#include "issue_4290_lives.h"
#include "fixture_template.h"

#include "issue_lives_c_helpers.h"

#include <liveview/template.h>

namespace conformance {

using liveview::Template;

void Issue4290ALive::mount(const QVariantMap &, const QVariantMap &)
{
    // Long enough for B to join while A is still on the page.
    assign("remove_slowly",
           jsEncoded({jsOp("transition",
                           {{"time", 1500}, {"transition", jsTransition("fade-out", "", "")}})}));
}

void Issue4290ALive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"navigate")
        pushNavigate("/issues/4290/b");
    else if (event != u"validate")
        LiveView::handleEvent(event, value);
}

Template Issue4290ALive::render() const
{
    static const Template t = compiled(R"(<h1>A</h1>
<div id="slow-remove" phx-remove={@remove_slowly}>
  removed with transition
</div>
<form id="form" phx-change="validate">
  <input type="text" name="name" />
</form>
<button phx-click="navigate">Navigate</button>)",
                                       "e2e/issue_4290_a.heex");
    return t;
}

void Issue4290BLive::mount(const QVariantMap &, const QVariantMap &)
{
    assign("events", QVariantList());
}

void Issue4290BLive::handleEvent(const QString &event, const QVariantMap &)
{
    QVariantList events = assigned("events").toList();
    events.append(QVariantMap{{"index", int(events.size())}, {"name", event}});
    assign("events", events);
}

Template Issue4290BLive::render() const
{
    static const Template t = compiled(R"(<h1>B</h1>
<span id="event-count">{length(@events)}</span>
<div :for={event <- @events} id={"event-" <> event.index}>{event.name}</div>)",
                                       "e2e/issue_4290_b.heex");
    return t;
}

} // namespace conformance
