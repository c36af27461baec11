#include "root_content_lives.h"
#include "fixture_template.h"

#include <liveview/safe_html.h>
#include <liveview/upload.h>

#include <QRandomGenerator>
#include <QThread>

namespace conformance {

using liveview::Template;

namespace {
// The root layout writes this assign at the start of <body> on the first HTTP render.
const QString renderInRoot = QStringLiteral("render_in_root");

QVariant rootContent(const char *html)
{
    return QVariant::fromValue(liveview::SafeHtml{QString::fromUtf8(html)});
}
} // namespace

// --- /issues/4147 ----------------------------------------------------------------------------

// The hook is colocated upstream (`phx-hook=".HookOutside"`, named after the view's module); its
// code is in assets/colocated/issue_4147.js.
void Issue4147Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign(renderInRoot, rootContent(R"(<div id="foobar" phx-hook=")"
                                     "Phoenix.LiveViewTest.E2E.Issue4147Live.HookOutside"
                                     R"("></div>)"));
}

Template Issue4147Live::render() const
{
    static const Template t = compiled(R"(<h1>Inside</h1>)", "e2e/issue_4147.heex");
    return t;
}

// --- /issues/4212 ----------------------------------------------------------------------------

namespace {
QVariantMap issue4212Item(const QString &id, const QString &name)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}};
}
} // namespace

// The script runs before the parser reaches the stream's first elements, so the server-rendered
// ones are upgraded (and logged as connected) too.
void Issue4212Live::mount(const QVariantMap &, const QVariantMap &)
{
    stream(QStringLiteral("items"),
           {issue4212Item("a", "A"), issue4212Item("b", "B"), issue4212Item("c", "C")});
    assign("counter", 0);
    assign(renderInRoot, rootContent(R"(<script>
  // Each lifecycle callback of <lv-custom-el> is logged with the element's id: an atomic move
  // (moveBefore) shows as "moved", a detach and re-attach as "disconnected" then "connected".
  (() => {
    window.__lvCustomElLog = [];
    const log = (type, el) => window.__lvCustomElLog.push({ type, id: el.id });
    customElements.define(
      "lv-custom-el",
      class extends HTMLElement {
        connectedCallback() {
          log("connected", this);
        }
        disconnectedCallback() {
          log("disconnected", this);
        }
        connectedMoveCallback() {
          log("moved", this);
        }
      },
    );
  })();
</script>)"));
}

void Issue4212Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"insert_at_1")
        return LiveView::handleEvent(event, value);
    const int n = assigned("counter").toInt() + 1;
    assign("counter", n);
    streamInsert(QStringLiteral("items"),
                 issue4212Item(QStringLiteral("new%1").arg(n), QStringLiteral("New %1").arg(n)), 1);
}

Template Issue4212Live::render() const
{
    static const Template t =
        compiled(R"(<button id="insert-at-1" phx-click="insert_at_1">Insert at 1</button>
<ul id="items" phx-update="stream">
  <li :for={{dom_id, item} <- @streams.items} id={dom_id}>
    <lv-custom-el id={"el-" <> item.id}>{item.name}</lv-custom-el>
  </li>
</ul>)",
                 "e2e/issue_4212.heex");
    return t;
}

// --- /issues/2965 ----------------------------------------------------------------------------

namespace {
// Upstream's NoOpWriter: keeps nothing, and takes 1 to 200 ms per chunk (a slow store), which
// spreads the finishing of the entries uploaded together.
class SlowNoOpWriter : public liveview::UploadWriter
{
public:
    QString writeChunk(const QByteArray &) override
    {
        QThread::msleep(QRandomGenerator::global()->bounded(1, 201));
        return {};
    }
};
} // namespace

void Issue2965Live::mount(const QVariantMap &, const QVariantMap &)
{
    liveview::UploadOptions options; // any file type
    options.maxEntries = 1500;
    options.chunkSize = 5 * 1024 * 1024; // the engine caps it at 4 MiB: the spec sends 100 KiB
    options.maxFileSize = 10'000'000'000;
    options.autoUpload = true;
    options.writer = [](const QString &, const liveview::UploadEntry &) {
        return std::make_unique<SlowNoOpWriter>();
    };
    // handle_progress upstream: each finished entry lets the hook send its next file.
    options.progress = [this](const QString &, const liveview::UploadEntry &entry) {
        if (entry.done)
            pushEvent(QStringLiteral("upload_send_next_file"), {});
    };
    allowUpload(QStringLiteral("files"), options);
}

