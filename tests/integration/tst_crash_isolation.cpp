// A view that throws is contained: its channel errors, the client rejoins and remounts, and every
// other view (same socket or not) keeps its state.
#include <test_router.h>

#include <liveview/testing/live_view_test.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

class tst_CrashIsolation : public QObject
{
    Q_OBJECT
    LiveTestApp app{testviews::router()};

private slots:
    void crashInCallback_data()
    {
        QTest::addColumn<QString>("event");
        QTest::newRow("handle_event throws") << "boom";
        QTest::newRow("render fails to evaluate") << "bad_render";
    }
    void crashInCallback()
    {
        QFETCH(QString, event);
        LiveViewTest bystander = live(app, "/test/counter");
        bystander.element("#inc").renderClick();
        LiveViewTest crashy = live(app, "/test/crashy");
        crashy.renderEvent("inc");
        QVERIFY(crashy.render().contains("<span id=\"n\">1</span>"));

        QVERIFY_THROWS_EXCEPTION(HarnessError, crashy.renderEvent(event));
        QVERIFY(crashy.isCrashed());
        const QJsonArray last = QJsonDocument::fromJson(crashy.sentFrames().last()).array();
        QCOMPARE(last.at(3).toString(), QStringLiteral("phx_error"));
        QCOMPARE(last.at(0).toString(), crashy.joinRef());

        // The client rejoins: a fresh mount.
        QVERIFY(crashy.rejoin().contains("<span id=\"n\">0</span>"));
        QVERIFY(!crashy.isCrashed());
        // The other view never noticed.
        bystander.element("#inc").renderClick();
        QVERIFY(bystander.render().contains("<span id=\"count\">2</span>"));
    }

    void crashInMountRefusesTheJoin()
    {
        QVERIFY_THROWS_EXCEPTION(HarnessError, live(app, "/test/crashy?crash=mount"));
        LiveViewTest other = live(app, "/test/crashy");
        QVERIFY(other.render().contains("<span id=\"n\">0</span>"));
    }

    void crashInHandleInfo()
    {
        LiveViewTest crashy = live(app, "/test/crashy");
        crashy.renderEvent("message_value");
        QVERIFY(crashy.processPending().contains("<span id=\"n\">41</span>"));
        crashy.renderEvent("message_boom");
        crashy.processPending();
        QVERIFY(crashy.isCrashed());
        QVERIFY(crashy.rejoin().contains("<span id=\"n\">0</span>"));
    }
};

QTEST_GUILESS_MAIN(tst_CrashIsolation)
#include "tst_crash_isolation.moc"
