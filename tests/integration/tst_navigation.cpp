// Live navigation through the harness: patches (client and server side), navigation to another
// view on the same topic with flash, flash clearing.
#include <test_router.h>

#include <liveview/testing/live_view_test.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {
// Navigates wherever the "go" event says; "away" leaves with a full page load and a flash.
class HopView : public LiveView
{
public:
    void handleEvent(const QString &event, const QVariantMap &value) override
    {
        if (event == u"away") {
            putFlash("info", "Bye & <see you>");
            redirect(value.value("to").toString());
            return;
        }
        pushNavigate(value.value("to").toString());
    }
    Template render() const override
    {
        static const Template t = Template::compile("<p id=\"here\">hop</p>");
        return t;
    }
};

// handle_params patches on while ?hops is above 0 (counting down), or forever with ?loop.
class SelfPatchView : public LiveView
{
public:
    void handleParams(const QVariantMap &params, const QUrl &) override
    {
        ++m_calls;
        assign("calls", m_calls);
        if (params.contains("loop"))
            pushPatch("/self-patch?loop=" + QString::number(m_calls));
        else if (const int hops = params.value("hops").toInt(); hops > 0)
            pushPatch("/self-patch?hops=" + QString::number(hops - 1));
        else if (params.contains("leave"))
            redirect("/elsewhere");
    }
    Template render() const override
    {
        static const Template t = Template::compile("<p id=\"calls\">{@calls}</p>");
        return t;
    }

private:
    int m_calls = 0;
};

std::shared_ptr<Router> selfPatchRouter()
{
    auto r = std::make_shared<Router>();
    r->live<SelfPatchView>("/self-patch");
    return r;
}
} // namespace

class tst_Navigation : public QObject
{
    Q_OBJECT
    LiveTestApp app{testviews::router()};

private slots:
    void handleParamsMayPatchAgain()
    {
        LiveTestApp selfPatching{selfPatchRouter()};
        LiveViewTest lv = live(selfPatching, "/self-patch");
        lv.renderPatch("/self-patch?hops=3");
        QCOMPARE(lv.assertPatch(), QStringLiteral("/self-patch?hops=0"));
        QVERIFY(!lv.isCrashed());
    }

    void handleParamsMayRedirectDuringAPatch()
    {
        LiveTestApp selfPatching{selfPatchRouter()};
        LiveViewTest lv = live(selfPatching, "/self-patch");
        try {
            lv.renderPatch("/self-patch?leave=1");
        } catch (const HarnessError &) {
        }
        QCOMPARE(lv.assertRedirect().value("to").toString(), QStringLiteral("/elsewhere"));
    }

    void endlessPatchingFromHandleParamsCrashesTheView()
    {
        LiveTestApp selfPatching{selfPatchRouter()};
        LiveViewTest lv = live(selfPatching, "/self-patch");
        try {
            lv.renderPatch("/self-patch?loop=0");
        } catch (const HarnessError &) {
        }
        QVERIFY(lv.isCrashed());
    }

    void patchRunsHandleParams()
    {
        LiveViewTest lv = live(app, "/test/navigation?page=4");
        QCOMPARE(lv.element("h1").element().textContent(), QStringLiteral("Page 4"));
        lv.renderPatch("/test/navigation?page=5");
        QCOMPARE(lv.element("h1").element().textContent(), QStringLiteral("Page 5"));
        QCOMPARE(lv.title(), QStringLiteral("Page 5"));
        QCOMPARE(lv.element("#next").element().attribute("data-phx-link"), QStringLiteral("patch"));
        QCOMPARE(lv.element("#next").element().attribute("href"),
                 QStringLiteral("/test/navigation?page=6"));
    }

    void patchToAnotherViewIsRefused()
    {
        LiveViewTest lv = live(app, "/test/navigation");
        QVERIFY_THROWS_EXCEPTION(HarnessError, lv.renderPatch("/test/counter"));
        QCOMPARE(lv.lastReply().value("link_redirect").toBool(), true);
    }

