// The fixtures of nested_issue_lives_c through the harness, with their child views joined as the
// client joins them: 3681's sticky child keeping its own stream next to a page stream with the
// same ref, 3953's child with its own component ids across toggles, 4209's slow child updating
// its parent's counter and locked component, 4359's parent navigating after a slow message, and
// 3530's stream of child views reset by patches and grown by an event.
#include <fixture_router.h>
#include <nested_issue_lives_c.h>

#include <liveview/router.h>
#include <liveview/testing/html_document.h>
#include <liveview/testing/live_view_test.h>

#include <QElapsedTimer>
#include <QJsonObject>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {
// The routes of these fixtures, in upstream's live sessions.
std::shared_ptr<Router> nestedRouter()
{
    conformance::registerNestedIssueLivesC();
    auto router = std::make_shared<Router>();
    router->liveSession(QStringLiteral("default"));
    router->live<conformance::Issue3953Live>(QStringLiteral("/issues/3953"));
    router->live<conformance::Issue4209Live>(QStringLiteral("/issues/4209"));
    router->live<conformance::Issue4359Live>(QStringLiteral("/issues/4359"));
    router->liveSession(QString()); // upstream: outside every live session (their own layouts)
    router->live<conformance::Issue3530Live>(QStringLiteral("/issues/3530"));
    router->live<conformance::Issue3681Live>(QStringLiteral("/issues/3681"));
    router->live<conformance::Issue3681AwayLive>(QStringLiteral("/issues/3681/away"));
    return router;
}

QString text(LiveViewTest &lv, const QString &selector)
{
    return lv.element(selector).element().textContent().simplified();
}

QStringList ids(const QList<HtmlElement> &elements)
{
    QStringList out;
    for (const HtmlElement &e : elements)
        out << e.id();
    return out;
}

QStringList numbered(const QString &prefix, const QList<int> &numbers)
{
    QStringList out;
    for (int n : numbers)
        out << prefix + QString::number(n);
    return out;
}
} // namespace

class tst_ConformanceNestedC : public QObject
{
    Q_OBJECT
    std::shared_ptr<Router> router = nestedRouter();
    LiveTestApp app{router};

private slots:
    void routesAreInUpstreamsLiveSessions_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("session");
        for (const char *pattern : {"/issues/3953", "/issues/4209", "/issues/4359"})
            QTest::newRow(pattern) << pattern << "default";
        for (const char *pattern : {"/issues/3530", "/issues/3681", "/issues/3681/away"})
            QTest::newRow(pattern) << pattern << "";
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

    // --- /issues/3681 ---

    // The spec's first check: the page's item once, the sticky child's own three beside it.
    void issue3681FirstRenderHoldsEachStreamOnce()
    {
        const LiveTestApp::Page page = app.get("/issues/3681/away");
        QCOMPARE(page.status, 200);
        QCOMPARE(page.html.count(QStringLiteral("messages-4")), 1);
        const HtmlDocument doc = HtmlDocument::parse(page.html);
        QCOMPARE(ids(doc.select("#msgs-normal > div")), QStringList{"messages-4"});
        const HtmlElement sticky = doc.selectOne("div#sticky");
        QVERIFY(!sticky.isNull());
        QVERIFY(sticky.hasAttribute("data-phx-sticky"));
        QVERIFY(!sticky.hasAttribute("data-phx-parent-id"));
        QVERIFY(!sticky.attribute("data-phx-session").isEmpty());
        QCOMPARE(ids(sticky.select("#msgs-sticky > div")),
                 numbered(QStringLiteral("messages-"), {1, 2, 3}));
        QVERIFY(sticky.select("#msgs-normal").isEmpty());
    }

