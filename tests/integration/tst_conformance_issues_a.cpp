// The issue fixtures of batch A (issue_lives_a.h) through the harness: 3194 (navigation from a
// form submit), 3319 (required multi-file upload), 3391 (refused auto upload, cancel, retry),
// 3647 (upload to an input bound to another form), 3651 (hooked element whose id changes after
// the join) and 3686 (flash across live navigation, redirect and a live session change).
#include <fixture_router.h>

#include <liveview/testing/file_input.h>
#include <liveview/testing/live_view_test.h>
#include <liveview/upload.h>

#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {
// Whitespace-normalized text, as Playwright's toHaveText compares it.
QString text(LiveViewTest &lv, const QString &selector)
{
    return lv.element(selector).element().textContent().simplified();
}

QByteArray flashCookie(const QJsonObject &redirect)
{
    return "__phoenix_flash__=" + redirect.value("flash").toString().toUtf8();
}
} // namespace

class tst_ConformanceIssuesA : public QObject
{
    Q_OBJECT
    LiveTestApp app{conformance::fixtureRouter()};
    QTemporaryDir m_uploads; // the harness has no data directory: uploads go here

private slots:
    void initTestCase()
    {
        QVERIFY(m_uploads.isValid());
        UploadStorage::setDirectory(m_uploads.path());
    }

    void issue3194SubmitNavigatesToTheOtherView()
    {
        LiveViewTest lv = live(app, "/issues/3194");
        const HtmlElement input = lv.element("form input").element();
        QCOMPARE(input.id(), QStringLiteral("foo_store_number"));
        QCOMPARE(input.attribute("name"), QStringLiteral("foo[store_number]"));
        QCOMPARE(input.attribute("phx-debounce"), QStringLiteral("blur"));
        QVERIFY(!input.hasAttribute("value")); // a nil value
        lv.element("form").renderChange({{"foo[store_number]", "hello"}});
        QVERIFY(!lv.isCrashed());
        lv.element("form").renderSubmit({{"foo[store_number]", "hello"}});
        const QJsonObject redirect = lv.assertRedirect();
        QCOMPARE(redirect.value("kind_of").toString(), QStringLiteral("live_redirect"));
        QCOMPARE(redirect.value("to").toString(), QStringLiteral("/issues/3194/other"));
        QVERIFY(lv.followRedirect().contains("<h2>Another LiveView</h2>"));
        // The spec's failure case: a late blur-debounced change reaching the new view must not
        // crash it.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("has no handler for event"));
        lv.renderEvent("validate", {}, "form");
        QVERIFY(!lv.isCrashed());
        QCOMPARE(text(lv, "h2"), QStringLiteral("Another LiveView"));
    }

    void issue3319SubmitsARequiredMultiFileUpload()
    {
        LiveViewTest lv = live(app, "/issues/3319");
        const HtmlElement input = lv.element("#upload-form input[type=file]").element();
        QCOMPARE(input.attribute("name"), QStringLiteral("documents"));
        QVERIFY(input.hasAttribute("required"));
        QVERIFY(input.hasAttribute("multiple"));
        QVERIFY(!input.hasAttribute("accept")); // any file
        QVERIFY(!input.hasAttribute("data-phx-auto-upload"));
        FileInput files = lv.fileInput(
            "#upload-form", "documents",
            {{"first.txt", "first", "text/plain"}, {"second.txt", "second", "text/plain"}});
        files.choose();
        QCOMPARE(lv.document().select("#upload-form .upload-entry").size(), 2);
        QCOMPARE(text(lv, "#submitted"), QString());
        files.renderUpload("first.txt");
        files.renderUpload("second.txt");
        lv.element("#upload-form").renderSubmit();
        QStringList submitted = text(lv, "#submitted").split(u',');
        submitted.sort();
        QCOMPARE(submitted, (QStringList{"first.txt", "second.txt"}));
        lv.processPending(); // the consumed entries' rows go
        QVERIFY(!lv.hasElement(".upload-entry"));
    }

