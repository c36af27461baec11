// The fixtures livedeck-conformance serves to LiveView's own e2e suite, through the harness: the
// form (recovery events, LC variant, portal, unused-field markers), the streams (moves, resets,
// at:/limit:) and the navigation views. CI has no copy of the suite; these keep the fixtures
// behaving as the suite expects.
#include <fixture_router.h>
#include <upload_live.h>

#include <liveview/testing/file_input.h>
#include <liveview/testing/live_view_test.h>
#include <liveview/upload.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {
QStringList childIds(LiveViewTest &lv, const QString &selector)
{
    QStringList out;
    for (const HtmlElement &e : lv.document().select(selector))
        out << e.id();
    return out;
}
} // namespace

class tst_ConformanceFixtures : public QObject
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

    void healthAnswers()
    {
        const LiveTestApp::Page page = app.get("/health");
        QCOMPARE(page.status, 200);
        QVERIFY(page.html.contains("OK"));
    }

    void formAttributesFollowTheQuery_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("selector");
        QTest::addColumn<bool>("present");
        QTest::newRow("default id and phx-change") << "/form"
                                                   << "form#test-form[phx-change=validate]" << true;
        QTest::newRow("no-id drops the id and the outside inputs") << "/form?no-id"
                                                                   << "input[name=f]" << false;
        QTest::newRow("no-change-event drops phx-change") << "/form?no-change-event"
                                                          << "form[phx-change]" << false;
        QTest::newRow("js-change is a JS.push command") << "/form?js-change=1"
                                                        << "form[phx-change*=push]" << true;
        QTest::newRow("auto recover event") << "/form?phx-auto-recover=custom-recovery"
                                            << "form[phx-auto-recover=custom-recovery]" << true;
        QTest::newRow("disabled fieldset") << "/form?disabled-fieldset=true"
                                           << "fieldset[disabled]" << true;
        QTest::newRow("portal template targets body")
            << "/form?portal"
            << "template#form-portal[data-phx-portal=body]" << true;
        QTest::newRow("live component form targets the component") << "/form?live-component"
                                                                   << "form[phx-target]" << true;
        QTest::newRow("readonly field") << "/form"
                                        << "input[name=a][readonly]" << true;
        QTest::newRow("no-unused-field on an input")
            << "/form?phx-no-unused-field-input"
            << "input[name=c][phx-no-unused-field]" << true;
    }
    void formAttributesFollowTheQuery()
    {
        QFETCH(QString, path);
        QFETCH(QString, selector);
        QFETCH(bool, present);
        LiveViewTest lv = live(app, path);
        QCOMPARE(lv.hasElement(selector), present);
    }

    void formValidateMergesTheFields()
    {
        LiveViewTest lv = live(app, "/form");
        lv.element("form#test-form").renderChange({{"b", "test"}, {"c", "hello world"}});
        QCOMPARE(lv.element("input[name=b]").element().attribute("value"), QStringLiteral("test"));
        QCOMPARE(lv.element("input[name=c]").element().attribute("value"),
                 QStringLiteral("hello world"));
        QVERIFY(!lv.hasElement("p", "Form was submitted!"));
        lv.element("form#test-form").renderSubmit();
        QVERIFY(lv.hasElement("p", "Form was submitted!"));
    }

    void formRecoveryEventsRunInTheView()
    {
        LiveViewTest lv = live(app, "/form?phx-auto-recover=custom-recovery");
        lv.renderEvent("custom-recovery", {{"b", "test"}}, "form");
        QCOMPARE(lv.element("input[name=b]").element().attribute("value"),
                 QStringLiteral("custom value from server"));
        LiveViewTest patched = live(app, "/form?phx-auto-recover=patch-recovery");
        patched.renderEvent("patch-recovery", {}, "form");
        QCOMPARE(patched.assertPatch(), QStringLiteral("/form?patched=true"));
    }

    void formInALiveComponent()
    {
        LiveViewTest lv = live(app, "/form?live-component");
        // The form's phx-target is the component: the event goes there, not to the view.
        lv.withTarget("#test-form").renderEvent("save", {{"b", "from the component"}}, "form");
        const QList<HtmlElement> paragraphs = lv.document().select("p");
        QCOMPARE(paragraphs.size(), 1); // the component's, not the view's
        QCOMPARE(paragraphs.first().textContent(), QStringLiteral("LC Form was submitted!"));
    }

    void streamMovesAndResets()
    {
        LiveViewTest lv = live(app, "/stream");
        QCOMPARE(childIds(lv, "#users > div"), (QStringList{"users-1", "users-2"}));
        lv.element("#users-2 button", "make first").renderClick();
        QCOMPARE(childIds(lv, "#users > div"), (QStringList{"users-2", "users-1"}));
        QVERIFY(lv.element("#users-2").element().textContent().contains("updated"));
        lv.element("#users-1 button", "delete").renderClick();
        QCOMPARE(childIds(lv, "#users > div"), (QStringList{"users-2"}));
        lv.element("button", "Reorder users").renderClick();
        QCOMPARE(childIds(lv, "#users > div"), (QStringList{"users-3", "users-1", "users-4"}));
        QCOMPARE(lv.element("#users-3").element().attribute("data-count"), QStringLiteral("1"));
        lv.element("#admins-1 button", "make last").renderClick();
        QCOMPARE(childIds(lv, "#admins > div"), (QStringList{"admins-2", "admins-1"}));
    }

    void streamResetOperations_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("filter") << "Filter" << QStringList{"items-b", "items-c", "items-d"};
        QTest::newRow("reorder") << "Reorder"
                                 << QStringList{"items-b", "items-a", "items-c", "items-d"};
        QTest::newRow("bulk insert at 1")
            << "Bulk insert" << QStringList{"items-a", "items-e", "items-f", "items-g",
                                            "items-b", "items-c", "items-d"};
        QTest::newRow("delete and insert C at 1")
            << "Delete C and insert at 1"
            << QStringList{"items-a", "items-c", "items-b", "items-d"};
    }
    void streamResetOperations()
    {
        QFETCH(QString, button);
        QFETCH(QStringList, expected);
        LiveViewTest lv = live(app, "/stream/reset");
        lv.element("button", button).renderClick();
        QCOMPARE(childIds(lv, "#thelist > li"), expected);
    }

    void streamLimitKeepsTheConfiguredWindow()
    {
        LiveViewTest lv = live(app, "/stream/limit");
        QCOMPARE(childIds(lv, "#items > li"),
                 (QStringList{"items-6", "items-7", "items-8", "items-9", "items-10"}));
        lv.renderEvent("insert_1");
        QCOMPARE(childIds(lv, "#items > li").last(), QStringLiteral("items-11"));
        QCOMPARE(childIds(lv, "#items > li").size(), 5);
        lv.element("form").renderSubmit({{"at", "0"}, {"limit", "5"}});
        QCOMPARE(childIds(lv, "#items > li"),
                 (QStringList{"items-10", "items-9", "items-8", "items-7", "items-6"}));
        QVERIFY(lv.hasElement("div", "configured with at: 0, limit: 5"));
    }

    void streamLimitRefusesANonNumber()
    {
        LiveViewTest lv = live(app, "/stream/limit");
        try {
            lv.element("form").renderSubmit({{"at", "first"}});
        } catch (const HarnessError &) {
        }
        QVERIFY(lv.isCrashed());
    }

    void healthyPatchesBetweenCategories()
    {
        LiveViewTest lv = live(app, "/healthy/fruits");
        QCOMPARE(childIds(lv, "#items > li"), (QStringList{"items-1", "items-2"}));
        lv.renderPatch("/healthy/veggies");
        QCOMPARE(childIds(lv, "#items > li"), (QStringList{"items-3", "items-4"}));
        QCOMPARE(lv.element("h1").element().textContent(), QStringLiteral("Veggies"));
    }

    void navigationPatchesAndNavigates()
    {
        LiveViewTest lv = live(app, "/navigation/a");
        QVERIFY(lv.hasElement("a[data-phx-link=patch]", "Patch this LiveView"));
        lv.renderPatch("/navigation/a?param=7");
        QVERIFY(lv.hasElement("p", "Current param: 7"));
        lv.renderEvent("server_navigate");
        QCOMPARE(lv.assertRedirect().value("to").toString(), QStringLiteral("/navigation/b"));
        const QString b = lv.followRedirect();
        QVERIFY(b.contains("This is page B"));
        QCOMPARE(lv.document().select("#items > li").size(), 100);
    }

    void jsCommandsAreEncodedAsTheClientReadsThem()
    {
        LiveViewTest lv = live(app, "/js");
        const QString show = lv.element("button", "show modal").element().attribute("phx-click");
        const QJsonArray ops = QJsonDocument::fromJson(show.toUtf8()).array();
        QCOMPARE(ops.size(), 3);
        QCOMPARE(ops.at(0).toArray().at(0).toString(), QStringLiteral("show"));
        QCOMPARE(ops.at(0).toArray().at(1).toObject().value("to").toString(),
                 QStringLiteral("#my-modal"));
        lv.element("details button").renderClick();
        QCOMPARE(lv.element("details button").element().textContent(), QStringLiteral("1"));
    }

    void issue3719ShowsTheTargetPath()
    {
        LiveViewTest lv = live(app, "/issues/3719");
        QCOMPARE(lv.element("#target").element().textContent(), QStringLiteral("nil"));
        lv.element("form").renderChange({{"foo[bar]", "x"}});
        QCOMPARE(lv.element("#target").element().textContent(),
                 QStringLiteral("[\"foo\", \"bar\"]"));
    }

    void issue3919DropsTheStyleAgain()
    {
        // HEEx writes style={nil} as an empty style attribute: the element stays `div[style]`.
        LiveViewTest lv = live(app, "/issues/3919");
        QCOMPARE(lv.element("div[style]").element().attribute("style"), QString());
        QVERIFY(lv.hasElement("div[style]", "No red"));
        lv.element("button", "toggle").renderClick();
        QCOMPARE(lv.element("div[style]").element().attribute("style"),
                 QStringLiteral("background-color: red;"));
        lv.element("button", "toggle").renderClick();
        QCOMPARE(lv.element("div[style]").element().attribute("style"), QString());
        QVERIFY(lv.hasElement("div[style]", "No red"));
    }

    void issue4094RedirectsFromHandleParams()
    {
        LiveViewTest lv = live(app, "/issues/4094");
        try {
            lv.renderPatch("/issues/4094?foo=bar");
        } catch (const HarnessError &) {
        }
        QCOMPARE(lv.assertRedirect().value("to").toString(), QStringLiteral("/navigation/a"));
    }

    void issue3107EnablesTheButtonOnChange()
    {
        LiveViewTest lv = live(app, "/issues/3107");
        QVERIFY(lv.hasElement("button[disabled]"));
        lv.renderEvent("validate", {}, "form");
        QVERIFY(!lv.hasElement("button[disabled]"));
    }

    void issue3931LoadsAsynchronously()
    {
        LiveViewTest lv = live(app, "/issues/3931");
        QVERIFY(lv.hasElement("#async", "Loading data..."));
        lv.renderAsync();
        QVERIFY(lv.hasElement("#async", "This was loaded asynchronously!"));
    }

    void issue4325CountsInTheHookedElement()
    {
        LiveViewTest lv = live(app, "/issues/4325");
        QCOMPARE(lv.element("#hooked").element().attribute("phx-hook"),
                 QStringLiteral("IdPassthrough"));
        lv.element("button", "Increment").renderClick();
        QCOMPARE(lv.element("#hooked").element().textContent(), QStringLiteral("count is 1"));
    }

    void uploadSavesIntoTheDownloadDirectory()
    {
        LiveViewTest lv = live(app, "/upload?auto_upload=1");
        FileInput input =
            lv.fileInput("#upload-form", "avatar", {{"file.txt", "this is a test", "text/plain"}});
        input.choose();
        input.renderUpload("file.txt");
        lv.element("#upload-form").renderSubmit();
        const HtmlElement link = lv.element("ul li a").element();
        QVERIFY(link.attribute("href").startsWith("/tmp/lvupload/"));
        QFile saved(
            QDir(conformance::UploadLive::savedFilesDirectory()).filePath(link.textContent()));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), QByteArray("this is a test"));
        saved.remove();
    }

    void uploadRefusesTooManyAndUnacceptedFiles()
    {
        LiveViewTest lv = live(app, "/upload");
        FileInput three = lv.fileInput("#upload-form", "avatar",
                                       {{"a.txt", "a", "text/plain"},
                                        {"b.txt", "b", "text/plain"},
                                        {"c.txt", "c", "text/plain"}});
        three.choose();
        QVERIFY(lv.hasElement("p.alert", "You have selected too many files"));
        LiveViewTest other = live(app, "/upload");
        other.fileInput("#upload-form", "avatar", {{"x.png", "png", "image/png"}}).choose();
        QVERIFY(other.hasElement("p.alert", "You have selected an unacceptable file type"));
    }

    void issue4078PatchesTheFileInputsAttributes()
    {
        LiveViewTest lv = live(app, "/issues/4078");
        QVERIFY(lv.hasElement("input[type=file][disabled].initial-class"));
        lv.element("#toggle-disabled").renderClick();
        lv.element("#toggle-class").renderClick();
        QVERIFY(lv.hasElement("input[type=file].updated-class"));
        QVERIFY(!lv.hasElement("input[type=file][disabled]"));
        QCOMPARE(lv.element("input[type=file]").element().attribute("data-phx-hook"),
                 QStringLiteral("Phoenix.LiveFileUpload"));
    }

    void issue3199DeletesWithATransition()
    {
        LiveViewTest lv = live(app, "/issues/3199");
        QVERIFY(lv.element("#items-1").element().attribute("phx-remove").contains("item-removing"));
        lv.element("#items-1 button").renderClick();
        QCOMPARE(childIds(lv, "#items > li"), QStringList{"items-2"});
    }

    void issue3200PatchesBetweenItsTabsAndTheFormTargetsItsComponent()
    {
        LiveViewTest lv = live(app, "/issues/3200/settings");
        QVERIFY(lv.hasElement("div", "Settings"));
        QVERIFY(!lv.hasElement("#new_message_input"));
        // The two tabs are two routes of one view: a live patch, not a remount.
        lv.renderPatch("/issues/3200/messages");
        QVERIFY(!lv.lastReply().contains("link_redirect"));
        QVERIFY(lv.hasElement("div", "Example message"));
        lv.element("#full_add_message_form").renderChange({{"new_message", "Hello"}});
        QCOMPARE(lv.element("#new_message_input").element().attribute("value"),
                 QStringLiteral("Hello"));
    }

    void navigationShowsOneItem()
    {
        LiveViewTest lv = live(app, "/navigation/b/item-42");
        QVERIFY(lv.hasElement("p", "Item item-42"));
        QVERIFY(!lv.hasElement("#items"));
    }
};

QTEST_GUILESS_MAIN(tst_ConformanceFixtures)
#include "tst_conformance_fixtures.moc"