    void issue3681StickyChildKeepsItsOwnStream_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("pageItems");
        QTest::addColumn<QString>("link");
        QTest::newRow("/issues/3681") << "/issues/3681" << QStringList() << "/issues/3681/away";
        QTest::newRow("/issues/3681/away")
            << "/issues/3681/away" << QStringList{"messages-4"} << "/issues/3681";
    }
    void issue3681StickyChildKeepsItsOwnStream()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, pageItems);
        QFETCH(QString, link);
        LiveViewTest lv = live(app, path);
        QCOMPARE(ids(lv.document().select("#msgs-normal > div")), pageItems);
        QVERIFY(lv.hasElement("div#sticky[data-phx-sticky]"));
        QVERIFY(!lv.hasElement("#sticky #msgs-sticky")); // the child's own join renders it
        QCOMPARE(lv.document().select("hr").size(), 2);
        QVERIFY(lv.hasElement(QStringLiteral("a[data-phx-link=redirect][href='%1']").arg(link)));

        LiveViewTest sticky = lv.liveChild("sticky");
        QCOMPARE(ids(sticky.document().select("#msgs-sticky > div")),
                 numbered(QStringLiteral("messages-"), {1, 2, 3}));
        QCOMPARE(text(sticky, "#messages-2"), QStringLiteral("2"));
        QVERIFY(!sticky.hasElement("#messages-4"));
    }

    // --- /issues/3953 ---

    void issue3953ChildComponentIdsAreItsOwn()
    {
        LiveViewTest lv = live(app, "/issues/3953");
        QVERIFY(!lv.hasElement("#nested_view"));
        QCOMPARE(lv.document().select("[data-phx-component='1']").size(), 1); // the parent's
        for (int round = 1; round <= 2; ++round) {
            lv.element("button", "Show").renderClick();
            QVERIFY(lv.hasElement("div#nested_view[data-phx-parent-id]"));
            LiveViewTest child = lv.liveChild("nested_view");
            QVERIFY(child.render().contains("Nested Content"));
            const QList<HtmlElement> components =
                child.document().select("[data-phx-component='1']");
            QCOMPARE(components.size(), 1);
            QCOMPARE(components.first().textContent().simplified(), QStringLiteral("Component"));

            lv.element("button", "Show").renderClick();
            QVERIFY(!lv.hasElement("#nested_view"));
            QCOMPARE(lv.document().select("[data-phx-component='1']").size(), 1);
            QVERIFY(!lv.isCrashed());
        }
    }

    // --- /issues/4209 ---

    void issue4209PanelHoldsTheComponentAndTheHook()
    {
        LiveViewTest lv = live(app, "/issues/4209");
        QCOMPARE(text(lv, "#outside-count"), QStringLiteral("0"));
        QCOMPARE(text(lv, "#locked-child-label"), QStringLiteral("child 0"));
        const QString hook = QStringLiteral("Phoenix.LiveViewTest.E2E.Issue4209Live.LockedPanel");
        QCOMPARE(lv.element("#locked-panel").element().attribute("phx-hook"), hook);
        QVERIFY(lv.hasElement(
            "#locked-panel > #locked-child-content[data-phx-component] > #locked-child-label"));
        QVERIFY(lv.hasElement("#locked-panel > button#start-locked-update[type=button]",
                              "Start locked update"));
        // The hook is defined before the LiveSocket exists: by a script of the first render.
        QVERIFY(lv.deadRender().contains(QStringLiteral("window.hooks[\"%1\"]").arg(hook)));
        QVERIFY(lv.deadRender().contains(
            QStringLiteral("this.pushEventTo(\"#slow-target-child\", \"hold-lock\", {})")));
        QVERIFY(lv.hasElement("#slow-target > div#slow-target-live[data-phx-parent-id]"));
    }

    // The child answers after 800 ms; what it told the parent bumps the counter outside the panel
    // and relabels the component inside it.
    void issue4209SlowChildUpdatesItsParent()
    {
        LiveViewTest lv = live(app, "/issues/4209");
        LiveViewTest child = lv.liveChild("slow-target-live");
        QCOMPARE(text(child, "#slow-target-child"), QStringLiteral("slow target"));
        QElapsedTimer timer;
        timer.start();
        child.renderEvent("hold-lock", {}, QStringLiteral("hook"));
        QVERIFY(timer.elapsed() >= 800);
        QCOMPARE(child.lastReplyStatus(), QStringLiteral("ok"));
        lv.processPending();
        QVERIFY(!lv.isCrashed());
        QCOMPARE(text(lv, "#outside-count"), QStringLiteral("1"));
        QCOMPARE(text(lv, "#locked-child-label"), QStringLiteral("child 1"));
    }

    // --- /issues/4359 ---

    void issue4359NavigatesAfterItsSlowMessage()
    {
        LiveViewTest lv = live(app, "/issues/4359");
        QVERIFY(lv.hasElement("div#child[data-phx-parent-id]"));
        // The child joins while the parent's message waits (upstream: its mount is blocked).
        LiveViewTest child = lv.liveChild("child");
        QCOMPARE(child.render().trimmed(), QStringLiteral("child"));
        QElapsedTimer timer;
        timer.start();
        lv.processPending();
        QVERIFY(timer.elapsed() >= 2000);
        const QJsonObject redirect = lv.assertRedirect();
        QCOMPARE(redirect.value("kind_of").toString(), QStringLiteral("live_redirect"));
        QCOMPARE(redirect.value("to").toString(), QStringLiteral("/issues/4359?done=1"));

        lv.followRedirect();
        lv.processPending();
        QVERIFY(lv.assertRedirect().isEmpty()); // done=1: no second navigation
        LiveViewTest again = lv.liveChild("child");
        QCOMPARE(again.render().trimmed(), QStringLiteral("child"));
    }

    void issue4359DoneStaysPut()
    {
        LiveViewTest lv = live(app, "/issues/4359?done=1");
        const HtmlDocument page = HtmlDocument::parse(lv.deadRender());
        QCOMPARE(page.selectOne("div#child").textContent().trimmed(), QStringLiteral("child"));
        QElapsedTimer timer;
        timer.start();
        lv.processPending();
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY(lv.assertRedirect().isEmpty());
    }

    // --- /issues/3530 ---

    void issue3530FirstRenderHoldsTheChildren()
    {
        const LiveTestApp::Page page = app.get("/issues/3530");
        QCOMPARE(page.status, 200);
        const HtmlDocument doc = HtmlDocument::parse(page.html);
        const QString mainId = doc.selectOne("[data-phx-main]").id();
        const QList<HtmlElement> children = doc.select("#stream-list > div");
        QCOMPARE(ids(children), numbered(QStringLiteral("item-"), {1, 2, 3}));
        for (const HtmlElement &child : children) {
            QCOMPARE(child.attribute("data-phx-parent-id"), mainId);
            const QString hooked = QStringLiteral("#item-outer-%1 > #test-hook-%1[phx-hook=test]")
                                       .arg(child.id().mid(5));
            QVERIFY(!child.selectOne(hooked).isNull());
        }
        QVERIFY(page.html.contains("window.hooks.test = {"));
        QVERIFY(page.html.contains("console.log(this.__view().id, \"mounted hook!\")"));
    }

    void issue3530ChildrenShowTheirItem_data()
    {
        QTest::addColumn<int>("item");
        for (int item : {1, 2, 3})
            QTest::addRow("item-%d", item) << item;
    }
    void issue3530ChildrenShowTheirItem()
    {
        QFETCH(int, item);
        LiveViewTest lv = live(app, "/issues/3530");
        const QString id = QStringLiteral("item-%1").arg(item);
        QCOMPARE(lv.element("#" + id).element().attribute("data-phx-parent-id"), lv.viewId());
        LiveViewTest child = lv.liveChild(id);
        QCOMPARE(text(child, QStringLiteral("#item-outer-%1").arg(item)),
                 QStringLiteral("test hook with nested liveview"));
        QVERIFY(child.hasElement(QStringLiteral("#test-hook-%1[phx-hook=test]").arg(item)));
    }

    void issue3530PatchesResetTheStream_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QList<int>>("items");
        QTest::newRow("patch a") << "/issues/3530?q=a" << QList<int>{1, 3};
        QTest::newRow("patch b") << "/issues/3530?q=b" << QList<int>{2, 3};
        QTest::newRow("no query") << "/issues/3530" << QList<int>{1, 2, 3};
    }
    void issue3530PatchesResetTheStream()
    {
        QFETCH(QString, path);
        QFETCH(QList<int>, items);
        LiveViewTest lv = live(app, "/issues/3530");
        QVERIFY(lv.hasElement("a[data-phx-link=patch][href='/issues/3530?q=a']", "patch a"));
        QVERIFY(lv.hasElement("a[data-phx-link=patch][href='/issues/3530?q=b']", "patch b"));
        lv.renderPatch(path);
        QCOMPARE(ids(lv.document().select("#stream-list > div")),
                 numbered(QStringLiteral("item-"), items));
    }

    // The spec's sequence: patch a, patch b, then "+" appends a fourth child.
    void issue3530IncAppendsAChild()
    {
        LiveViewTest lv = live(app, "/issues/3530");
        lv.renderPatch("/issues/3530?q=a");
        lv.renderPatch("/issues/3530?q=b");
        lv.element("div[phx-click=inc]", "+").renderClick();
        QCOMPARE(ids(lv.document().select("#stream-list > div")),
                 numbered(QStringLiteral("item-"), {2, 3, 4}));
        LiveViewTest child = lv.liveChild("item-4");
        QVERIFY(child.hasElement("#item-outer-4 > #test-hook-4[phx-hook=test]"));
        lv.element("div[phx-click=inc]").renderClick();
        QCOMPARE(ids(lv.document().select("#stream-list > div")),
                 numbered(QStringLiteral("item-"), {2, 3, 4, 5}));
    }
};

QTEST_GUILESS_MAIN(tst_ConformanceNestedC)
#include "tst_conformance_nested_c.moc"
