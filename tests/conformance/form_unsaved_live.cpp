// /form-unsaved (form-unsaved.spec.js): the dirty form and the page it navigates to.
#include "form_unsaved_live.h"
#include "fixture_template.h"

#include <liveview/template.h>

#include <stdexcept>

namespace conformance {

using liveview::Template;

void FormUnsavedLive::mount(const QVariantMap &, const QVariantMap &)
{
    assign("note", QStringLiteral(""));
    assign("dirty", false);
}

void FormUnsavedLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"validate")
        return LiveView::handleEvent(event, value);
    if (!value.contains("note"))
        throw std::invalid_argument("validate: no note");
    const QString note = value.value("note").toString();
    assign("note", note);
    assign("dirty", !note.isEmpty());
}

// The listeners are installed by a script of the page, before the LiveSocket exists (upstream:
// the layout's pre_script); the first render's HTML runs it while the page is parsed.
Template FormUnsavedLive::render() const
{
    static const Template t = compiled(R"(<script>
  (function () {
    if (window.unsavedFormListenersInstalled) return;
    window.unsavedFormListenersInstalled = true;
    window.unsavedEvents = window.unsavedEvents || [];
    const unsaved = () => !!document.querySelector("#unsaved-form[data-dirty='true']");
    window.addEventListener("phx:before-navigate", (e) => {
      if (!unsaved()) return;
      window.unsavedEvents.push({ type: "phx", detail: e.detail });
      if (!window.confirm("You have unsaved changes. Leave without saving?")) e.preventDefault();
    });
    window.addEventListener("beforeunload", (e) => {
      if (!unsaved()) return;
      window.unsavedEvents.push({ type: "beforeunload" });
      e.preventDefault();
      e.returnValue = "";
    });
  })();
</script>
<h1>Unsaved form</h1>

<.link navigate="/form-unsaved/target">Leave form</.link>

<form
  id="unsaved-form"
  phx-change="validate"
  data-dirty={if(@dirty, "true", "false")}
  style="margin-top: 1rem; display: flex; flex-direction: column; gap: 0.5rem; max-width: 20rem;"
>
  <label for="unsaved-note">Unsaved note</label>
  <input
    id="unsaved-note"
    name="note"
    value={@note}
    style="height: 2rem; border: 1px solid #cbd5e1; padding: 0 0.5rem;"
  />
  <p id="unsaved-value">Unsaved value: {@note}</p>
</form>)",
                                       "e2e/form_unsaved_live.heex");
    return t;
}

Template FormUnsavedTargetLive::render() const
{
    static const Template t =
        compiled("<h1>Unsaved form target</h1>", "e2e/form_unsaved_target.heex");
    return t;
}

} // namespace conformance