    void issue3391RefusedAutoUploadCanBeCancelledAndRetried()
    {
        LiveViewTest lv = live(app, "/issues/3391");
        QVERIFY(lv.hasElement("#upload-form input[type=file][data-phx-auto-upload]"));
        FileInput invalid = lv.fileInput("#upload-form", "document",
                                         {{"invalid.html", "<h1>invalid</h1>", "text/html"}});
        invalid.choose();
        QCOMPARE(text(lv, ".upload-entry .upload-error"), QStringLiteral(":not_accepted"));
        QCOMPARE(text(lv, ".upload-entry span"), QStringLiteral("invalid.html: 0%"));
        // The client cancels a submit while the input names an entry with an error.
        QCOMPARE(
            lv.element("#upload-form input[type=file]").element().attribute("data-phx-error-refs"),
            invalid.entryRef("invalid.html"));
        // An auto upload's preflight gives the refused entry no token and no error list.
        const QJsonObject preflight = invalid.preflight();
        QCOMPARE(preflight.value("status").toString(), QStringLiteral("ok"));
        QVERIFY(preflight.value("entries").toObject().isEmpty());
        QVERIFY(!preflight.contains("error"));
        QCOMPARE(text(lv, "#submitted"), QStringLiteral("submitted: false"));

        lv.element(".upload-entry button", "Cancel").renderClick();
        QVERIFY(!lv.hasElement(".upload-entry"));
        QVERIFY(!lv.element("#upload-form input[type=file]")
                     .element()
                     .hasAttribute("data-phx-error-refs"));

        FileInput valid =
            lv.fileInput("#upload-form", "document", {{"valid.txt", "valid", "text/plain"}});
        valid.renderUpload("valid.txt"); // consumed by the progress callback at 100 %
        QCOMPARE(text(lv, "#uploaded"), QStringLiteral("uploaded: true"));
        lv.processPending();
        QVERIFY(!lv.hasElement(".upload-entry"));
        lv.element("#upload-form").renderSubmit();
        QCOMPARE(text(lv, "#submitted"), QStringLiteral("submitted: true"));
    }

    void issue3647UploadsToAnInputOfAnotherForm()
    {
        LiveViewTest lv = live(app, "/issues/3647");
        QVERIFY(lv.hasElement("main form#user-form[method=post][phx-change=validate-user]"));
        QVERIFY(lv.hasElement("#x[phx-hook=JsUpload]", "Upload then Input"));
        QVERIFY(lv.hasElement("#y[phx-hook=JsUpload][data-before]", "Input then Upload"));
        QVERIFY(lv.hasElement("form#auto-form[phx-change=validate]"));
        const HtmlElement input = lv.element("#user-form input[type=file]").element();
        QCOMPARE(input.attribute("form"), QStringLiteral("auto-form"));
        QCOMPARE(input.attribute("name"), QStringLiteral("avatar"));
        QCOMPARE(input.attribute("accept"), QStringLiteral(".txt,.md"));
        QVERIFY(input.hasAttribute("data-phx-auto-upload"));
        QCOMPARE(lv.element("section.pending-uploads").element().attribute("phx-drop-target"),
                 input.id());
        const HtmlElement name = lv.element("input[type=text]").element();
        QCOMPARE(name.attribute("name"), QStringLiteral("user[name]"));
        QVERIFY(!name.hasAttribute("value"));
        QCOMPARE(lv.document().select("ul li").size(), 0);

        // The browser sends the files with auto-form's change (the input's form attribute); the
        // harness sends them with the change of the form around the input: the entries are
        // registered either way.
        lv.element("#auto-form").renderChange({});
        FileInput file = lv.fileInput(
            "#user-form", "avatar", {{"1mb_of_x.txt", QByteArray(1024 * 1024, 'x'), "text/plain"}});
        file.choose();
        QCOMPARE(text(lv, "h3"), QStringLiteral("Pending Uploads (1)"));
        QVERIFY(lv.hasElement("a.upload-entry__cancel[phx-click=cancel-upload]"));
        file.renderUpload("1mb_of_x.txt");
        lv.element("#user-form").renderChange({{"user[name]", "0"}});

        const QList<HtmlElement> uploaded = lv.document().select("ul li a");
        QCOMPARE(uploaded.size(), 1);
        QVERIFY(!uploaded.first().attribute("href").isEmpty());
        QCOMPARE(uploaded.first().textContent(), uploaded.first().attribute("href")); // the uuid
        QCOMPARE(lv.element("input[type=text]").element().attribute("value"), QStringLiteral("0"));
        lv.processPending();
        QCOMPARE(text(lv, "h3"), QStringLiteral("Pending Uploads (0)"));
    }