    void patchMovesBetweenRoutesOfOneView_data()
    {
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("patched");
        QTest::newRow("another route of the class") << "/test/navigation/alias?page=7" << true;
        QTest::newRow("a factory that names no class")
            << "/test/navigation/anonymous?page=7" << false;
    }
    void patchMovesBetweenRoutesOfOneView()
    {
        QFETCH(QString, to);
        QFETCH(bool, patched);
        LiveViewTest lv = live(app, "/test/navigation?page=4");
        if (!patched) {
            QVERIFY_THROWS_EXCEPTION(HarnessError, lv.renderPatch(to));
            QCOMPARE(lv.lastReply().value("link_redirect").toBool(), true);
            return;
        }
        lv.renderPatch(to);
        QVERIFY(!lv.lastReply().contains("link_redirect"));
        QCOMPARE(lv.element("h1").element().textContent(), QStringLiteral("Page 7"));
    }

    void serverPushPatch()
    {
        LiveViewTest lv = live(app, "/test/navigation");
        lv.element("#jump").renderClick();
        QCOMPARE(lv.assertPatch(), QStringLiteral("/test/navigation?page=10"));
        QCOMPARE(lv.element("h1").element().textContent(), QStringLiteral("Page 10"));
        // The live_patch push comes before the reply, as the client expects.
        const QList<QByteArray> frames = lv.sentFrames();
        const QJsonArray patch = QJsonDocument::fromJson(frames.at(frames.size() - 2)).array();
        QCOMPARE(patch.at(3).toString(), QStringLiteral("live_patch"));
        QVERIFY(patch.at(1).isNull());
    }

    void navigateWithFlash()
    {
        LiveViewTest lv = live(app, "/test/navigation?page=3");
        lv.element("#leave").renderClick();
        const QJsonObject redirect = lv.assertRedirect();
        QCOMPARE(redirect.value("kind_of").toString(), QStringLiteral("live_redirect"));
        QCOMPARE(redirect.value("to").toString(), QStringLiteral("/test/navigation/about"));
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
        LiveViewTest lv = live(app, "/test/hooks");
        lv.renderEvent("ping", {}, "hook");
        QCOMPARE(lv.lastDiff().value("r").toObject().value("pong").toInt(), 1);
        QCOMPARE(lv.assertPushEvent("highlight").value("color").toString(),
                 QStringLiteral("orange"));
        QVERIFY_THROWS_EXCEPTION(HarnessError, lv.assertPushEvent("highlight")); // consumed
        QCOMPARE(lv.element("#ping-count").element().textContent(), QStringLiteral("1"));
    }

    void navigationStaysInItsLiveSession()
    {
        auto router = std::make_shared<Router>();
        router->liveSession("public");
        router->live<HopView>("/a1");
        router->live<HopView>("/a2");
        router->liveSession("admin");
        router->live<HopView>("/b1");
        LiveTestApp sessions(router);
        LiveViewTest lv = live(sessions, "/a1");
        lv.renderEvent("go", {{"to", "/a2"}});
        QVERIFY(lv.followRedirect().contains("hop")); // same session: live navigation
        lv.renderEvent("go", {{"to", "/b1"}});
        // Another session: the join is refused as unauthorized, so the browser loads the page.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("leaves the live session"));
        QVERIFY_THROWS_EXCEPTION(HarnessError, lv.followRedirect());
    }

    void fullRedirectCarriesTheFlashThroughTheCookie()
    {
        // The navigation example has no full redirect; HopView does.
        auto router = std::make_shared<Router>();
        router->live<HopView>("/hop");
        testviews::registerTestViews(*router);
        LiveTestApp hopApp(router);
        LiveViewTest hop = live(hopApp, "/hop");
        hop.renderEvent("away", {{"to", "/test/navigation/about"}});
        const QJsonObject redirect = hop.assertRedirect();
        QCOMPARE(redirect.value("kind_of").toString(), QStringLiteral("redirect"));
        QCOMPARE(redirect.value("to").toString(), QStringLiteral("/test/navigation/about"));
        QVERIFY_THROWS_EXCEPTION(HarnessError, hop.followRedirect()); // not a live navigation
        // The browser stores the token as __phoenix_flash__ and GETs the page: the flash shows.
        const QByteArray cookie =
            "__phoenix_flash__=" + redirect.value("flash").toString().toUtf8();
        const LiveTestApp::Page page = hopApp.get("/test/navigation/about", cookie);
        QCOMPARE(HtmlDocument::parse(page.html).selectOne("#flash-info").textContent(),
                 QStringLiteral("Bye & <see you>"));
        QVERIFY(page.html.contains("Bye &amp; &lt;see you&gt;"));
    }
};

QTEST_GUILESS_MAIN(tst_Navigation)
#include "tst_navigation.moc"
