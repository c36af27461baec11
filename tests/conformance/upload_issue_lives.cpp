#include "upload_issue_lives.h"

namespace conformance {

void Issue4078Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("disabled", true);
    assign("custom_class", QStringLiteral("initial-class"));
    liveview::UploadOptions options;
    options.accept = {".jpg", ".jpeg", ".png", ".txt"};
    options.maxEntries = 2;
    allowUpload("avatar", options);
}

void Issue4078Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"toggle-disabled")
        assign("disabled", !assigned("disabled").toBool());
    else if (event == u"toggle-class")
        assign("custom_class", assigned("custom_class").toString() == u"initial-class"
                                   ? QStringLiteral("updated-class")
                                   : QStringLiteral("initial-class"));
    else if (event != u"validate")
        LiveView::handleEvent(event, value);
}

// The live file input is written out (as <.live_file_input ... disabled class> renders it): the
// engine's component passes no other attributes through.
liveview::Template Issue4078Live::render() const
{
    static const liveview::Template t =
        liveview::Template::compile(QStringLiteral(R"(<form id="upload-form" phx-change="validate">
  <input id={@uploads.avatar.ref} type="file" name={@uploads.avatar.name} accept={@uploads.avatar.accept} data-phx-hook="Phoenix.LiveFileUpload" data-phx-upload-ref={@uploads.avatar.ref} data-phx-active-refs={@uploads.avatar.active_refs} data-phx-done-refs={@uploads.avatar.done_refs} data-phx-preflighted-refs={@uploads.avatar.preflighted_refs} data-phx-error-refs={@uploads.avatar.error_refs} data-phx-auto-upload={@uploads.avatar.auto_upload} multiple={@uploads.avatar.multiple} disabled={@disabled} class={@custom_class} />
</form>

<button id="toggle-disabled" type="button" phx-click="toggle-disabled">Toggle Disabled</button>
<button id="toggle-class" type="button" phx-click="toggle-class">Toggle Class</button>

<article :for={entry <- @uploads.avatar.entries} class="upload-entry">
  <span class="entry-name">{entry.client_name}</span>
</article>)"),
                                    QStringLiteral("e2e/issue_4078.heex"));
    return t;
}

} // namespace conformance
