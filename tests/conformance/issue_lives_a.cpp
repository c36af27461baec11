#include "issue_lives_a.h"
#include "fixture_template.h"

#include <stdexcept>

namespace conformance {

using liveview::Template;

namespace {
// What a template reads from `@form[:field]`: the input's id, name and value (nil: no attribute).
QVariantMap formField(const QString &form, const QString &field, const QVariant &value)
{
    return {{"id", QStringLiteral("%1_%2").arg(form, field)},
            {"name", QStringLiteral("%1[%2]").arg(form, field)},
            {"value", value}};
}

QString inspectString(QString s)
{
    return u'"' +
           s.replace(QStringLiteral("\\"), QStringLiteral("\\\\"))
               .replace(QStringLiteral("\""), QStringLiteral("\\\"")) +
           u'"';
}

// Elixir's inspect of a map of strings: %{} or %{"info" => "Saved"} (keys in order).
QString inspectStringMap(const QVariantMap &map)
{
    QStringList pairs;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        pairs << inspectString(it.key()) + QStringLiteral(" => ") +
                     inspectString(it.value().toString());
    return QStringLiteral("%{") + pairs.join(u", ") + u'}';
}

} // namespace

void Issue3194Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("form", QVariantMap{{"store_number", formField("foo", "store_number", QVariant())}});
}

void Issue3194Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"submit")
        pushNavigate("/issues/3194/other");
    else if (event != u"validate")
        LiveView::handleEvent(event, value);
}

Template Issue3194Live::render() const
{
    static const Template t = compiled(R"(<form phx-change="validate" phx-submit="submit">
  <input id={@form.store_number.id} name={@form.store_number.name} value={@form.store_number.value} type="text" phx-debounce="blur" />
</form>)",
                                       "e2e/issue_3194.heex");
    return t;
}

Template Issue3194OtherLive::render() const
{
    static const Template t = compiled("<h2>Another LiveView</h2>", "e2e/issue_3194_other.heex");
    return t;
}

void Issue3319Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("submitted", QVariantList());
    liveview::UploadOptions options; // accept: any file
    options.maxEntries = 2;
    allowUpload("documents", options);
}

void Issue3319Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"submit")
        assign("submitted",
               consumeUploadedEntries("documents",
                                      [](const QString &, const liveview::UploadEntry &entry) {
                                          return liveview::ConsumeResult::ok(entry.clientName);
                                      }));
    else if (event != u"validate")
        LiveView::handleEvent(event, value);
}

// The live file input is written out (as <.live_file_input ... required /> renders it): the
// engine's component passes no other attributes through.
Template Issue3319Live::render() const
{
    static const Template t =
        compiled(R"(<form id="upload-form" phx-change="validate" phx-submit="submit">
  <input id={@uploads.documents.ref} type="file" name={@uploads.documents.name} accept={@uploads.documents.accept} data-phx-hook="Phoenix.LiveFileUpload" data-phx-upload-ref={@uploads.documents.ref} data-phx-active-refs={@uploads.documents.active_refs} data-phx-done-refs={@uploads.documents.done_refs} data-phx-preflighted-refs={@uploads.documents.preflighted_refs} data-phx-error-refs={@uploads.documents.error_refs} data-phx-auto-upload={@uploads.documents.auto_upload} multiple={@uploads.documents.multiple} required />
  <button type="submit">Submit</button>

  <p :for={entry <- @uploads.documents.entries} class="upload-entry">
    {entry.client_name}
  </p>
</form>

<p id="submitted">{join(@submitted, ",")}</p>)",
                 "e2e/issue_3319.heex");
    return t;
}

void Issue3391Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("submitted?", false);
    assign("uploaded?", false);
    liveview::UploadOptions options;
    options.accept = {QStringLiteral(".txt")};
    options.autoUpload = true;
    options.maxEntries = 1;
    // Phoenix's handle_progress: a finished entry is consumed right away.
    options.progress = [this](const QString &name, const liveview::UploadEntry &entry) {
        if (!entry.done)
            return;
        consumeUploadedEntries(name, [](const QString &, const liveview::UploadEntry &) {
            return liveview::ConsumeResult::ok();
        });
        assign("uploaded?", true);
    };
    allowUpload("document", options);
}

void Issue3391Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"cancel")
        cancelUpload("document", value.value("ref").toString());
    else if (event == u"submit")
        assign("submitted?", true);
    else if (event != u"validate")
        LiveView::handleEvent(event, value);
}

