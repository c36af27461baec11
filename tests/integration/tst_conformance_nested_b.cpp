// The fixtures of nested_issue_lives_b through the harness: the sticky children's containers on
// the first render and once connected, 3047's stream kept by a sticky child while the page moves
// to B, 3656's and 3658's sticky children across a navigation to the same view, 3378's stream two
// views deep on a fresh socket, 3496's hooked id in a sticky child and then in the page, 3612's
// sticky child navigating the page and staying joined.
#include <fixture_router.h>
#include <nested_issue_lives_b.h>

#include <liveview/router.h>
#include <liveview/testing/html_document.h>
#include <liveview/testing/live_view_test.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {
// The routes of these fixtures, in upstream's live sessions.
std::shared_ptr<Router> nestedRouter()
{
    conformance::registerNestedIssueLivesB();
    auto router = std::make_shared<Router>();
    router->liveSession(QStringLiteral("default"));
    router->live<conformance::Issue3378HomeLive>(QStringLiteral("/issues/3378"));
    router->live<conformance::Issue3496ALive>(QStringLiteral("/issues/3496/a"));
    router->live<conformance::Issue3496BLive>(QStringLiteral("/issues/3496/b"));
    router->live<conformance::Issue3612ALive>(QStringLiteral("/issues/3612/a"));
    router->live<conformance::Issue3612BLive>(QStringLiteral("/issues/3612/b"));
    router->live<conformance::Issue3656Live>(QStringLiteral("/issues/3656"));
    router->live<conformance::Issue3658Live>(QStringLiteral("/issues/3658"));
    router->liveSession(QString()); // upstream: outside every live session (their own layouts)
    router->live<conformance::Issue3047ALive>(QStringLiteral("/issues/3047/a"));
    router->live<conformance::Issue3047BLive>(QStringLiteral("/issues/3047/b"));
    return router;
}

QString text(LiveViewTest &lv, const QString &selector)
{
    return lv.element(selector).element().textContent().simplified();
}

// The DOM ids of 3047's stream items, in page order.
QStringList streamIds(LiveViewTest &lv)
{
    QStringList ids;
    for (const HtmlElement &item : lv.document().select("[phx-update=stream] > span"))
        ids << item.id();
    return ids;
}

QStringList itemIds(int from, int to)
{
    QStringList ids;
    for (int x = from; x <= to; ++x)
        ids << QStringLiteral("items-%1").arg(x);
    return ids;
}

QJsonArray frame(const QString &joinRef, const QString &ref, const QString &topic,
                 const QString &event, const QJsonObject &payload)
{
    return QJsonArray{joinRef, ref, topic, event, payload};
}

// The client's live navigation of the page (a navigate link, or a child's push_navigate): it
// leaves the main view and joins its topic again with the page's session token and the new URL.
// Returns the join's reply payload; `lv` itself keeps showing the page it had (the harness only
// follows the main view's own live_redirect), while its children stay joined.
QJsonObject navigatePage(LiveViewTest &lv, const QString &path)
{
    const QString session = HtmlDocument::parse(lv.deadRender())
                                .selectOne("[data-phx-main]")
                                .attribute("data-phx-session");
    const QString leaveRef = lv.nextRef();
    lv.sendRaw(QJsonDocument(frame(lv.joinRef(), leaveRef, lv.topic(), "phx_leave", {}))
                   .toJson(QJsonDocument::Compact));
    const QString ref = lv.nextRef();
    const QJsonObject params{
        {"_csrf_token", lv.csrfToken()}, {"_mounts", 0}, {"_mount_attempts", 0}};
    const QJsonObject payload{{"params", params},
                              {"session", session},
                              {"static", QJsonValue()},
                              {"redirect", QStringLiteral("http://localhost") + path}};
    const QList<QByteArray> written =
        lv.sendRaw(QJsonDocument(frame(ref, ref, lv.topic(), "phx_join", payload))
                       .toJson(QJsonDocument::Compact));
    for (const QByteArray &bytes : written) {
        const QJsonArray sent = QJsonDocument::fromJson(bytes).array();
        if (sent.at(1).toString() == ref && sent.at(3).toString() == u"phx_reply")
            return sent.at(4).toObject();
    }
    return {};
}

void collectStrings(const QJsonValue &value, QStringList *out)
{
    if (value.isString())
        out->append(value.toString());
    else if (value.isArray())
        for (const QJsonValue &v : value.toArray())
            collectStrings(v, out);
    else if (value.isObject())
        for (const QJsonValue &v : value.toObject())
            collectStrings(v, out);
}

