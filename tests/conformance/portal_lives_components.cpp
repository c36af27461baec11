// The /portal page's function components and JS commands: upstream's button, modal (with its
// show_modal/hide_modal), PortalTooltip.tooltip, and what its root layout brings along (the
// Tailwind classes the specs click through, the PortalTooltip hook, the colocated hook).
#include "portal_lives_components.h"
#include "fixture_template.h"

#include "issue_lives_c_helpers.h"

#include <liveview/template.h>

#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <mutex>
#include <stdexcept>

namespace conformance::portal {

using liveview::Template;

namespace {

const char *const showEase = "transition-all ease-out duration-300";
const char *const hideEase = "transition-all ease-in duration-200";
const char *const panelOut = "opacity-0 translate-y-4 sm:translate-y-0 sm:scale-95";
const char *const panelIn = "opacity-100 translate-y-0 sm:scale-100";

QJsonArray hideModalOps(const QString &id)
{
    const QString target = u'#' + id;
    QJsonArray ops;
    ops.append(jsOp("hide", {{"to", target + QStringLiteral("-bg")},
                             {"transition", jsTransition(hideEase, "opacity-100", "opacity-0")}}));
    ops.append(jsOp("hide", {{"time", 200},
                             {"to", target + QStringLiteral("-container")},
                             {"transition", jsTransition(hideEase, panelIn, panelOut)}}));
    ops.append(
        jsOp("hide", {{"to", target}, {"transition", jsTransition("block", "block", "hidden")}}));
    ops.append(jsOp("remove_class", {{"names", jsClasses("overflow-hidden")}, {"to", "body"}}));
    ops.append(jsOp("pop_focus"));
    return ops;
}

// portal_js(command, id): the JS commands of the components, by upstream's function names.
QVariant portalJs(const QVariantList &arguments)
{
    const QString command = arguments.value(0).toString();
    const QString target = u'#' + arguments.value(1).toString();
    if (command == u"show_modal")
        return encodedJs(showModalOps(arguments.value(1).toString()));
    if (command == u"hide_modal")
        return encodedJs(hideModalOps(arguments.value(1).toString()));
    if (command == u"modal_cancel") // JS.exec("data-cancel", to: "#id")
        return jsEncoded({jsOp("exec", {{"attr", "data-cancel"}, {"to", target}})});
    if (command == u"modal_on_cancel") // JS.exec(%JS{}, "phx-remove"): on_cancel's default
        return jsEncoded({jsOp("exec", {{"attr", "phx-remove"}})});
    if (command == u"show_tooltip")
        return jsEncoded(
            {jsOp("show", {{"blocking", false},
                           {"display", "block"},
                           {"time", 200},
                           {"to", target},
                           {"transition", jsTransition("transform ease-out duration-200 transition "
                                                       "origin-bottom",
                                                       "scale-95 translate-y-0.5 opacity-0",
                                                       "scale-100 translate-y-0 opacity-100")}})});
    if (command == u"hide_tooltip")
        return jsEncoded(
            {jsOp("hide", {{"blocking", false},
                           {"time", 100},
                           {"to", target},
                           {"transition", jsTransition("transition ease-in duration-100",
                                                       "opacity-100", "opacity-0")}})});
    if (command == u"tooltip_escape") // JS.dispatch("phx:hide-tooltip")
        return jsEncoded({jsOp("dispatch", {{"event", "phx:hide-tooltip"}})});
    if (command == u"ignore_style") // JS.ignore_attributes(["style"])
        return jsEncoded({jsOp("ignore_attrs", {{"attrs", QJsonArray{QStringLiteral("style")}}})});
    throw std::invalid_argument("portal_js: unknown command " + command.toStdString());
}

// Upstream's .button; `click` is what its {@rest} carries here (phx-click).
const char *const buttonSource =
    R"(<button type={@type} class="phx-submit-loading:opacity-75 rounded-lg bg-zinc-900 hover:bg-zinc-700 py-2 px-3 text-sm font-semibold leading-6 text-white active:text-white/80" phx-click={@click}>
  {render_slot(@inner_block)}
</button>)";

// Upstream's .modal, with Phoenix's focus_wrap written out (the engine has no such component).
const char *const modalSource =
    R"(<div id={@id} phx-mounted={@show && portal_js("show_modal", @id)} phx-remove={portal_js("hide_modal", @id)} data-cancel={portal_js("modal_on_cancel", @id)} class="relative z-50 hidden">
  <div id="{@id}-bg" class="bg-zinc-50/90 fixed inset-0 transition-opacity" aria-hidden="true"></div>
  <div class="fixed inset-0 overflow-y-auto" aria-labelledby="{@id}-title" aria-describedby="{@id}-description" role="dialog" aria-modal="true" tabindex="0">
    <div class="flex min-h-full items-center justify-center">
      <div class="w-full max-w-3xl p-4 sm:p-6 lg:py-8">
        <div id="{@id}-container" phx-hook="Phoenix.FocusWrap" phx-window-keydown={portal_js("modal_cancel", @id)} phx-key="escape" phx-click-away={portal_js("modal_cancel", @id)} class="shadow-zinc-700/10 ring-zinc-700/10 relative hidden rounded-2xl bg-white p-14 shadow-lg ring-1 transition">
          <div id="{@id}-container-start" tabindex="0" aria-hidden="true"></div>
          <div class="absolute top-6 right-5">
            <button phx-click={portal_js("modal_cancel", @id)} type="button" class="-m-3 flex-none p-3 opacity-20 hover:opacity-40" aria-label="close">
              x
            </button>
          </div>
          <div id="{@id}-content">
            {render_slot(@inner_block)}
          </div>
          <div id="{@id}-container-end" tabindex="0" aria-hidden="true"></div>
        </div>
      </div>
    </div>
  </div>
</div>)";