    void issue3651ChangesTheHookedIdAfterTheJoin()
    {
        LiveViewTest lv = live(app, "/issues/3651");
        QVERIFY(lv.deadRender().contains("window.hooks.InnerHook"));
        QVERIFY(lv.hasElement("#main[phx-hook=OuterHook] #id-1[phx-hook=InnerHook]"));
        QVERIFY(lv.hasElement("#notice[phx-update=ignore]", "I will disappear"));
        lv.assertPushEvent("myevent"); // with the join's render
        lv.processPending();           // the message the view sent itself once connected
        QVERIFY(lv.hasElement("#main #id-2[phx-hook=InnerHook]"));
        QVERIFY(!lv.hasElement("#id-1"));
        lv.renderEvent("lol", {}, "hook");
        for (int i = 1; i <= 3; ++i) {
            lv.renderEvent("reload", {}, "hook");
            lv.assertPushEvent("myevent"); // one "myevent" per "reload"
            QCOMPARE(text(lv, "#total"), QString::number(i));
        }
        QVERIFY_THROWS_EXCEPTION(HarnessError, lv.assertPushEvent("myevent"));
    }

    void issue3686CarriesTheFlashAcrossEveryKindOfNavigation()
    {
        LiveViewTest a = live(app, "/issues/3686/a");
        QCOMPARE(text(a, "h1"), QStringLiteral("A"));
        QCOMPARE(text(a, "#flash"), QStringLiteral("%{}"));

        // A -> B: a live navigation within the live session, the flash in the join.
        a.element("button", "To B").renderClick();
        const QJsonObject toB = a.assertRedirect();
        QCOMPARE(toB.value("kind_of").toString(), QStringLiteral("live_redirect"));
        QCOMPARE(toB.value("to").toString(), QStringLiteral("/issues/3686/b"));
        a.followRedirect();
        QCOMPARE(text(a, "h1"), QStringLiteral("B"));
        QCOMPARE(text(a, "#flash"), QStringLiteral(R"(%{"info" => "Flash from A"})"));

        // B -> C: a full redirect, the flash in the __phoenix_flash__ cookie.
        a.element("button", "To C").renderClick();
        const QJsonObject toC = a.assertRedirect();
        QCOMPARE(toC.value("kind_of").toString(), QStringLiteral("redirect"));
        QCOMPARE(toC.value("to").toString(), QStringLiteral("/issues/3686/c"));
        const LiveTestApp::Page cPage = app.get("/issues/3686/c", flashCookie(toC));
        QCOMPARE(HtmlDocument::parse(cPage.html).selectOne("#flash").textContent().simplified(),
                 QStringLiteral(R"(%{"info" => "Flash from B"})"));
        LiveViewTest c = live(app, "/issues/3686/c", cPage);
        QCOMPARE(text(c, "#flash"), QStringLiteral(R"(%{"info" => "Flash from B"})"));

        // C -> A: a live navigation out of C's live session. The join is refused as unauthorized
        // and the client loads the page instead, with the flash of the navigation as its cookie.
        c.element("button", "To A").renderClick();
        const QJsonObject toA = c.assertRedirect();
        QCOMPARE(toA.value("kind_of").toString(), QStringLiteral("live_redirect"));
        QCOMPARE(toA.value("to").toString(), QStringLiteral("/issues/3686/a"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("leaves the live session"));
        QVERIFY_THROWS_EXCEPTION(HarnessError, c.followRedirect());
        const LiveTestApp::Page aPage = app.get("/issues/3686/a", flashCookie(toA));
        LiveViewTest again = live(app, "/issues/3686/a", aPage);
        QCOMPARE(text(again, "#flash"), QStringLiteral(R"(%{"info" => "Flash from C"})"));
    }
};

QTEST_GUILESS_MAIN(tst_ConformanceIssuesA)
#include "tst_conformance_issues_a.moc"
