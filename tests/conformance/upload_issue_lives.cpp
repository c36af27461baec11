#include "upload_issue_lives.h"

#include <QThread>

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

void Issue2835Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("uploaded_files", QVariantList());
    liveview::UploadOptions options;
    options.autoUpload = true;
    options.maxEntries = 2;
    options.maxEntriesMode = liveview::UploadOptions::MaxEntriesMode::Total;
    // handle_progress upstream: a finished entry is consumed at once, keeping its client name.
    options.progress = [this](const QString &name, const liveview::UploadEntry &entry) {
        if (!entry.done)
            return;
        const QVariantList names =
            consumeUploadedEntries(name, [](const QString &, const liveview::UploadEntry &done) {
                return liveview::ConsumeResult::ok(done.clientName);
            });
        assign("uploaded_files", assigned("uploaded_files").toList() + names);
    };
    allowUpload("documents", options);
}

void Issue2835Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"validate")
        LiveView::handleEvent(event, value);
}

liveview::Template Issue2835Live::render() const
{
    static const liveview::Template t =
        liveview::Template::compile(QStringLiteral(R"(<form id="upload-form" phx-change="validate">
  <.live_file_input upload={@uploads.documents} />

  <article :for={entry <- @uploads.documents.entries} class="upload-entry" data-name={entry.client_name}>
    {entry.client_name}: {entry.progress}%
  </article>

  <p :for={error <- upload_errors(@uploads.documents)} class="upload-error">
    :{error}
  </p>
</form>

<ul id="uploaded-files">
  <li :for={name <- @uploaded_files}>{name}</li>
</ul>)"),
                                    QStringLiteral("e2e/issue_2835.heex"));
    return t;
}

namespace {
// Upstream's Writer: keeps nothing; a chunk "error" fails with invalid_pdf, "delay" takes 500 ms.
class ChunkCheckingWriter : public liveview::UploadWriter
{
public:
    QString writeChunk(const QByteArray &chunk) override
    {
        if (chunk == "error")
            return QStringLiteral("invalid_pdf");
        if (chunk == "delay")
            QThread::msleep(500);
        return {};
    }
};
} // namespace

void Issue4368Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("consumed", QStringList());
    assign("submitted", false);
    liveview::UploadOptions options;
    options.autoUpload = true;
    options.chunkSize = 5;
    options.maxEntries = 2;
    options.writer = [](const QString &, const liveview::UploadEntry &) {
        return std::make_unique<ChunkCheckingWriter>();
    };
    options.progress = [this](const QString &name, const liveview::UploadEntry &entry) {
        if (!entry.done)
            return;
        const QVariantList names =
            consumeUploadedEntries(name, [](const QString &, const liveview::UploadEntry &done) {
                return liveview::ConsumeResult::ok(done.clientName);
            });
        QStringList consumed = assigned("consumed").toStringList();
        for (const QVariant &n : names)
            consumed.prepend(n.toString());
        assign("consumed", consumed);
    };
    allowUpload("documents", options);
}

void Issue4368Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"cancel")
        cancelUpload("documents", value.value("ref").toString());
    else if (event == u"submit")
        assign("submitted", true);
    else if (event != u"validate")
        LiveView::handleEvent(event, value);
}

// inspect(error) upstream: {:writer_failure, :invalid_pdf}, written out from the error's parts.
liveview::Template Issue4368Live::render() const
{
    static const liveview::Template t =
        liveview::Template::compile(QStringLiteral(R"(<div id="issue-4368">
  <form id="upload-form" phx-change="validate" phx-submit="submit">
    <.live_file_input upload={@uploads.documents} />
    <button type="submit">Submit</button>
  </form>

  <p id="submitted">submitted: {to_string(@submitted)}</p>
  <p id="consumed">consumed: {join(@consumed, ",")}</p>

  <article :for={entry <- @uploads.documents.entries} class="upload-entry" data-name={entry.client_name}>
    <span>{entry.client_name}: {entry.progress}%</span>
    <button type="button" phx-click="cancel" phx-value-ref={entry.ref}>Cancel</button>
    <p :for={error <- @uploads.documents.errors} :if={error.ref == entry.ref} class="upload-error">&lbrace;:{error.reason}, :{error.detail}&rbrace;</p>
  </article>
</div>)"),
                                    QStringLiteral("e2e/issue_4368.heex"));
    return t;
}

} // namespace conformance