void Issue2965Live::handleEvent(const QString &event, const QVariantMap &value)
{
    // Upstream checks the names against a store and answers the ones to upload: all of them.
    if (event == u"upload_scrub_list")
        replyToEvent({{QStringLiteral("deduped_filenames"), value.value("file_names")}});
    else if (event == u"cancel-upload")
        cancelUpload(QStringLiteral("files"), value.value("ref").toString());
    else if (event != u"validate" && event != u"save")
        LiveView::handleEvent(event, value);
}

// Upstream's own layout for this page creates a LiveSocket with the QueuedUploaderHook; here the
// hook is defined by a script the first render's HTML runs before the page's LiveSocket reads
// window.hooks. The <.form> (no action: no method, no token) and the hidden live file input (its
// style) are written out. The picker is disabled while an entry is not done: the upload's active
// refs then differ from its done refs (which keep the entries' order).
Template Issue2965Live::render() const
{
    static const Template t = compiled(R"(<script>
  // Files picked on this input are first checked with the server (upload_scrub_list answers the
  // names to upload), then handed to the live file input "files": a batch of
  // data-max-concurrency (default 3) at once, then one more each time the server pushes
  // upload_send_next_file for a finished entry.
  window.hooks.QueuedUploaderHook = {
    mounted() {
      const batchSize = Number(this.el.dataset.maxConcurrency) || 3;
      let waiting = [];
      this.el.addEventListener("input", (event) => {
        event.preventDefault();
        if (!(event.target instanceof HTMLInputElement) || !event.target.files) return;
        const picked = Array.from(event.target.files);
        const names = picked.map((file) => file.name);
        this.pushEvent("upload_scrub_list", { file_names: names }, ({ deduped_filenames }) => {
          const toUpload = picked.filter((file) => deduped_filenames.includes(file.name));
          waiting = toUpload.slice(batchSize);
          this.upload("files", toUpload.slice(0, batchSize));
        });
      });
      this.handleEvent("upload_send_next_file", () => {
        const next = waiting.shift();
        if (next) this.upload("files", [next]);
        else console.log("upload queue empty");
      });
    },
  };
</script>

<main>
  <h1>Uploader reproduction</h1>
  <form phx-submit="save" phx-change="validate">
    <section>
      <input id={@uploads.files.ref} type="file" name={@uploads.files.name} accept={@uploads.files.accept} data-phx-hook="Phoenix.LiveFileUpload" data-phx-upload-ref={@uploads.files.ref} data-phx-active-refs={@uploads.files.active_refs} data-phx-done-refs={@uploads.files.done_refs} data-phx-preflighted-refs={@uploads.files.preflighted_refs} data-phx-error-refs={@uploads.files.error_refs} data-phx-auto-upload={@uploads.files.auto_upload} multiple={@uploads.files.multiple} style="display: none;" />
      <input
        id="fileinput"
        type="file"
        multiple
        phx-hook="QueuedUploaderHook"
        disabled={@uploads.files.active_refs != @uploads.files.done_refs}
      />
      <h2 :if={length(@uploads.files.entries) > 0}>Currently uploading files</h2>
      <div>
        <table>
          <!-- head -->
          <thead>
            <tr>
              <th>File Name</th>
              <th>Progress</th>
              <th>Cancel</th>
              <th>Errors</th>
            </tr>
          </thead>
          <tbody>
            <tr :for={entry <- @uploads.files.entries}>
              <td>{entry.client_name}</td>
              <td>
                <progress value={entry.progress} max="100">
                  {entry.progress}%
                </progress>
              </td>

              <td>
                <button
                  type="button"
                  phx-click="cancel-upload"
                  phx-value-ref={entry.ref}
                  aria-label="cancel"
                >
                  <span>&times;</span>
                </button>
              </td>
              <td>
                <p :for={err <- upload_errors(@uploads.files, entry)} style="color: red;">{if(err == "too_large", "Too large", if(err == "not_accepted", "You have selected an unacceptable file type", if(err == "s3_error", "Error on writing to cloudflare", "unknown error")))}</p>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <p :for={err <- upload_errors(@uploads.files)} style="text-red">{if(err == "too_large", "Too large", if(err == "not_accepted", "You have selected an unacceptable file type", if(err == "s3_error", "Error on writing to cloudflare", "unknown error")))}</p>
    </section>
  </form>
</main>)",
                                       "e2e/issue_2965.heex");
    return t;
}

} // namespace conformance
