// Live navigation through the harness: patches (client and server side), navigation to another
// view on the same topic with flash, flash clearing.
#include "test_views.h"

#include <liveview/testing/live_view_test.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

class tst_Navigation : public QObject
{
    Q_OBJECT
    LiveTestApp app{testviews::router()};

private slots:
    void patchRunsHandleParams()
    {
        LiveViewTest lv = live(app, "/examples/navigation?page=4");
        QCOMPARE(lv.element("h1").element().textContent(), QStringLiteral("Page 4"));
        lv.renderPatch("/examples/navigation?page=5");
        QCOMPARE(lv.element("h1").element().textContent(), QStringLiteral("Page 5"));
        QCOMPARE(lv.title(), QStringLiteral("Page 5"));
        QCOMPARE(lv.element("#next").element().attribute("data-phx-link"), QStringLiteral("patch"));
        QCOMPARE(lv.element("#next").element().attribute("href"),
                 QStringLiteral("/examples/navigation?page=6"));
    }

    void patchToAnotherViewIsRefused()
    {
        LiveViewTest lv = live(app, "/examples/navigation");
        QVERIFY_THROWS_EXCEPTION(HarnessError, lv.renderPatch("/examples/counter"));
        QCOMPARE(lv.lastReply().value("link_redirect").toBool(), true);
    }

    void serverPushPatch()
    {
        LiveViewTest lv = live(app, "/examples/navigation");
        lv.element("#jump").renderClick();
        QCOMPARE(lv.assertPatch(), QStringLiteral("/examples/navigation?page=10"));
        QCOMPARE(lv.element("h1").element().textContent(), QStringLiteral("Page 10"));
        // The live_patch push comes before the reply, as the client expects.
        const QList<QByteArray> frames = lv.sentFrames();
        const QJsonArray patch = QJsonDocument::fromJson(frames.at(frames.size() - 2)).array();
        QCOMPARE(patch.at(3).toString(), QStringLiteral("live_patch"));
        QVERIFY(patch.at(1).isNull());
    }

    void navigateWithFlash()
    {
        LiveViewTest lv = live(app, "/examples/navigation?page=3");
        lv.element("#leave").renderClick();
        const QJsonObject redirect = lv.assertRedirect();
        QCOMPARE(redirect.value("kind_of").toString(), QStringLiteral("live_redirect"));
        QCOMPARE(redirect.value("to").toString(), QStringLiteral("/examples/navigation/about"));
        QCOMPARE(redirect.value("kind").toString(), QStringLiteral("push"));
        QVERIFY(redirect.value("flash").isString()); // signed, short-lived
        lv.followRedirect();
        QCOMPARE(lv.element("h1").element().textContent(), QStringLiteral("About"));
        QCOMPARE(lv.element("#flash-info").element().textContent(), QStringLiteral("Saved page 3"));
        lv.element("#flash-info").renderClick(); // lv:clear-flash
        QVERIFY(!lv.hasElement("#flash-info"));
    }

    void hookEventGetsAReplyAndAPushedEvent()
    {
        LiveViewTest lv = live(app, "/examples/hooks");
        lv.renderEvent("ping", {}, "hook");
        QCOMPARE(lv.lastDiff().value("r").toObject().value("pong").toInt(), 1);
        QCOMPARE(lv.assertPushEvent("highlight").value("color").toString(), QStringLiteral("orange"));
        QVERIFY_THROWS_EXCEPTION(HarnessError, lv.assertPushEvent("highlight")); // consumed
        QCOMPARE(lv.element("#ping-count").element().textContent(), QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(tst_Navigation)
#include "tst_navigation.moc"