// Upstream's PortalTooltip.tooltip; `portal` defaults to true there (not given: nil here).
const char *const tooltipSource =
    R"(<div id="{@id}-wrapper" class="relative inline-block w-fit" phx-hook="PortalTooltip" data-id={@id} data-show={portal_js("show_tooltip", @id)} data-hide={portal_js("hide_tooltip", @id)} data-position="top" phx-window-keydown={portal_js("tooltip_escape", @id)} phx-key="escape">
  <div id="{@id}-activator" aria-describedby={@id} data-activator>
    {render_slot(@activator)}
  </div>
  <.portal :if={@portal != false} id={@id <> "-portal"} target="body">
    <div id={@id} phx-mounted={portal_js("ignore_style", @id)} role="tooltip" class="hidden absolute top-0 left-0 z-50 bg-sky-800 text-white text-xs p-1">
      {render_slot(@inner_block)}
    </div>
  </.portal>
  <div :if={@portal == false} id={@id} phx-mounted={portal_js("ignore_style", @id)} role="tooltip" class="hidden absolute top-0 left-0 z-50 bg-sky-800 text-white text-xs p-1">
    {render_slot(@inner_block)}
  </div>
</div>)";

// What upstream's root layout of /portal adds to the page, rendered at the top of the view (one
// root layout serves every route here):
// - the display rule for views and teleported wrappers, and the Tailwind classes (loaded from a
//   CDN upstream) that position what the specs click at: modals over the page, the menu above the
//   modal, the boxes of the second modal, the tooltips;
// - its PortalTooltip hook, whose floating-ui positioning (also from a CDN) is reduced to "above
//   the activator, 10px away", kept up to date while shown;
// - the colocated hooks .InsidePortal (of the view) and .TeleportedLCButton (of its live
//   component) under their module-qualified names.
// The script runs with the first render, before the page's LiveSocket reads window.hooks.
const char *const pageAssetsSource = R"html(<style>
  [data-phx-session], [data-phx-teleported-src] { display: contents }
  .contents { display: contents; }
  .hidden { display: none; }
  .flex { display: flex; }
  .inline-block { display: inline-block; }
  .fixed { position: fixed; }
  .absolute { position: absolute; }
  .relative { position: relative; }
  .inset-0 { inset: 0px; }
  .top-0 { top: 0px; }
  .right-0 { right: 0px; }
  .left-0 { left: 0px; }
  .top-6 { top: 1.5rem; }
  .right-5 { right: 1.25rem; }
  .z-50 { z-index: 50; }
  .z-\[100\] { z-index: 100; }
  .size-32 { width: 8rem; height: 8rem; }
  .size-96 { width: 24rem; height: 24rem; }
  .w-full { width: 100%; }
  .w-fit { width: fit-content; }
  .min-h-full { min-height: 100%; }
  .max-w-3xl { max-width: 48rem; }
  .flex-none { flex: none; }
  .items-center { align-items: center; }
  .justify-center { justify-content: center; }
  .gap-4 { gap: 1rem; }
  .overflow-hidden { overflow: hidden; }
  .overflow-y-auto { overflow-y: auto; }
  .m-2 { margin: 0.5rem; }
  .-m-3 { margin: -0.75rem; }
  .mt-8 { margin-top: 2rem; }
  .p-1 { padding: 0.25rem; }
  .p-2 { padding: 0.5rem; }
  .p-3 { padding: 0.75rem; }
  .p-4 { padding: 1rem; }
  .p-14 { padding: 3.5rem; }
  .px-3 { padding-left: 0.75rem; padding-right: 0.75rem; }
  .py-2 { padding-top: 0.5rem; padding-bottom: 0.5rem; }
  .rounded-lg { border-radius: 0.5rem; }
  .rounded-2xl { border-radius: 1rem; }
  .border { border-width: 1px; border-style: solid; }
  .border-sky-600 { border-color: rgb(2 132 199); }
  .border-purple-600 { border-color: rgb(147 51 234); }
  .border-blue-400 { border-color: rgb(96 165 250); }
  .border-green-400 { border-color: rgb(74 222 128); }
  .border-red-500 { border-color: rgb(239 68 68); }
  .border-red-200 { border-color: rgb(254 202 202); }
  .border-orange-200 { border-color: rgb(254 215 170); }
  .border-green-200 { border-color: rgb(187 247 208); }
  .bg-white { background-color: rgb(255 255 255); }
  .bg-zinc-50\/90 { background-color: rgb(250 250 250 / 0.9); }
  .bg-zinc-900 { background-color: rgb(24 24 27); }
  .bg-gray-300 { background-color: rgb(209 213 219); }
  .bg-red-500 { background-color: rgb(239 68 68); }
  .bg-sky-800 { background-color: rgb(7 89 133); }
  .text-white { color: rgb(255 255 255); }
  .text-xs { font-size: 0.75rem; line-height: 1rem; }
  .text-sm { font-size: 0.875rem; line-height: 1.25rem; }
  .font-semibold { font-weight: 600; }
  .opacity-20 { opacity: 0.2; }
  @media (min-width: 640px) { .sm\:p-6 { padding: 1.5rem; } }
  @media (min-width: 1024px) { .lg\:py-8 { padding-top: 2rem; padding-bottom: 2rem; } }