// Errors are shown as Elixir inspects the atom (":not_accepted").
Template Issue3391Live::render() const
{
    static const Template t =
        compiled(R"(<form id="upload-form" phx-change="validate" phx-submit="submit">
  <.live_file_input upload={@uploads.document} />
  <button type="submit">Submit</button>

  <article :for={entry <- @uploads.document.entries} class="upload-entry">
    <span>{entry.client_name}: {entry.progress}%</span>
    <button type="button" phx-click="cancel" phx-value-ref={entry.ref}>Cancel</button>
    <p :for={error <- upload_errors(@uploads.document, entry)} class="upload-error">
      {":" <> error}
    </p>
  </article>
</form>

<p id="uploaded">uploaded: {@uploaded?}</p>
<p id="submitted">submitted: {@submitted?}</p>)",
                 "e2e/issue_3391.heex");
    return t;
}

void Issue3647Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("form", QVariantMap{{"name", formField("user", "name", QVariant())}});
    assign("uploaded_files", QVariantList());
    liveview::UploadOptions options;
    options.accept = {QStringLiteral(".txt"), QStringLiteral(".md")};
    options.maxEntries = 2;
    options.autoUpload = true;
    // A finished entry is consumed at once; its uuid goes to the front of the list. (Each entry
    // is consumed when it finishes, so consuming every finished one consumes this one.)
    options.progress = [this](const QString &name, const liveview::UploadEntry &entry) {
        if (!entry.done)
            return;
        const QVariantList uuids =
            consumeUploadedEntries(name, [](const QString &, const liveview::UploadEntry &e) {
                return liveview::ConsumeResult::ok(e.uuid);
            });
        QVariantList files = assigned("uploaded_files").toList();
        for (const QVariant &uuid : uuids)
            files.prepend(uuid);
        assign("uploaded_files", files);
    };
    allowUpload("avatar", options);
}

void Issue3647Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"validate-user") {
        const QVariant name = value.value("user").toMap().value("name");
        assign("form", QVariantMap{{"name", formField("user", "name", name)}});
    } else if (event == u"cancel-upload") {
        cancelUpload("avatar", value.value("ref").toString());
    } else if (event != u"validate") {
        LiveView::handleEvent(event, value);
    }
}

// Upstream this page has a layout of its own whose LiveSocket has the JsUpload hook; here the
// hook is defined by a script the first render's HTML runs before the LiveSocket is created,
// followed by that layout's style and <main>. The file input is written out for its `form`.
Template Issue3647Live::render() const
{
    static const Template t = compiled(R"(<script>
  // A click uploads a 1 MiB text file to the file input (through the form it belongs to) and
  // appends the text input's length to its value; data-before swaps the two steps.
  window.hooks.JsUpload = {
    mounted() {
      this.el.addEventListener("click", () => {
        const steps = [() => this.uploadFile(), () => this.typeIntoInput()];
        if ("before" in this.el.dataset) steps.reverse();
        steps.forEach((step) => step());
      });
    },
    uploadFile() {
      const input = document.querySelector("input[type=file]");
      const file = new File(["x".repeat(1024 * 1024)], "1mb_of_x.txt", { type: "text/plain" });
      this.uploadTo(input.form, input.name, [file]);
    },
    typeIntoInput() {
      const input = document.querySelector("input[type=text]");
      input.value += input.value.length;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    },
  };
</script>
<style>
  * { font-size: 1.1em; }
</style>

<main>
  <form method="post" id="user-form" phx-change="validate-user">
    <input id={@form.name.id} name={@form.name.name} value={@form.name.value} type="text" />
    <button id="x" type="button" phx-hook="JsUpload">
      Upload then Input
    </button>
    <button id="y" type="button" phx-hook="JsUpload" data-before>
      Input then Upload
    </button>
    <input id={@uploads.avatar.ref} type="file" name={@uploads.avatar.name} accept={@uploads.avatar.accept} data-phx-hook="Phoenix.LiveFileUpload" data-phx-upload-ref={@uploads.avatar.ref} data-phx-active-refs={@uploads.avatar.active_refs} data-phx-done-refs={@uploads.avatar.done_refs} data-phx-preflighted-refs={@uploads.avatar.preflighted_refs} data-phx-error-refs={@uploads.avatar.error_refs} data-phx-auto-upload={@uploads.avatar.auto_upload} multiple={@uploads.avatar.multiple} form="auto-form" />
  </form>

  <form id="auto-form" phx-change="validate"></form>
  <section class="pending-uploads" phx-drop-target={@uploads.avatar.ref} style="min-height: 100%;">
    <h3>Pending Uploads ({length(@uploads.avatar.entries)})</h3>

    <div :for={entry <- @uploads.avatar.entries}>
      <progress value={entry.progress} max="100">{entry.progress}%</progress>
      <div>
        {entry.uuid}<br />
        <a href="#" phx-click="cancel-upload" phx-value-ref={entry.ref} class="upload-entry__cancel">
          Cancel Upload
        </a>
      </div>
    </div>
  </section>

  <ul>
    <li :for={file <- @uploaded_files}><a href={file}>{file}</a></li>
  </ul>
</main>)",
                                       "e2e/issue_3647.heex");
    return t;
}

