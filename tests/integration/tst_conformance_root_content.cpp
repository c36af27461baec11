// The fixtures of root_content_lives through the harness: 4147's hooked element and 4212's
// custom element script rendered by the root layout outside the view's container (first HTTP
// render only), 4212's stream insert at index 1, and 2965's uploads queued by its hook through a
// custom writer (scrub reply, one push per finished entry, the picker disabled meanwhile).
#include <fixture_router.h>
#include <root_content_lives.h>

#include <liveview/router.h>
#include <liveview/testing/file_input.h>
#include <liveview/testing/html_document.h>
#include <liveview/testing/live_view_test.h>
#include <liveview/upload.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {
const QString hookOutside = QStringLiteral("Phoenix.LiveViewTest.E2E.Issue4147Live.HookOutside");

// The routes of these fixtures, in upstream's live sessions.
std::shared_ptr<Router> rootContentRouter()
{
    auto router = std::make_shared<Router>();
    router->liveSession(QStringLiteral("default"));
    router->live<conformance::Issue4147Live>(QStringLiteral("/issues/4147"));
    router->live<conformance::Issue4212Live>(QStringLiteral("/issues/4212"));
    router->liveSession(QString()); // upstream: outside every live session (its own layout)
    router->live<conformance::Issue2965Live>(QStringLiteral("/issues/2965"));
    return router;
}

// Whitespace-normalized text, as Playwright's toHaveText compares it.
QString text(LiveViewTest &lv, const QString &selector)
{
    return lv.element(selector).element().textContent().simplified();
}

QString resourceText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QStringList ids(const QList<HtmlElement> &elements)
{
    QStringList out;
    for (const HtmlElement &element : elements)
        out << element.id();
    return out;
}

// The 2965 table's rows as "name progress" (the <progress> value).
QStringList uploadRows(LiveViewTest &lv)
{
    QStringList out;
    for (const HtmlElement &row : lv.document().select("tbody tr"))
        out << row.selectOne("td").textContent().simplified() + u' ' +
                   row.selectOne("progress").attribute("value");
    return out;
}

UploadFile textFile(const QString &name)
{
    return {name, QByteArray(100 * 1024, 'x'), QStringLiteral("text/plain")};
}
} // namespace

class tst_ConformanceRootContent : public QObject
{
    Q_OBJECT
    std::shared_ptr<Router> router = rootContentRouter();
    LiveTestApp app{router};
    QTemporaryDir m_uploads; // the harness has no data directory: uploads go here

private slots:
    void initTestCase()
    {
        QVERIFY(m_uploads.isValid());
        UploadStorage::setDirectory(m_uploads.path());
    }

