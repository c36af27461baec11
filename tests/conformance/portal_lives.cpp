// /portal (portal.spec.js) with its live component and nested LiveViews.
#include "portal_lives.h"
#include "fixture_template.h"

#include "issue_lives_c_helpers.h"
#include "portal_lives_components.h"

#include <liveview/template.h>

#include <QRandomGenerator>
#include <QTimer>

#include <mutex>

namespace conformance {

using liveview::Template;

void registerPortalLives()
{
    static std::once_flag once;
    std::call_once(once, [] {
        portal::registerFunctionComponents();
        liveview::LiveComponent::registerModule<PortalLiveComponent>(
            QStringLiteral("PortalLive.LC"));
        liveview::LiveView::registerModule<PortalNestedLive>(
            QStringLiteral("PortalLive.NestedLive"));
        liveview::LiveView::registerModule<PortalNestedTeleportedLive>(
            QStringLiteral("PortalLive.NestedTeleportedLive"));
    });
}

// --- /portal ---------------------------------------------------------------------------------

void PortalLive::mount(const QVariantMap &params, const QVariantMap &)
{
    m_tick = params.value(QStringLiteral("tick")).toString() != u"false";
    assign("param_current", QVariant());
    assign("count", 0);
    assign("render_modal", true);
    assign("render_nested_portals", true);
    assign("nested_portal_count", 0);
    // The page's JS commands, as Phoenix.LiveView.JS encodes them.
    assign("open_modal", portal::encodedJs(portal::showModalOps(QStringLiteral("my-modal"))));
    QJsonArray openSecond = portal::showModalOps(QStringLiteral("my-modal-2"));
    openSecond.append(jsOp("show", {{"to", "#inner-red-box"}}));
    assign("open_second_modal", portal::encodedJs(openSecond));
    assign("open_non_teleported_modal",
           portal::encodedJs(portal::showModalOps(QStringLiteral("non-teleported-modal"))));
    assign("push_tick", jsEncoded({jsOp("push", {{"event", "tick"}})}));
    assign("navigate_form", jsEncoded({jsOp("navigate", {{"href", "/form"}, {"replace", false}})}));
    assign("hide_self", jsEncoded({jsOp("hide")}));
    assign("show_menu", jsEncoded({jsOp("show", {{"to", "#teleported-menu-content"}})}));
    assign("hide_menu", jsEncoded({jsOp("hide", {{"to", "#teleported-menu-content"}})}));
}

// :timer.send_interval(1000, self(), :tick) of the connected mount.
void PortalLive::connected()
{
    if (m_tick)
        scheduleTick();
}

void PortalLive::scheduleTick() const
{
    QTimer::singleShot(1000, [tell = infoSender()] { tell(QStringLiteral("tick")); });
}

void PortalLive::handleParams(const QVariantMap &params, const QUrl &)
{
    assign("param_current", params.value(QStringLiteral("param")));
    const qint64 next = portal::uniqueInteger();
    assign("patch_next",
           jsEncoded({jsOp("patch", {{"href", QStringLiteral("/portal?param=%1").arg(next)},
                                     {"replace", false}})}));
}

void PortalLive::handleInfo(const QVariant &message)
{
    if (message.toString() != u"tick")
        return LiveView::handleInfo(message);
    assign("count", assigned("count").toInt() + 1);
    if (m_tick)
        scheduleTick(); // the next tick of the interval (dropped once the view is gone)
}

void PortalLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"tick")
        assign("count", assigned("count").toInt() + 1);
    else if (event == u"toggle_modal")
        assign("render_modal", !assigned("render_modal").toBool());
    else if (event == u"toggle_nested_portals")
        assign("render_nested_portals", !assigned("render_nested_portals").toBool());
    else if (event == u"nested_portal_click")
        assign("nested_portal_count", assigned("nested_portal_count").toInt() + 1);
    else
        LiveView::handleEvent(event, value);
}