</style>
<script>
  window.hooks["Phoenix.LiveViewTest.E2E.PortalLive.InsidePortal"] ||= {
    mounted() {
      this.js().setAttribute(this.el, "data-portalhook-mounted", "true");
    },
  };
  window.hooks["Phoenix.LiveViewTest.E2E.PortalLive.LC.TeleportedLCButton"] ||= {
    mounted() {
      this.el.addEventListener("click", () => {
        this.pushEventTo(this.el, "prepend");
      });
    },
  };
  window.hooks.PortalTooltip ||= {
    mounted() {
      this.tooltipEl = document.getElementById(this.el.dataset.id);
      this.activatorEl = this.el.querySelector(`#${this.el.dataset.id}-activator`);
      this.activatorEl.addEventListener("focusin", () => this.queueShow());
      this.activatorEl.addEventListener("mouseover", () => this.queueShow());
      this.activatorEl.addEventListener("focusout", () => this.queueHide());
      this.activatorEl.addEventListener("mouseout", () => this.queueHide());
      this.el.addEventListener("phx:hide-tooltip", () => this.hide());
    },
    destroyed() {
      this.cleanup && this.cleanup();
    },
    queueShow() {
      clearTimeout(this.hideTimeout);
      this.showTimeout = setTimeout(() => this.show(), 200);
    },
    queueHide() {
      clearTimeout(this.showTimeout);
      this.hideTimeout = setTimeout(() => this.hide(), 50);
    },
    place() {
      const activator = this.activatorEl.getBoundingClientRect();
      const tooltip = this.tooltipEl.getBoundingClientRect();
      const parent = this.tooltipEl.offsetParent;
      const origin =
        parent && parent !== document.body
          ? parent.getBoundingClientRect()
          : { left: -window.scrollX, top: -window.scrollY };
      const x = activator.left - origin.left + (activator.width - tooltip.width) / 2;
      const y = activator.top - origin.top - tooltip.height - 10;
      this.tooltipEl.style.left = `${x}px`;
      this.tooltipEl.style.top = `${y}px`;
    },
    show() {
      this.cleanup && this.cleanup();
      const update = () => this.place();
      const observer = new ResizeObserver(update);
      observer.observe(this.activatorEl);
      observer.observe(this.tooltipEl);
      window.addEventListener("scroll", update, true);
      window.addEventListener("resize", update);
      this.cleanup = () => {
        observer.disconnect();
        window.removeEventListener("scroll", update, true);
        window.removeEventListener("resize", update);
        this.cleanup = null;
      };
      this.liveSocket.execJS(this.el, this.el.dataset.show);
      update();
    },
    hide() {
      this.liveSocket.execJS(this.el, this.el.dataset.hide);
      this.cleanup && this.cleanup();
    },
  };
