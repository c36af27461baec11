#include "nested_issue_lives_b.h"
#include "fixture_template.h"

#include <mutex>

namespace conformance {

using liveview::Template;

void registerNestedIssueLivesB()
{
    static std::once_flag once;
    std::call_once(once, [] {
        using liveview::LiveView;
        using liveview::TemplateLibrary;
        LiveView::registerModule<Issue3047StickyLive>(QStringLiteral("Issue3047.Sticky"));
        LiveView::registerModule<Issue3656StickyLive>(QStringLiteral("Issue3656Live.Sticky"));
        LiveView::registerModule<Issue3378AppBarLive>(QStringLiteral("Issue3378.AppBarLive"));
        LiveView::registerModule<Issue3378NotificationsLive>(
            QStringLiteral("Issue3378.NotificationsLive"));
        LiveView::registerModule<Issue3496StickyLive>(QStringLiteral("Issue3496.StickyLive"));
        LiveView::registerModule<Issue3612StickyLive>(QStringLiteral("Issue3612.StickyLive"));
        LiveView::registerModule<Issue3658StickyLive>(QStringLiteral("Issue3658Live.Sticky"));

        // 3047's per-mount layout, inline: the root layout already holds what upstream's
        // live.html adds (csrf meta, scripts), so only the links and the sticky child remain.
        TemplateLibrary::registerComponent(
            QStringLiteral("issue_3047_layout"),
            compiled(R"(<div class="flex flex-col items-center justify-center">
  <div class="flex flex-row gap-3">
    <.link class="border rounded bg-blue-700 w-fit px-2 text-white" navigate="/issues/3047/a">
      Page A
    </.link>
    <.link class="border rounded bg-blue-700 w-fit px-2 text-white" navigate="/issues/3047/b">
      Page B
    </.link>
  </div>

  {render_slot(@inner_block)}

  <.live_render module="Issue3047.Sticky" id="test" sticky />
</div>)",
                     "e2e/issue_3047_layout.heex"));

        // 3496's layouts. Upstream's base creates its own LiveSocket with the hook MyHook; here
        // the page's LiveSocket (root layout) takes the hooks of window.hooks, which this script
        // fills while the page is parsed, before that module script runs.
        TemplateLibrary::registerComponent(QStringLiteral("issue_3496_base"),
                                           compiled(R"(<script>
  window.hooks.MyHook = {
    mounted() {
      console.log("Hook mounted!");
    },
  };
</script>
<style>
  * { font-size: 1.1em; }
</style>)",
                                                    "e2e/issue_3496_base.heex"));
        TemplateLibrary::registerComponent(QStringLiteral("issue_3496_with_sticky"),
                                           compiled(R"(<.issue_3496_base />

<div>
  {render_slot(@inner_block)}
</div>

<.live_render module="Issue3496.StickyLive" id="sticky" sticky />)",
                                                    "e2e/issue_3496_with_sticky.heex"));
        TemplateLibrary::registerComponent(QStringLiteral("issue_3496_without_sticky"),
                                           compiled(R"(<.issue_3496_base />

<div>
  {render_slot(@inner_block)}
</div>)",
                                                    "e2e/issue_3496_without_sticky.heex"));
        TemplateLibrary::registerComponent(
            QStringLiteral("issue_3496_my_component"),
            compiled(R"(<div id="my-component" phx-hook="MyHook"></div>)",
                     "e2e/issue_3496_my_component.heex"));
    });
}

// --- 3047 ----------------------------------------------------------------------------------

Template Issue3047ALive::render() const
{
    static const Template t = compiled(R"(<.issue_3047_layout>
  <span id="page">Page A</span>
</.issue_3047_layout>)",
                                       "e2e/issue_3047_a.heex");
    return t;
}

Template Issue3047BLive::render() const
{
    static const Template t = compiled(R"(<.issue_3047_layout>
  <span id="page">Page B</span>
</.issue_3047_layout>)",
                                       "e2e/issue_3047_b.heex");
    return t;
}

namespace {
QVariantList items3047(int from, int to)
{
    QVariantList items;
    for (int x = from; x <= to; ++x)
        items << QVariantMap{{"id", x}, {"name", QStringLiteral("item-%1").arg(x)}};
    return items;
}
} // namespace

void Issue3047StickyLive::mount(const QVariantMap &, const QVariantMap &)
{
    stream("items", items3047(1, 10));
}

void Issue3047StickyLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"reset")
        stream("items", items3047(5, 15), true);
    else
        LiveView::handleEvent(event, value);
}

Template Issue3047StickyLive::render() const
{
    static const Template t = compiled(R"(<div style="border: 2px solid black;">
  <h1>This is the sticky liveview</h1>
  <div id="items" phx-update="stream" style="display: flex; flex-direction: column; gap: 4px;">
    <span :for={{dom_id, item} <- @streams.items} id={dom_id}>{item.name}</span>
  </div>

  <button phx-click="reset">Reset</button>
</div>)",
                                       "e2e/issue_3047_sticky.heex");
    return t;
}

// --- 3656 ----------------------------------------------------------------------------------