// Whether one static or dynamic string of a join reply's rendered tree holds every needle.
bool rendersAll(const QJsonObject &reply, const QStringList &needles)
{
    QStringList strings;
    collectStrings(reply.value("response").toObject().value("rendered"), &strings);
    for (const QString &s : strings) {
        bool all = true;
        for (const QString &needle : needles)
            all = all && s.contains(needle);
        if (all)
            return true;
    }
    return false;
}

bool rendersStickyContainer(const QJsonObject &reply, const QString &id)
{
    return rendersAll(reply,
                      {QStringLiteral("id=\"%1\"").arg(id), QStringLiteral("data-phx-sticky")});
}

// A sticky child without events of its own answers a stray one (the engine ignores it with a
// warning): it is still joined.
void verifyStillJoined(LiveViewTest &child)
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("has no handler for event"));
    child.renderEvent(QStringLiteral("still-there"));
    QCOMPARE(child.lastReplyStatus(), QStringLiteral("ok"));
    QVERIFY(!child.isCrashed());
}
} // namespace

class tst_ConformanceNestedB : public QObject
{
    Q_OBJECT
    std::shared_ptr<Router> router = nestedRouter();
    LiveTestApp app{router};

private slots:
    void routesAreInUpstreamsLiveSessions_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("session");
        for (const char *pattern :
             {"/issues/3378", "/issues/3496/a", "/issues/3496/b", "/issues/3612/a",
              "/issues/3612/b", "/issues/3656", "/issues/3658"})
            QTest::newRow(pattern) << pattern << "default";
        for (const char *pattern : {"/issues/3047/a", "/issues/3047/b"})
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

