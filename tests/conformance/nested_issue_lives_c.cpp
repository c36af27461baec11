#include "nested_issue_lives_c.h"
#include "fixture_template.h"

#include <liveview/template.h>

#include <mutex>

namespace conformance {

using liveview::Template;

namespace {
// A message of upstream's fixtures ({id, msg} with the same number).
QVariantMap message(int number)
{
    return {{"id", number}, {"msg", number}};
}

// A stream item of 3530: its id, and the session of its child view (the template language has no
// map literals, so the session travels with the item).
QVariantMap item(int id)
{
    return {{"id", id}, {"session", QVariantMap{{"item_id", id}}}};
}
} // namespace

void registerNestedIssueLivesC()
{
    static std::once_flag once;
    std::call_once(once, [] {
        using liveview::LiveComponent;
        using liveview::LiveView;
        using liveview::TemplateLibrary;
        // The child views, under upstream's module names (without Phoenix.LiveViewTest.E2E.).
        LiveView::registerModule<Issue3681StickyLive>(QStringLiteral("Issue3681.StickyLive"));
        LiveView::registerModule<Issue3953NestedViewLive>(
            QStringLiteral("Issue3953Live.NestedViewLive"));
        LiveView::registerModule<Issue4209SlowTargetLive>(
            QStringLiteral("Issue4209Live.SlowTargetLive"));
        LiveView::registerModule<Issue4359ChildLive>(QStringLiteral("Issue4359Live.ChildLive"));
        LiveView::registerModule<Issue3530NestedLive>(QStringLiteral("Issue3530Live.NestedLive"));
        LiveComponent::registerModule<Issue3953Component>(QStringLiteral("issue-3953-component"));
        LiveComponent::registerModule<Issue4209ChildComponent>(
            QStringLiteral("issue-4209-child-component"));
        // 4209's locked_panel: one root element, so the client may skip it while it is unchanged
        // (the case of the regression). Its colocated hook is defined by the view's script.
        TemplateLibrary::registerComponent(
            QStringLiteral("issue_4209_locked_panel"),
            compiled(
                R"(<div id="locked-panel" phx-hook="Phoenix.LiveViewTest.E2E.Issue4209Live.LockedPanel">
  <.live_component module="issue-4209-child-component" id="locked-child" label="child 0" />
  <button id="start-locked-update" type="button">Start locked update</button>
</div>)",
                "e2e/issue_4209_locked_panel.heex"));
    });
}

// --- /issues/3681 ----------------------------------------------------------------------------

// Upstream's layout {Issue3681Live, :live}: the default layout (here the root layout), then the
// sticky child and the page between two rules.
Template Issue3681Live::render() const
{
    static const Template t =
        compiled(R"(<.live_render module="Issue3681.StickyLive" id="sticky" sticky />

<hr />
<h3>A LiveView that does nothing but render its layout.</h3>
<.link navigate="/issues/3681/away">Go to a different LV with a (funcky) stream</.link>
<hr />)",
                 "e2e/issue_3681.heex");
    return t;
}

void Issue3681AwayLive::mount(const QVariantMap &, const QVariantMap &)
{
    stream("messages", {});
    stream("messages", {message(4)}, true); // upstream's root cause: configured a second time
}

Template Issue3681AwayLive::render() const
{
    static const Template t =
        compiled(R"(<.live_render module="Issue3681.StickyLive" id="sticky" sticky />

<hr />
<h3>A liveview with a stream configured twice</h3>
<h4>This causes the nested liveview in the layout above to be reset by the client.</h4>

<.link navigate="/issues/3681">Go back to (the now borked) LV without a stream</.link>
<h1>Normal Stream</h1>
<div id="msgs-normal" phx-update="stream">
  <div :for={{dom_id, msg} <- @streams.messages} id={dom_id}>
    <div>{msg.msg}</div>
  </div>
</div>
<hr />)",
                 "e2e/issue_3681_away.heex");
    return t;
}

void Issue3681StickyLive::mount(const QVariantMap &, const QVariantMap &)
{
    stream("messages", {message(1), message(2), message(3)});
}

Template Issue3681StickyLive::render() const
{
    static const Template t = compiled(R"(<div id="msgs-sticky" phx-update="stream">
  <div :for={{dom_id, msg} <- @streams.messages} id={dom_id}>
    <div>{msg.msg}</div>
  </div>
</div>)",
                                       "e2e/issue_3681_sticky.heex");
    return t;
}

// --- /issues/3953 ----------------------------------------------------------------------------

void Issue3953Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("show", false);
}

void Issue3953Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"toggle")
        assign("show", !assigned("show").toBool());
    else
        LiveView::handleEvent(event, value);
}

// Upstream's session is an empty map: none given here.
Template Issue3953Live::render() const
{
    static const Template t =
        compiled(R"(<.live_component module="issue-3953-component" id="comp" />
<button phx-click="toggle">Show</button>
<.live_render :if={@show} module="Issue3953Live.NestedViewLive" id="nested_view" />)",
                 "e2e/issue_3953.heex");
    return t;
}

Template Issue3953NestedViewLive::render() const
{
    static const Template t = compiled(R"(Nested Content
<.live_component module="issue-3953-component" id="comp2" />)",
                                       "e2e/issue_3953_nested.heex");
    return t;
}

Template Issue3953Component::render() const
{
    static const Template t = compiled(R"(<div>
  Component
</div>)",
                                       "e2e/issue_3953_component.heex");
    return t;
}

// --- /issues/3530 ----------------------------------------------------------------------------

void Issue3530Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("count", 3);
    streamConfigure("items", [](const QVariant &entry) {
        return QStringLiteral("item-%1").arg(entry.toMap().value("id").toInt());
    });
}

void Issue3530Live::handleParams(const QVariantMap &params, const QUrl &)
{
    const QString q = params.value("q").toString();
    const QList<int> ids = q == u"a"   ? QList<int>{1, 3}
                           : q == u"b" ? QList<int>{2, 3}
                                       : QList<int>{1, 2, 3};
    QVariantList items;
    for (int id : ids)
        items << item(id);
    stream("items", items, true);
}

void Issue3530Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"inc")
        return LiveView::handleEvent(event, value);
    const int count = assigned("count").toInt() + 1;
    assign("count", count);
    streamInsert("items", item(count));
}

// Upstream's layout gives the LiveSocket a "test" hook that logs "<view id> mounted hook!"; here
// a script of the first render defines it before the LiveSocket is created.
Template Issue3530Live::render() const
{
    static const Template t = compiled(R"(<script>
  window.hooks.test = {
    mounted() {
      console.log(this.__view().id, "mounted hook!");
    },
  };
</script>
<ul id="stream-list" phx-update="stream">
  <.live_render :for={{dom_id, item} <- @streams.items} module="Issue3530Live.NestedLive" id={dom_id} session={item.session} />
</ul>
<.link patch="/issues/3530?q=a">patch a</.link>
<.link patch="/issues/3530?q=b">patch b</.link>
<div phx-click="inc">+</div>)",
                                       "e2e/issue_3530.heex");
    return t;
}

void Issue3530NestedLive::mount(const QVariantMap &, const QVariantMap &session)
{
    // A number that came through the signed session token is a double: shown as an integer.
    assign("item_id", session.value("item_id").toInt());
}

Template Issue3530NestedLive::render() const
{
    static const Template t = compiled(R"(<div id={"item-outer-" <> @item_id}>
  test hook with nested liveview
  <div id={"test-hook-" <> @item_id} phx-hook="test"></div>
</div>)",
                                       "e2e/issue_3530_nested.heex");
    return t;
}

} // namespace conformance