</script>)html";

} // namespace

QJsonArray showModalOps(const QString &id)
{
    const QString target = u'#' + id;
    QJsonArray ops;
    ops.append(jsOp("show", {{"to", target}}));
    ops.append(jsOp("show", {{"time", 300},
                             {"to", target + QStringLiteral("-bg")},
                             {"transition", jsTransition(showEase, "opacity-0", "opacity-100")}}));
    ops.append(jsOp("show", {{"time", 300},
                             {"to", target + QStringLiteral("-container")},
                             {"transition", jsTransition(showEase, panelOut, panelIn)}}));
    ops.append(jsOp("add_class", {{"names", jsClasses("overflow-hidden")}, {"to", "body"}}));
    ops.append(jsOp("focus_first", {{"to", target + QStringLiteral("-content")}}));
    return ops;
}

QString encodedJs(const QJsonArray &ops)
{
    return QString::fromUtf8(QJsonDocument(ops).toJson(QJsonDocument::Compact));
}

qint64 uniqueInteger()
{
    static std::atomic<qint64> next{1000};
    return next++;
}

void registerFunctionComponents()
{
    static std::once_flag once;
    std::call_once(once, [] {
        liveview::TemplateLibrary::registerHelper(QStringLiteral("portal_js"), portalJs);
        liveview::TemplateLibrary::registerComponent(
            QStringLiteral("portal_button"), compiled(buttonSource, "e2e/portal_button.heex"));
        liveview::TemplateLibrary::registerComponent(
            QStringLiteral("portal_modal"), compiled(modalSource, "e2e/portal_modal.heex"));
        liveview::TemplateLibrary::registerComponent(
            QStringLiteral("portal_tooltip"), compiled(tooltipSource, "e2e/portal_tooltip.heex"));
        liveview::TemplateLibrary::registerComponent(
            QStringLiteral("portal_page_assets"),
            compiled(pageAssetsSource, "e2e/portal_page_assets.heex"));
    });
}

} // namespace conformance::portal