    // Phoenix's sticky shape: the first render holds the child's render, a session (the client
    // joins it from the page) and no parent; once connected the container is empty and the child
    // joins over the page's socket.
    void stickyChildren_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("inside");
        QTest::newRow("3047 a") << "/issues/3047/a"
                                << "test"
                                << "#items > span#items-1";
        QTest::newRow("3047 b") << "/issues/3047/b"
                                << "test"
                                << "#items > span#items-10";
        QTest::newRow("3656") << "/issues/3656"
                              << "sticky"
                              << "nav > a";
        QTest::newRow("3496 a") << "/issues/3496/a"
                                << "sticky"
                                << "#my-component[phx-hook=MyHook]";
        QTest::newRow("3612 a") << "/issues/3612/a"
                                << "sticky"
                                << "a[phx-click=navigate_to_b]";
        QTest::newRow("3612 b") << "/issues/3612/b"
                                << "sticky"
                                << "a[phx-click=navigate_to_a]";
        QTest::newRow("3658") << "/issues/3658"
                              << "sticky"
                              << "#foo[phx-remove]";
    }
    void stickyChildren()
    {
        QFETCH(QString, path);
        QFETCH(QString, id);
        QFETCH(QString, inside);
        const LiveTestApp::Page page = app.get(path);
        QCOMPARE(page.status, 200);
        const HtmlElement dead = HtmlDocument::parse(page.html).selectOne(
            QStringLiteral("[data-phx-main] div#%1").arg(id));
        QVERIFY(!dead.isNull());
        QVERIFY(dead.hasAttribute("data-phx-sticky"));
        QVERIFY(!dead.hasAttribute("data-phx-parent-id"));
        QVERIFY(!dead.attribute("data-phx-session").isEmpty());
        QVERIFY(!dead.attribute("data-phx-static").isEmpty());
        QCOMPARE(dead.select(inside).size(), 1);

        LiveViewTest lv = live(app, path, page);
        const HtmlElement container = lv.element(QStringLiteral("div#%1").arg(id)).element();
        QVERIFY(container.hasAttribute("data-phx-sticky"));
        QVERIFY(container.children().isEmpty());
        LiveViewTest child = lv.liveChild(id);
        QVERIFY(!child.isCrashed());
        QCOMPARE(child.document().select(inside).size(), 1);
    }

    // --- /issues/3047 ---

    void issue3047LayoutLinksToBothPages()
    {
        LiveViewTest lv = live(app, "/issues/3047/a");
        QCOMPARE(text(lv, "#page"), QStringLiteral("Page A"));
        for (const char *page : {"a", "b"}) {
            const HtmlElement link =
                lv.element(QStringLiteral("a[href='/issues/3047/%1']").arg(QLatin1String(page)))
                    .element();
            QCOMPARE(link.attribute("data-phx-link"), QStringLiteral("redirect"));
            QCOMPARE(link.classes(), (QStringList{"border", "rounded", "bg-blue-700", "w-fit",
                                                  "px-2", "text-white"}));
            QCOMPARE(link.textContent().simplified(),
                     QStringLiteral("Page %1").arg(QString::fromLatin1(page).toUpper()));
        }
    }

    void issue3047StickyStreamSurvivesNavigation()
    {
        LiveViewTest lv = live(app, "/issues/3047/a");
        LiveViewTest sticky = lv.liveChild("test");
        QCOMPARE(text(sticky, "h1"), QStringLiteral("This is the sticky liveview"));
        QCOMPARE(streamIds(sticky), itemIds(1, 10));
        QCOMPARE(text(sticky, "#items-3"), QStringLiteral("item-3"));
        sticky.element("button", "Reset").renderClick();
        QCOMPARE(streamIds(sticky), itemIds(5, 15));

        // A and B are outside every live session, together: the navigation is a live one.
        const QJsonObject reply = navigatePage(lv, "/issues/3047/b");
        QCOMPARE(reply.value("status").toString(), QStringLiteral("ok"));
        QVERIFY(rendersAll(reply, {R"(<span id="page">Page B</span>)"}));
        QVERIFY(rendersStickyContainer(reply, "test"));
        // The sticky child is not the page's: still joined, its stream as the reset left it.
        sticky.element("button", "Reset").renderClick();
        QCOMPARE(sticky.lastReplyStatus(), QStringLiteral("ok"));
        QCOMPARE(streamIds(sticky), itemIds(5, 15));
    }

    // --- /issues/3656 ---

    void issue3656StickyNavigateLinkOutlivesTheNavigation()
    {
        LiveViewTest lv = live(app, "/issues/3656");
        QVERIFY(lv.hasElement("style"));
        QVERIFY(!lv.hasElement("a")); // the only link is the sticky child's
        LiveViewTest sticky = lv.liveChild("sticky");
        const HtmlElement link = sticky.element("nav a", "Link 1").element();
        QCOMPARE(link.attribute("href"), QStringLiteral("/issues/3656?navigated=true"));
        QCOMPARE(link.attribute("data-phx-link"), QStringLiteral("redirect"));
        QCOMPARE(link.attribute("data-phx-link-state"), QStringLiteral("push"));
        QVERIFY(!link.hasAttribute("class")); // the spec sees class go from null to the loading one

        const QJsonObject reply = navigatePage(lv, "/issues/3656?navigated=true");
        QCOMPARE(reply.value("status").toString(), QStringLiteral("ok"));
        QVERIFY(rendersStickyContainer(reply, "sticky"));
        verifyStillJoined(sticky);
    }

    // --- /issues/3378 ---

    void issue3378FirstRenderNestsTwoViews()
    {
        const LiveTestApp::Page page = app.get("/issues/3378");
        QCOMPARE(page.status, 200);
        const HtmlDocument doc = HtmlDocument::parse(page.html);
        const HtmlElement main = doc.selectOne("[data-phx-main]");
        const HtmlElement appBar = main.selectOne("div#appbar");
        QVERIFY(!appBar.isNull());
        QCOMPARE(appBar.attribute("data-phx-parent-id"), main.id());
        const HtmlElement notifications = appBar.selectOne("div > div#notifications");
        QVERIFY(!notifications.isNull());
        QCOMPARE(notifications.attribute("data-phx-parent-id"), QStringLiteral("appbar"));
        QVERIFY(!notifications.hasAttribute("data-phx-sticky"));
        QCOMPARE(notifications.select("ul#notifications_list[phx-update=stream] > div").size(), 1);
        QCOMPARE(notifications.selectOne("#notifications-1 > p").textContent(),
                 QStringLiteral("big!"));
    }

    // The spec disconnects the socket and connects again: every view joins afresh, the nested
    // stream sent once more, whole.
    void issue3378NestedStreamOnEachConnection()
    {
        const LiveTestApp::Page page = app.get("/issues/3378");
        for (int connection = 1; connection <= 2; ++connection) {
            LiveViewTest lv = live(app, "/issues/3378", page);
            QVERIFY(lv.hasElement("div#appbar[data-phx-parent-id]"));
            LiveViewTest appBar = lv.liveChild("appbar");
            QVERIFY(appBar.hasElement("div > div#notifications"));
            LiveViewTest notifications = appBar.liveChild("notifications");
            QVERIFY(!notifications.isCrashed());
            QCOMPARE(notifications.document().select("#notifications_list > div").size(), 1);
            QCOMPARE(text(notifications, "#notifications-1"), QStringLiteral("big!"));
        }
    }

    // --- /issues/3496 ---

    void issue3496HookedIdMovesFromTheStickyChildToThePage()
    {
        LiveViewTest a = live(app, "/issues/3496/a");
        // The page defines the hook before its LiveSocket is created.
        const HtmlElement script =
            HtmlDocument::parse(a.deadRender()).selectOne("[data-phx-main] script");
        QVERIFY(script.textContent().contains("window.hooks.MyHook = {"));
        QVERIFY(script.textContent().contains(R"(console.log("Hook mounted!"))"));
        QCOMPARE(text(a, "h1"), QStringLiteral("Page A"));
        const HtmlElement link = a.element("a", "Go to page B").element();
        QCOMPARE(link.attribute("href"), QStringLiteral("/issues/3496/b"));
        QCOMPARE(link.attribute("data-phx-link"), QStringLiteral("redirect"));
        QVERIFY(!a.hasElement("#my-component")); // on A only in the sticky child
        LiveViewTest sticky = a.liveChild("sticky");
        QCOMPARE(sticky.document().select("div > #my-component[phx-hook=MyHook]").size(), 1);

        const QJsonObject reply = navigatePage(a, "/issues/3496/b");
        QCOMPARE(reply.value("status").toString(), QStringLiteral("ok"));
        QVERIFY(rendersAll(reply, {"<h1>Page B</h1>"}));
        QVERIFY(rendersAll(reply, {R"(id="my-component")", R"(phx-hook="MyHook")"}));
        QVERIFY(!rendersAll(reply, {"data-phx-sticky"})); // B's layout has no sticky child
        verifyStillJoined(sticky);

        LiveViewTest b = live(app, "/issues/3496/b");
        QCOMPARE(text(b, "h1"), QStringLiteral("Page B"));
        QCOMPARE(b.document().select("#my-component[phx-hook=MyHook]").size(), 1);
        QVERIFY(!b.hasElement("[data-phx-sticky]"));
        QVERIFY(b.hasElement("script"));
    }

    // --- /issues/3612 ---

    void issue3612StickyChildNavigatesThePageAndStaysJoined()
    {
        LiveViewTest lv = live(app, "/issues/3612/a");
        QCOMPARE(lv.document().select("h1").size(), 1);
        QCOMPARE(text(lv, "h1"), QStringLiteral("Page A"));
        LiveViewTest sticky = lv.liveChild("sticky");
        QCOMPARE(sticky.element("a", "Go to page B").element().attribute("href"),
                 QStringLiteral("#"));

        sticky.element("a", "Go to page B").renderClick();
        const QJsonObject toB = sticky.assertRedirect();
        QCOMPARE(toB.value("kind_of").toString(), QStringLiteral("live_redirect"));
        QCOMPARE(toB.value("to").toString(), QStringLiteral("/issues/3612/b"));
        const QJsonObject reply = navigatePage(lv, "/issues/3612/b");
        QCOMPARE(reply.value("status").toString(), QStringLiteral("ok"));
        QVERIFY(rendersAll(reply, {"<h1>Page B</h1>"}));
        QVERIFY(rendersStickyContainer(reply, "sticky"));

        sticky.element("a", "Go to page A").renderClick();
        QVERIFY(!sticky.isCrashed());
        const QJsonObject toA = sticky.assertRedirect();
        QCOMPARE(toA.value("kind_of").toString(), QStringLiteral("live_redirect"));
        QCOMPARE(toA.value("to").toString(), QStringLiteral("/issues/3612/a"));
    }

    // --- /issues/3658 ---

    void issue3658PhxRemoveInsideTheStickyChild()
    {
        LiveViewTest lv = live(app, "/issues/3658");
        const HtmlElement link = lv.element("a", "Link 1").element();
        QCOMPARE(link.attribute("href"), QStringLiteral("/issues/3658?navigated=true"));
        QCOMPARE(link.attribute("data-phx-link"), QStringLiteral("redirect"));
        LiveViewTest sticky = lv.liveChild("sticky");
        const HtmlElement foo = sticky.element("div > #foo").element();
        QCOMPARE(foo.textContent(), QStringLiteral("Hi"));
        QJsonArray dispatch; // JS.dispatch("my-event")
        dispatch.append(QJsonArray{"dispatch", QJsonObject{{"event", "my-event"}}});
        QCOMPARE(QJsonDocument::fromJson(foo.attribute("phx-remove").toUtf8()).array(), dispatch);

        const QJsonObject reply = navigatePage(lv, "/issues/3658?navigated=true");
        QCOMPARE(reply.value("status").toString(), QStringLiteral("ok"));
        QVERIFY(rendersStickyContainer(reply, "sticky"));
        verifyStillJoined(sticky);
        QVERIFY(sticky.hasElement("#foo", "Hi"));
    }
};

QTEST_GUILESS_MAIN(tst_ConformanceNestedB)
#include "tst_conformance_nested_b.moc"