void Issue3651Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("id", 1);
    assign("counter", 0);
}

// Phoenix's connected mount: the first "myevent" goes with the join, the id changes right after.
void Issue3651Live::connected()
{
    pushEvent("myevent", {});
    infoSender()(QStringLiteral("change_id"));
}

void Issue3651Live::handleInfo(const QVariant &message)
{
    if (message.toString() == u"change_id")
        assign("id", 2);
    else
        LiveView::handleInfo(message);
}

void Issue3651Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"reload") {
        const int counter = assigned("counter").toInt() + 1;
        pushEvent("myevent", {});
        assign("counter", counter);
        if (counter > 4096)
            throw std::runtime_error("that's enough, bye!");
    } else if (event != u"lol") {
        LiveView::handleEvent(event, value);
    }
}

// The hooks are defined by a script the first render's HTML runs before the LiveSocket is
// created (upstream: the layout's pre_script).
Template Issue3651Live::render() const
{
    static const Template t = compiled(R"(<script>
  window.hooks.OuterHook = {
    mounted() {
      this.pushEvent("lol");
    },
  };
  window.hooks.InnerHook = {
    mounted() {
      // Every "myevent" asks the server for a "reload" (which pushes "myevent" again) 50 ms
      // later: a hook left behind by the id change would double the events each round.
      this.handleEvent("myevent", () => setTimeout(() => this.pushEvent("reload", {}), 50));
    },
    destroyed() {
      document.getElementById("notice").innerHTML = "";
    },
  };
</script>
<div id="main" phx-hook="OuterHook">
  <div phx-hook="InnerHook" id={"id-" <> @id}></div>
  This is an example of nested hooks resulting in a "ghost" element
  that isn't on the DOM, and is never cleaned up. In this specific example
  a timeout is used to show how the number of events being sent to the server
  grows exponentially.
  <p>Doing any of the following things fixes it:</p>
  <ol>
    <li>Setting the `phx-hook` to use a fixed id.</li>
    <li>Removing the `pushEvent` from the OuterHook `mounted` callback.</li>
    <li>Deferring the pushEvent by wrapping it in a setTimeout.</li>
  </ol>
</div>
<div>
  To prevent blowing up your computer, the page will reload after 4096 events, which takes ~12 seconds
</div>
<div style="color: blue; font-size: 20px" id="counter">
  Total Event Calls: <span id="total">{@counter}</span>
</div>
<div style="color: red; font-size: 72px" id="notice" phx-update="ignore">
  I will disappear if the bug is not present.
</div>)",
                                       "e2e/issue_3651.heex");
    return t;
}

Issue3686Live::Issue3686Live(const char *name, const char *next, const char *to, Leave leave)
    : m_name(QString::fromLatin1(name)), m_next(QString::fromLatin1(next)),
      m_to(QString::fromLatin1(to)), m_leave(leave)
{
}

Issue3686ALive::Issue3686ALive() : Issue3686Live("A", "B", "/issues/3686/b", Leave::Navigate)
{
}
Issue3686BLive::Issue3686BLive() : Issue3686Live("B", "C", "/issues/3686/c", Leave::Redirect)
{
}
Issue3686CLive::Issue3686CLive() : Issue3686Live("C", "A", "/issues/3686/a", Leave::Navigate)
{
}

void Issue3686Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("name", m_name);
    assign("next", m_next);
    assign("flash_inspect", inspectStringMap(assigned("flash").toMap()));
}

void Issue3686Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"go")
        return LiveView::handleEvent(event, value);
    putFlash("info", QStringLiteral("Flash from ") + m_name);
    assign("flash_inspect", inspectStringMap(assigned("flash").toMap()));
    if (m_leave == Leave::Navigate)
        pushNavigate(m_to);
    else
        redirect(m_to);
}

// `{inspect(@flash)}` upstream: the engine has no inspect, the view keeps the text in an assign.
Template Issue3686Live::render() const
{
    static const Template t = compiled(R"(<h1>{@name}</h1>
<button phx-click="go">To {@next}</button>

<div id="flash">
  {@flash_inspect}
</div>)",
                                       "e2e/issue_3686.heex");
    return t;
}

} // namespace conformance
