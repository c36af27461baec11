// /issues/3040: a modal shown and hidden by JS commands, closed by click-away, Escape or a button.
#include "issue_3040_live.h"
#include "fixture_template.h"

#include "issue_lives_c_helpers.h"

#include <liveview/template.h>

namespace conformance {

using liveview::Template;

void Issue3040Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("modal_open", false);
    assign("submitted", false);
    const char *showEase = "transition-all transform ease-out duration-300";
    const char *hideEase = "transition-all transform ease-in duration-200";
    const char *panelOut = "opacity-0 translate-y-4 sm:translate-y-0 sm:scale-95";
    const char *panelIn = "opacity-100 translate-y-0 sm:scale-100";
    // phx-mounted: show the modal, fade in its backdrop and panel, lock the page's scrolling and
    // focus the first field.
    assign("show_modal",
           jsEncoded(
               {jsOp("show", {{"to", "#my-modal"}}),
                jsOp("show", {{"to", "#my-modal-bg"},
                              {"transition", jsTransition(showEase, "opacity-0", "opacity-100")}}),
                jsOp("show", {{"to", "#my-modal-container"},
                              {"transition", jsTransition(showEase, panelOut, panelIn)}}),
                jsOp("add_class", {{"names", jsClasses("overflow-hidden")}, {"to", "body"}}),
                jsOp("focus_first", {{"to", "#my-modal-content"}})}));
    // phx-remove: the same backwards, and the focus goes back where it was.
    assign("hide_modal",
           jsEncoded(
               {jsOp("hide", {{"to", "#my-modal-bg"},
                              {"transition", jsTransition(hideEase, "opacity-100", "opacity-0")}}),
                jsOp("hide", {{"time", 200},
                              {"to", "#my-modal-container"},
                              {"transition", jsTransition(hideEase, panelIn, panelOut)}}),
                jsOp("hide", {{"to", "#my-modal"},
                              {"transition", jsTransition("block", "block", "hidden")}}),
                jsOp("remove_class", {{"names", jsClasses("overflow-hidden")}, {"to", "body"}}),
                jsOp("pop_focus")}));
    // data-cancel: the on_cancel command (a patch back) followed by the modal's own phx-remove.
    assign("cancel", jsEncoded({jsOp("patch", {{"href", "/issues/3040"}, {"replace", false}}),
                                jsOp("exec", {{"attr", "phx-remove"}})}));
    // What the close button, Escape and click-away run.
    assign("exec_cancel",
           jsEncoded({jsOp("exec", {{"attr", "data-cancel"}, {"to", "#my-modal"}})}));
}

void Issue3040Live::handleParams(const QVariantMap &params, const QUrl &)
{
    assign("modal_open", params.contains(QStringLiteral("modal")));
}

void Issue3040Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"submit")
        assign("submitted", true);
    else
        LiveView::handleEvent(event, value);
}

// The utility classes the modal uses, with Tailwind's values (the specs click at coordinates).
Template Issue3040Live::render() const
{
    static const Template t = compiled(R"(<style>
  .fixed { position: fixed; }
  .absolute { position: absolute; }
  .relative { position: relative; }
  .inset-0 { inset: 0px; }
  .top-6 { top: 1.5rem; }
  .right-5 { right: 1.25rem; }
  .z-50 { z-index: 50; }
  .-m-3 { margin: -0.75rem; }
  .flex { display: flex; }
  .hidden { display: none; }
  .min-h-full { min-height: 100%; }
  .w-full { width: 100%; }
  .max-w-3xl { max-width: 48rem; }
  .flex-none { flex: none; }
  .items-center { align-items: center; }
  .justify-center { justify-content: center; }
  .overflow-y-auto { overflow-y: auto; }
  .rounded-2xl { border-radius: 1rem; }
  .bg-white { background-color: rgb(255 255 255 / 1); }
  .bg-gray-200 { background-color: rgb(229 231 235 / 1); }
  .bg-zinc-50\/90 { background-color: rgb(250 250 250 / 0.9); }
  .p-3 { padding: 0.75rem; }
  .p-4 { padding: 1rem; }
  .p-14 { padding: 3.5rem; }
  .opacity-20 { opacity: 0.2; }
  .hover\:opacity-40:hover { opacity: 0.4; }
  .transition {
    transition-property: color, background-color, border-color, text-decoration-color, fill,
      stroke, opacity, box-shadow, transform, filter, backdrop-filter;
    transition-timing-function: cubic-bezier(0.4, 0, 0.2, 1);
    transition-duration: 150ms;
  }
  .transition-opacity {
    transition-property: opacity;
    transition-timing-function: cubic-bezier(0.4, 0, 0.2, 1);
    transition-duration: 150ms;
  }
  @media (min-width: 640px) {
    .sm\:p-6 { padding: 1.5rem; }
  }
  @media (min-width: 1024px) {
    .lg\:py-8 { padding-top: 2rem; padding-bottom: 2rem; }
  }
</style>

<.link patch="/issues/3040?modal=true">Add new</.link>

<div :if={@modal_open} id="my-modal" phx-mounted={@show_modal} phx-remove={@hide_modal} data-cancel={@cancel} class="relative z-50 hidden">
  <div id="my-modal-bg" class="bg-zinc-50/90 fixed inset-0 transition-opacity" aria-hidden="true"></div>
  <div class="fixed inset-0 overflow-y-auto" aria-labelledby="my-modal-title" aria-describedby="my-modal-description" role="dialog" aria-modal="true" tabindex="0">
    <div class="flex min-h-full items-center justify-center">
      <div class="w-full max-w-3xl p-4 sm:p-6 lg:py-8">
        <div id="my-modal-container" phx-hook="Phoenix.FocusWrap" phx-window-keydown={@exec_cancel} phx-key="escape" phx-click-away={@exec_cancel} class="bg-gray-200 relative hidden rounded-2xl bg-white p-14 ring-1 transition">
          <div id="my-modal-container-start" tabindex="0" aria-hidden="true"></div>
          <div class="absolute top-6 right-5">
            <button phx-click={@exec_cancel} type="button" class="-m-3 flex-none p-3 opacity-20 hover:opacity-40" aria-label="close">
              x
            </button>
          </div>
          <div id="my-modal-content">
            <form phx-submit="submit">
              <input type="text" name="name" />

              <p :if={@submitted}>Form was submitted!</p>
            </form>
          </div>
          <div id="my-modal-container-end" tabindex="0" aria-hidden="true"></div>
        </div>
      </div>
    </div>
  </div>
</div>)",
                                       "e2e/issue_3040.heex");
    return t;
}

} // namespace conformance