Template Issue3656Live::render() const
{
    static const Template t = compiled(R"(<style>
  * { font-size: 1.1em }
  nav { margin-top: 1em }
  nav a { padding: 8px 16px; border: 1px solid black; text-decoration: none }
  nav a:visited { color: inherit }
  nav a.active { border: 3px solid green }
  nav a.phx-click-loading { animation: pulsate 2s infinite }
  @keyframes pulsate {
    0% {
      background-color: white;
    }
    50% {
      background-color: red;
    }
    100% {
      background-color: white;
    }
  }
</style>

<.live_render module="Issue3656Live.Sticky" id="sticky" sticky />)",
                                       "e2e/issue_3656.heex");
    return t;
}

Template Issue3656StickyLive::render() const
{
    static const Template t = compiled(R"(<nav>
  <.link navigate="/issues/3656?navigated=true">Link 1</.link>
</nav>)",
                                       "e2e/issue_3656_sticky.heex");
    return t;
}

// --- 3378 ----------------------------------------------------------------------------------

Template Issue3378HomeLive::render() const
{
    static const Template t =
        compiled(R"(<.live_render module="Issue3378.AppBarLive" id="appbar" />)",
                 "e2e/issue_3378_home.heex");
    return t;
}

Template Issue3378AppBarLive::render() const
{
    static const Template t = compiled(R"(<div>
  <.live_render module="Issue3378.NotificationsLive" id="notifications" />
</div>)",
                                       "e2e/issue_3378_app_bar.heex");
    return t;
}

void Issue3378NotificationsLive::mount(const QVariantMap &, const QVariantMap &)
{
    stream("notifications", {QVariantMap{{"id", 1}, {"message", "Hello"}}});
}

Template Issue3378NotificationsLive::render() const
{
    static const Template t = compiled(R"(<div>
  <ul id="notifications_list" phx-update="stream">
    <div :for={{dom_id, notification} <- @streams.notifications} id={dom_id}>
      <p>big!</p>
    </div>
  </ul>
</div>)",
                                       "e2e/issue_3378_notifications.heex");
    return t;
}

// --- 3496 ----------------------------------------------------------------------------------

Template Issue3496ALive::render() const
{
    static const Template t = compiled(R"(<.issue_3496_with_sticky>
  <h1>Page A</h1>
  <.link navigate="/issues/3496/b">Go to page B</.link>
</.issue_3496_with_sticky>)",
                                       "e2e/issue_3496_a.heex");
    return t;
}

Template Issue3496BLive::render() const
{
    static const Template t = compiled(R"(<.issue_3496_without_sticky>
  <h1>Page B</h1>
  <.issue_3496_my_component />
</.issue_3496_without_sticky>)",
                                       "e2e/issue_3496_b.heex");
    return t;
}

Template Issue3496StickyLive::render() const
{
    static const Template t = compiled(R"(<div>
  <.issue_3496_my_component />
</div>)",
                                       "e2e/issue_3496_sticky.heex");
    return t;
}

// --- 3612 ----------------------------------------------------------------------------------

Template Issue3612ALive::render() const
{
    static const Template t =
        compiled(R"(<.live_render module="Issue3612.StickyLive" id="sticky" sticky />

<h1>Page A</h1>)",
                 "e2e/issue_3612_a.heex");
    return t;
}

Template Issue3612BLive::render() const
{
    static const Template t =
        compiled(R"(<.live_render module="Issue3612.StickyLive" id="sticky" sticky />

<h1>Page B</h1>)",
                 "e2e/issue_3612_b.heex");
    return t;
}

void Issue3612StickyLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"navigate_to_a")
        pushNavigate("/issues/3612/a");
    else if (event == u"navigate_to_b")
        pushNavigate("/issues/3612/b");
    else
        LiveView::handleEvent(event, value);
}

// Upstream's <.link phx-click="..."> has no destination: Phoenix renders it as href="#" with the
// attribute passed through (the engine's <.link> takes no phx-* attributes), so the markup is
// written out.
Template Issue3612StickyLive::render() const
{
    static const Template t = compiled(R"(<div>
  <a href="#" phx-click="navigate_to_a">Go to page A</a>
  <a href="#" phx-click="navigate_to_b">Go to page B</a>
</div>)",
                                       "e2e/issue_3612_sticky.heex");
    return t;
}

// --- 3658 ----------------------------------------------------------------------------------

Template Issue3658Live::render() const
{
    static const Template t =
        compiled(R"(<.link navigate="/issues/3658?navigated=true">Link 1</.link>

<.live_render module="Issue3658Live.Sticky" id="sticky" sticky />)",
                 "e2e/issue_3658.heex");
    return t;
}

void Issue3658StickyLive::mount(const QVariantMap &, const QVariantMap &)
{
    // JS.dispatch("my-event") as the client reads it from phx-remove.
    assign("dispatch_my_event", R"([["dispatch",{"event":"my-event"}]])");
}

Template Issue3658StickyLive::render() const
{
    static const Template t = compiled(R"(<div>
  <div id="foo" phx-remove={@dispatch_my_event}>Hi</div>
</div>)",
                                       "e2e/issue_3658_sticky.heex");
    return t;
}

} // namespace conformance
