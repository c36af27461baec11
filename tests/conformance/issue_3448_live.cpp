// /issues/3448: a checkbox that dispatches input and focuses another field of its form.
#include "issue_3448_live.h"
#include "fixture_template.h"

#include "issue_lives_c_helpers.h"

#include <liveview/template.h>

namespace conformance {

using liveview::Template;

void Issue3448Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("values", QStringList());
    assign("settings", false);
    assign("content", false);
    assign("dispatch_and_focus",
           jsEncoded({jsOp("dispatch", {{"event", "input"}}), jsOp("focus", {{"to", "#search"}})}));
}

void Issue3448Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"validate") {
        // The form again from the params: the checked boxes are the list under "a".
        const QStringList checked = value.value(QStringLiteral("a")).toStringList();
        assign("values", checked);
        assign("settings", checked.contains(u"settings"));
        assign("content", checked.contains(u"content"));
    } else if (event != u"search") {
        LiveView::handleEvent(event, value);
    }
}

// Upstream renders the values through a named slot of a function component (one <div> per
// slot entry); this is the markup it produces.
Template Issue3448Live::render() const
{
    static const Template t =
        compiled(R"(<form id="my_form" phx-change="validate" class="flex flex-col gap-2">
  <div>
    <div :for={value <- @values}>
      <div>{value}</div>
    </div>

    <input id="search" type="search" name="value" phx-change="search" />
  </div>

  <div class="flex gap-2">
    <input type="checkbox" name="a[]" value="settings" checked={@settings} phx-click={@dispatch_and_focus} />

    <input type="checkbox" name="a[]" value="content" checked={@content} phx-click={@dispatch_and_focus} />
  </div>
</form>)",
                 "e2e/issue_3448.heex");
    return t;
}

} // namespace conformance