    void routesAreInUpstreamsLiveSessions_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("session");
        QTest::newRow("/issues/4147") << "/issues/4147"
                                      << "default";
        QTest::newRow("/issues/4212") << "/issues/4212"
                                      << "default";
        QTest::newRow("/issues/2965") << "/issues/2965"
                                      << "";
    }
    void routesAreInUpstreamsLiveSessions()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, session);
        // The server's own routes (fixture_router.cpp), not this test's copy of them.
        static const auto served = conformance::fixtureRouter();
        QVERIFY(served->match(pattern).isValid());
        QCOMPARE(served->sessionOf(pattern), session);
    }

    // --- /issues/4147 ---

    void issue4147HookedElementIsOutsideTheView()
    {
        const LiveTestApp::Page page = app.get("/issues/4147");
        QCOMPARE(page.status, 200);
        const HtmlDocument doc = HtmlDocument::parse(page.html);
        const HtmlElement outside = doc.selectOne("body > #foobar");
        QVERIFY(!outside.isNull());
        QCOMPARE(outside.attribute("phx-hook"), hookOutside);
        QVERIFY(outside.children().isEmpty());
        QCOMPARE(outside.textContent(), QString());
        QCOMPARE(doc.select("#foobar").size(), 1);
        QVERIFY(doc.selectOne("[data-phx-main] #foobar").isNull());
        QCOMPARE(doc.selectOne("[data-phx-main] h1").textContent(), QStringLiteral("Inside"));
        // Only the main view's container is a live view: the client's .phx-loading goes there.
        QCOMPARE(doc.select("[data-phx-session]").size(), 1);
    }

    void issue4147SocketRendersOnlyTheView()
    {
        LiveViewTest lv = live(app, "/issues/4147");
        QCOMPARE(text(lv, "h1"), QStringLiteral("Inside"));
        QVERIFY(!lv.hasElement("#foobar"));
        QVERIFY(!lv.render().contains("foobar"));
        // A rejoin (the spec's reconnect) renders the same container content, nothing outside.
        lv.rejoin();
        QVERIFY(!lv.isCrashed());
        QCOMPARE(text(lv, "h1"), QStringLiteral("Inside"));
        QVERIFY(!lv.hasElement("#foobar"));
    }

    // The hook's code: the colocated file, imported by the index the page script reads.
    void issue4147HookIsRegisteredUnderItsModuleName()
    {
        const QString hooks =
            resourceText(QStringLiteral(":/conformance/assets/colocated/issue_4147.js"));
        QVERIFY(hooks.contains(QStringLiteral("\"%1\": {").arg(hookOutside)));
        QVERIFY(hooks.contains(QStringLiteral("console.log(\"HookOutside mounted\")")));
        const QString index =
            resourceText(QStringLiteral(":/conformance/assets/colocated/index.js"));
        QVERIFY(index.contains(QStringLiteral("from \"./issue_4147.js\"")));
        QVERIFY(index.contains(QStringLiteral("...issue4147Hooks")));
    }

    // --- /issues/4212 ---

    // The custom element is defined by a script before the container, so the parser upgrades
    // the server-rendered elements as it reaches them.
    void issue4212ScriptPrecedesTheView()
    {
        const LiveTestApp::Page page = app.get("/issues/4212");
        QCOMPARE(page.status, 200);
        const HtmlDocument doc = HtmlDocument::parse(page.html);
        const QList<HtmlElement> body = doc.select("body > *");
        QVERIFY(body.size() >= 2);
        QCOMPARE(body.first().tagName(), QStringLiteral("script"));
        const QString script = body.first().textContent();
        QVERIFY(script.contains(QStringLiteral("window.__lvCustomElLog = []")));
        QVERIFY(script.contains(QStringLiteral("customElements.define(")));
        QVERIFY(script.contains(QStringLiteral("\"lv-custom-el\"")));
        for (const char *callback :
             {"connectedCallback()", "disconnectedCallback()", "connectedMoveCallback()"})
            QVERIFY2(script.contains(QLatin1String(callback)), callback);
        for (const char *type : {"\"connected\"", "\"disconnected\"", "\"moved\""})
            QVERIFY2(script.contains(QLatin1String(type)), type);
        QVERIFY(body.last().hasAttribute("data-phx-main"));
        QVERIFY(doc.selectOne("[data-phx-main] script").isNull());
        // The stream's elements are in the first render, after the script.
        QCOMPARE(ids(doc.select("[data-phx-main] #items > li")),
                 (QStringList{"items-a", "items-b", "items-c"}));
        QCOMPARE(doc.select("[data-phx-main] lv-custom-el").size(), 3);
    }

    void issue4212InsertsAtIndexOne()
    {
        LiveViewTest lv = live(app, "/issues/4212");
        QVERIFY(!lv.hasElement("script"));
        QVERIFY(lv.hasElement("button#insert-at-1[phx-click=insert_at_1]", "Insert at 1"));
        QVERIFY(lv.hasElement("ul#items[phx-update=stream]"));
        QCOMPARE(ids(lv.document().select("#items > li")),
                 (QStringList{"items-a", "items-b", "items-c"}));
        for (const QString &id : {"a", "b", "c"}) {
            const HtmlElement el =
                lv.element(QStringLiteral("#items-%1 > #el-%1").arg(id)).element();
            QCOMPARE(el.tagName(), QStringLiteral("lv-custom-el"));
            QCOMPARE(el.textContent(), id.toUpper());
        }

        lv.element("#insert-at-1").renderClick();
        QCOMPARE(ids(lv.document().select("#items > li")),
                 (QStringList{"items-a", "items-new1", "items-b", "items-c"}));
        const HtmlElement inserted = lv.element("#items-new1 > #el-new1").element();
        QCOMPARE(inserted.tagName(), QStringLiteral("lv-custom-el"));
        QCOMPARE(inserted.textContent(), QStringLiteral("New 1"));

        lv.element("#insert-at-1").renderClick();
        QCOMPARE(ids(lv.document().select("#items > li")),
                 (QStringList{"items-a", "items-new2", "items-new1", "items-b", "items-c"}));
        QCOMPARE(text(lv, "#el-new2"), QStringLiteral("New 2"));
    }

    // --- /issues/2965 ---

    void issue2965RendersTheUploader()
    {
        LiveViewTest lv = live(app, "/issues/2965");
        QVERIFY(lv.deadRender().contains("window.hooks.QueuedUploaderHook = {"));
        QCOMPARE(text(lv, "main h1"), QStringLiteral("Uploader reproduction"));
        const HtmlElement form = lv.element("main form").element();
        QCOMPARE(form.attribute("phx-change"), QStringLiteral("validate"));
        QCOMPARE(form.attribute("phx-submit"), QStringLiteral("save"));
        QVERIFY(!form.hasAttribute("action"));
        QVERIFY(lv.document().select("main form input[type=hidden]").isEmpty());

        const HtmlElement upload =
            lv.element("main form section input[name=files][data-phx-upload-ref]").element();
        QCOMPARE(upload.attribute("type"), QStringLiteral("file"));
        QCOMPARE(upload.attribute("style"), QStringLiteral("display: none;"));
        QCOMPARE(upload.attribute("data-phx-hook"), QStringLiteral("Phoenix.LiveFileUpload"));
        QVERIFY(upload.hasAttribute("data-phx-auto-upload"));
        QVERIFY(upload.hasAttribute("multiple"));
        QVERIFY(!upload.hasAttribute("accept")); // any file

        const HtmlElement picker = lv.element("#fileinput").element();
        QCOMPARE(picker.attribute("type"), QStringLiteral("file"));
        QCOMPARE(picker.attribute("phx-hook"), QStringLiteral("QueuedUploaderHook"));
        QVERIFY(picker.hasAttribute("multiple"));
        QVERIFY(!picker.hasAttribute("disabled"));
        QVERIFY(!picker.hasAttribute("name"));

        QVERIFY(!lv.hasElement("h2"));
        QStringList headers;
        for (const HtmlElement &th : lv.document().select("table thead th"))
            headers << th.textContent().simplified();
        QCOMPARE(headers, (QStringList{"File Name", "Progress", "Cancel", "Errors"}));
        QVERIFY(lv.document().select("tbody tr").isEmpty());
    }

    // What the hook asks before uploading: every name is kept.
    void issue2965ScrubListAnswersEveryName()
    {
        LiveViewTest lv = live(app, "/issues/2965");
        const QStringList names{"file1.txt", "file2.txt", "file3.txt"};
        lv.renderEvent("upload_scrub_list", {{"file_names", names}}, "hook");
        QVERIFY(!lv.isCrashed());
        const QJsonObject reply = lv.lastDiff().value("r").toObject();
        QCOMPARE(reply.value("deduped_filenames").toArray(), QJsonArray::fromStringList(names));
    }

    // The hook's flow: a batch of three, then one file per upload_send_next_file. Entries are
    // never consumed, so every row stays at 100; the writer keeps no temporary file.
    void issue2965UploadsInBatchesThroughTheWriter()
    {
        LiveViewTest lv = live(app, "/issues/2965");
        FileInput batch =
            lv.fileInput("main form", "files",
                         {textFile("file1.txt"), textFile("file2.txt"), textFile("file3.txt")});
        batch.choose();
        QCOMPARE(text(lv, "h2"), QStringLiteral("Currently uploading files"));
        QCOMPARE(uploadRows(lv), (QStringList{"file1.txt 0", "file2.txt 0", "file3.txt 0"}));
        QVERIFY(lv.element("#fileinput").element().hasAttribute("disabled"));
        QVERIFY(lv.takePushedEvents().isEmpty());

        for (const QString &name : {"file1.txt", "file2.txt", "file3.txt"}) {
            batch.renderUpload(name);
            QVERIFY(!lv.isCrashed());
            QCOMPARE(lv.assertPushEvent("upload_send_next_file"), QJsonObject());
        }
        QCOMPARE(uploadRows(lv), (QStringList{"file1.txt 100", "file2.txt 100", "file3.txt 100"}));
        QVERIFY(!lv.element("#fileinput").element().hasAttribute("disabled"));

        FileInput next = lv.fileInput("main form", "files", {textFile("file4.txt")});
        next.choose();
        QVERIFY(lv.element("#fileinput").element().hasAttribute("disabled"));
        next.renderUpload("file4.txt");
        QCOMPARE(lv.assertPushEvent("upload_send_next_file"), QJsonObject());
        QCOMPARE(uploadRows(lv),
                 (QStringList{"file1.txt 100", "file2.txt 100", "file3.txt 100", "file4.txt 100"}));
        QCOMPARE(lv.document().select("tbody progress").last().textContent().simplified(),
                 QStringLiteral("100%"));
        QVERIFY(!lv.element("#fileinput").element().hasAttribute("disabled"));
        // Without a writer each finished, unconsumed entry would keep its temporary file here.
        QVERIFY(QDir(UploadStorage::channelDirectory()).entryList(QDir::Files).isEmpty());
    }

    // An entry's error in its row (error_to_string upstream), gone with the entry's cancel.
    void issue2965ShowsEntryErrorsAndCancels()
    {
        LiveViewTest lv = live(app, "/issues/2965");
        FileInput huge =
            lv.fileInput("main form", "files",
                         {{"huge.bin", "x", "application/octet-stream", qint64(10'000'000'001)}});
        huge.choose();
        const HtmlElement error = lv.element("tbody tr td p").element();
        QCOMPARE(error.attribute("style"), QStringLiteral("color: red;"));
        QCOMPARE(error.textContent().simplified(), QStringLiteral("Too large"));
        QVERIFY(lv.document().select("p[style='text-red']").isEmpty()); // no upload-wide error

        const QString ref = huge.entryRef("huge.bin");
        lv.element(QStringLiteral("tbody button[aria-label=cancel][phx-value-ref='%1']").arg(ref))
            .renderClick();
        QVERIFY(!lv.isCrashed());
        QVERIFY(lv.document().select("tbody tr").isEmpty());
        QVERIFY(!lv.hasElement("h2"));
        QVERIFY(!lv.element("#fileinput").element().hasAttribute("disabled"));
    }
};

QTEST_GUILESS_MAIN(tst_ConformanceRootContent)
#include "tst_conformance_root_content.moc"