// Upstream's layouts rendered inline (no per-route layouts here): the root layout's <main>
// around the view and its #root-portal after it, the live layout's #app-portal after the view's
// content; <.portal_page_assets /> is what the root layout's <head> brings. Here #root-portal
// is inside the view's container (teleported elements survive the view's patches there).
Template PortalLive::render() const
{
    static const Template t = compiled(R"(<.portal_page_assets />
<main style="flex: 1; padding: 2rem;">
<h1>Modal example</h1>

<p>Current param: {@param_current}</p>

<.portal_button click={@patch_next}>Patch this LiveView</.portal_button>

<.portal_button click={@open_modal}>Open modal</.portal_button>
<.portal_button click="toggle_modal">Toggle modal render</.portal_button>
<.portal_button click={@open_second_modal}>Open second modal</.portal_button>
<.portal_button click={@push_tick}>Tick</.portal_button>

<.portal_button click={@navigate_form}>Live navigate</.portal_button>

<.portal :if={@render_modal} id="portal-source" target="#root-portal">
  <.portal_modal id="my-modal">
    This is a modal.
    <p>DOM patching works as expected: {@count}</p>
    <.portal_button click={@patch_next}>Patch this LiveView</.portal_button>
  </.portal_modal>

  <div id="hook-test" phx-hook="Phoenix.LiveViewTest.E2E.PortalLive.InsidePortal">This should get a data attribute</div>
</.portal>

<.portal id="portal-source-2" target="#app-portal">
  <.portal_modal id="my-modal-2">
    This is a second modal.
    <.portal id="modal-2-inner-portal" target="#my-modal-2-content" class="contents">
      <div class="size-96 bg-gray-300 absolute top-0 right-0">
        <.portal id="modal-2-inner-portal-2" target="#my-modal-2-content" class="contents">
          <div id="inner-red-box" class="absolute top-0 right-0 bg-red-500 size-32" phx-click-away={@hide_self}>
            test
          </div>
        </.portal>
      </div>
    </.portal>
  </.portal_modal>
</.portal>

<.portal id="portal-with-live-component" target="#root-portal">
  <.live_component module="PortalLive.LC" id="lc" />
</.portal>

<.live_render module="PortalLive.NestedLive" id="nested" />

<div class="border border-sky-600 overflow-hidden mt-8 p-4 flex gap-4">
  <.portal_tooltip id="tooltip-example-portal">
    <:activator>
      <.portal_button>Hover me</.portal_button>
    </:activator>
    Hey there! {@count}
  </.portal_tooltip>

  <.portal_tooltip id="tooltip-example-no-portal" portal={false}>
    <:activator>
      <.portal_button>Hover me (no portal)</.portal_button>
    </:activator>
    Hey there! {@count}
  </.portal_tooltip>
</div>

<div class="border border-purple-600 mt-8 p-4">
  <h2>Nested Portal Test</h2>
  <.portal_button click="toggle_nested_portals">Toggle nested portals</.portal_button>
  <p>Nested portal count: <span id="nested-portal-count">{@nested_portal_count}</span></p>
  <.portal :if={@render_nested_portals} id="nested-portal-source" target="#root-portal">
    <div id="outer-portal" class="border border-blue-400 p-4 m-2">
      <h3>Outer Portal</h3>
      <.portal id="inner-portal-source" target="body">
        <div id="inner-portal" class="border border-green-400 p-2 m-2">
          <h4>Inner Portal (nested inside outer)</h4>
          <p id="nested-portal-content">Tick count: {@count}</p>
          <.portal_button click="nested_portal_click">Click nested portal button</.portal_button>
        </div>
      </.portal>
    </div>
  </.portal>
</div>

<.portal_modal id="non-teleported-modal">
  This is a non-teleported modal. Open the menu and click an item. The modal must not close.
  <.portal_button click={@show_menu}>Open menu</.portal_button>
  <.portal id="teleported-menu" target="body">
    <div id="teleported-menu-content" class="hidden z-[100] fixed top-0 left-0 border border-red-500 p-4 bg-white">
      <.portal_button click={@hide_menu}>Close menu</.portal_button>
    </div>
  </.portal>
</.portal_modal>

<.portal_button click={@open_non_teleported_modal}>Open non-teleported modal</.portal_button>

<div id="app-portal"></div>
</main>
<div id="root-portal"></div>)",
                                       "e2e/portal_live.heex");
    return t;
}

namespace {
QVariantMap lcItem(int id)
{
    return {{"id", id}, {"name", QStringLiteral("Item %1").arg(id)}};
}
} // namespace

// Every update streams the two items again (upstream's update/2 ignores its assigns).
void PortalLiveComponent::update(const QVariantHash &)
{
    stream(QStringLiteral("items"), {lcItem(1), lcItem(2)});
}

void PortalLiveComponent::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"prepend") // 1000 + floor(:rand.uniform() * 1000)
        streamInsert(QStringLiteral("items"),
                     lcItem(1000 + QRandomGenerator::global()->bounded(1000)), 0);
    else
        LiveComponent::handleEvent(event, value);
}

// The colocated hook .TeleportedLCButton is defined by <.portal_page_assets /> (its <script> here
// would be inside the portal's <template>, where it never runs).
Template PortalLiveComponent::render() const
{
    static const Template t = compiled(R"(<div id="teleported-lc" class="border border-red-200">
  <h1>LiveComponent</h1>

  <ul id="stream-in-lc" phx-update="stream">
    <li :for={{id, item} <- @streams.items} id={id}>
      {item.name}
    </li>
  </ul>

  <button phx-click="prepend" phx-target={@myself}>Prepend item</button>

  <.portal id="teleported-from-lc-button" target="body">
    <button id="lcbtn" phx-hook="Phoenix.LiveViewTest.E2E.PortalLive.LC.TeleportedLCButton">Prepend item (teleported)</button>
  </.portal>
</div>)",
                                       "e2e/portal_live_component.heex");
    return t;
}

void PortalNestedLive::mount(const QVariantMap &, const QVariantMap &)
{
    assign("count", 0);
}

void PortalNestedLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"event")
        assign("count", assigned("count").toInt() + 1);
    else
        LiveView::handleEvent(event, value);
}

Template PortalNestedLive::render() const
{
    static const Template t = compiled(R"(<div class="border border-orange-200">
  <h1>Nested LiveView</h1>

  <p id="nested-event-count">{@count}</p>

  <button phx-click="event">Trigger event in nested LV</button>

  <.portal id="nested-lv-button" target="body">
    <button phx-click="event">Trigger event in nested LV (from teleported button)</button>
  </.portal>

  <.portal id="nested-lv" target="body">
    <.live_render module="PortalLive.NestedTeleportedLive" id="nested-teleported" />
  </.portal>
</div>)",
                                       "e2e/portal_nested_live.heex");
    return t;
}

void PortalNestedTeleportedLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"event") // upstream only prints that it got it
        LiveView::handleEvent(event, value);
}

Template PortalNestedTeleportedLive::render() const
{
    static const Template t = compiled(R"(<div class="border border-green-200">
  <h1>Nested teleport LiveView</h1>
  <button phx-click="event">Toggle event in teleported LV</button>
</div>)",
                                       "e2e/portal_nested_teleported_live.heex");
    return t;
}

} // namespace conformance
