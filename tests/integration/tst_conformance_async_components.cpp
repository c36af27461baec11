// The fixtures of async_component_lives through the harness: 3941's items whose nested header
// components load in the background (on the join, whether it adopts the first render's view or
// mounts afresh, and again when an item comes back), their results arriving as component-only
// patches; 4027's keyed list in a live component fed by an async result that keeps its last
// value while it loads again.
#include <async_component_lives.h>
#include <fixture_router.h>

#include <liveview/router.h>
#include <liveview/testing/live_view_test.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <algorithm>

using namespace liveview;
using namespace liveview::testing;

namespace {
// The routes of these fixtures, in upstream's live sessions.
std::shared_ptr<Router> asyncRouter()
{
    conformance::registerAsyncComponentLives();
    auto router = std::make_shared<Router>();
    router->liveSession(QStringLiteral("default"));
    router->live<conformance::Issue4027Live>(QStringLiteral("/issues/4027"));
    router->liveSession(QString()); // upstream: outside every live session (its own layout)
    router->live<conformance::Issue3941Live>(QStringLiteral("/issues/3941"));
    return router;
}

QString text(const HtmlElement &element)
{
    return element.textContent().simplified();
}

QString text(LiveViewTest &lv, const QString &selector)
{
    return text(lv.element(selector).element());
}

QStringList texts(LiveViewTest &lv, const QString &selector)
{
    QStringList out;
    for (const HtmlElement &element : lv.document().select(selector))
        out << text(element);
    return out;
}

int cidOf(LiveViewTest &lv, const QString &selector)
{
    return lv.element(selector).element().attribute(QStringLiteral("data-phx-component")).toInt();
}

// The client's two removal steps (cids_will_destroy, cids_destroyed) for components gone from
// the page; returns the cids the server deleted, sorted.
QList<int> destroyCids(LiveViewTest &lv, const QList<int> &cids)
{
    QJsonArray list;
    for (int cid : cids)
        list.append(cid);
    auto push = [&](const QString &event) {
        const QJsonArray frame{lv.joinRef(), lv.nextRef(), lv.topic(), event,
                               QJsonObject{{QStringLiteral("cids"), list}}};
        return lv.sendRaw(QJsonDocument(frame).toJson(QJsonDocument::Compact));
    };
    push(QStringLiteral("cids_will_destroy"));
    const QList<QByteArray> out = push(QStringLiteral("cids_destroyed"));
    QList<int> deleted;
    if (out.size() == 1) {
        const QJsonObject reply = QJsonDocument::fromJson(out.first()).array().at(4).toObject();
        const QJsonObject response = reply.value(QStringLiteral("response")).toObject();
        for (const QJsonValue &cid : response.value(QStringLiteral("cids")).toArray())
            deleted << cid.toInt();
    }
    std::sort(deleted.begin(), deleted.end());
    return deleted;
}

const QString loadingInspect = QStringLiteral("%Phoenix.LiveView.AsyncResult{ok?: false, loading: "
                                              "[:async_assign], failed: nil, result: nil}");
const QString okInspect = QStringLiteral(
    "%Phoenix.LiveView.AsyncResult{ok?: true, loading: nil, failed: nil, result: :assign}");

// The header of `item` as upstream renders it once loaded.
void verifyLoaded(LiveViewTest &lv, const QString &item)
{
    const HtmlElement shown = lv.element(u'#' + item).element();
    QCOMPARE(text(shown), item + QStringLiteral(" - I AM LOADED!"));
    QVERIFY(shown.classes().contains(QStringLiteral("bg-green-500")));
    QCOMPARE(text(lv, QStringLiteral("#header-") + item),
             item + QStringLiteral(" - I AM LOADED! ") + okInspect);
    QCOMPARE(lv.element(QStringLiteral("#item-") + item).element().attribute("phx-hook"),
             QStringLiteral("PagePositionNotifier"));
}

// Only live component renders in the last diff: no part of the view itself.
bool componentOnly(const QJsonObject &diff)
{
    return !diff.isEmpty() && diff.keys() == QStringList{QStringLiteral("c")};
}
} // namespace

class tst_ConformanceAsyncComponents : public QObject
{
    Q_OBJECT
    std::shared_ptr<Router> router = asyncRouter();
    LiveTestApp app{router};

private slots:
    void routesAreInUpstreamsLiveSessions_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("session");
        QTest::newRow("/issues/4027") << "/issues/4027"
                                      << "default";
        QTest::newRow("/issues/3941") << "/issues/3941"
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

    // --- 3941 ---

    // Phoenix starts assign_async only when connected: the first render shows every header
    // loading, the checkboxes of the selected items checked, and the hook defined for the page.
    void issue3941DeadRenderShowsTheItemsLoading()
    {
        const LiveTestApp::Page page = app.get("/issues/3941");
        QCOMPARE(page.status, 200);
        QVERIFY(page.html.contains("window.hooks.PagePositionNotifier"));
        const HtmlDocument doc = HtmlDocument::parse(page.html);
        for (const QString &item : {QStringLiteral("Item_1"), QStringLiteral("Item_2")}) {
            const HtmlElement box = doc.selectOne(QStringLiteral("#select-") + item);
            QVERIFY(!box.isNull());
            QVERIFY(box.hasAttribute("checked"));
            QCOMPARE(box.attribute("phx-click"), QStringLiteral("toggle_item"));
            QCOMPARE(box.attribute("phx-value-clicked"), item);
            QCOMPARE(box.attribute("value"), item);
            QCOMPARE(box.parent().attribute("for"), QStringLiteral("item-select-") + item);
            const HtmlElement shown = doc.selectOne(u'#' + item);
            QVERIFY(!shown.isNull());
            QCOMPARE(text(shown), item + QStringLiteral(" - I AM LOADING"));
            QVERIFY(shown.classes().contains(QStringLiteral("bg-red-500")));
            QCOMPARE(text(doc.selectOne(QStringLiteral("#header-") + item)),
                     item + QStringLiteral(" - I AM LOADING ") + loadingInspect);
        }
        QVERIFY(doc.selectOne("#unrendered").isNull());
    }

    // The headers load once the socket joined: when the join adopts the first render's view
    // (whose components were updated while disconnected) as when it mounts the view afresh.
    void issue3941ItemsLoadOnceConnected_data()
    {
        QTest::addColumn<bool>("mountOnce");
        QTest::newRow("the join adopts the first render's view") << true;
        QTest::newRow("the join mounts afresh") << false;
    }
    void issue3941ItemsLoadOnceConnected()
    {
        QFETCH(bool, mountOnce);
        LiveTestApp which(asyncRouter(), mountOnce);
        LiveViewTest lv = live(which, "/issues/3941");
        lv.renderAsync();
        QVERIFY(!lv.isCrashed());
        verifyLoaded(lv, QStringLiteral("Item_1"));
        verifyLoaded(lv, QStringLiteral("Item_2"));
        QVERIFY(!lv.hasElement("#unrendered")); // the item's own async result changed nothing
        QCOMPARE(lv.document().select("[phx-hook=PagePositionNotifier]").size(), 2);
    }

    // The hook of each item pushes an event to the view when it mounts: answered, nothing else.
    void issue3941HookEventIsAnswered()
    {
        LiveViewTest lv = live(app, "/issues/3941");
        lv.renderAsync();
        const QString before = lv.render();
        QCOMPARE(lv.renderEvent("page_position_update", {}, "hook"), before);
        QCOMPARE(lv.lastReplyStatus(), QStringLiteral("ok"));
        QVERIFY(!lv.isCrashed());
    }

    // The spec's steps: both unchecked (the client sends no value for a checkbox it unchecks),
    // then checked again one after the other; an item that comes back is a new component that
    // loads again, its result arriving as a component-only patch.
    void issue3941UncheckAndCheckAgain()
    {
        LiveViewTest lv = live(app, "/issues/3941");
        lv.renderAsync();
        for (const QString &item : {QStringLiteral("Item_1"), QStringLiteral("Item_2")}) {
            const QList<int> cids{cidOf(lv, QStringLiteral("#item-") + item),
                                  cidOf(lv, QStringLiteral("#header-") + item)};
            QVERIFY(cids.at(0) > 0 && cids.at(1) > 0 && cids.at(0) != cids.at(1));
            lv.renderEvent("toggle_item", {{"clicked", item}});
            QVERIFY(!lv.hasElement(u'#' + item));
            QVERIFY(!lv.hasElement(QStringLiteral("#item-") + item));
            QVERIFY(
                !lv.element(QStringLiteral("#select-") + item).element().hasAttribute("checked"));
            QList<int> sorted = cids;
            std::sort(sorted.begin(), sorted.end());
            QCOMPARE(destroyCids(lv, cids), sorted);
        }
        QVERIFY(lv.document().select("[data-phx-component]").isEmpty());

        lv.element("#select-Item_1").renderClick(); // sends value="Item_1": checked
        QVERIFY(lv.element("#select-Item_1").element().hasAttribute("checked"));
        QVERIFY(!lv.element("#select-Item_2").element().hasAttribute("checked"));
        QCOMPARE(text(lv, "#Item_1"), QStringLiteral("Item_1 - I AM LOADING"));
        lv.renderAsync();
        QVERIFY(componentOnly(lv.lastDiff()));
        verifyLoaded(lv, QStringLiteral("Item_1"));
        QVERIFY(!lv.hasElement("#Item_2"));

        lv.element("#select-Item_2").renderClick();
        QCOMPARE(text(lv, "#Item_2"), QStringLiteral("Item_2 - I AM LOADING"));
        verifyLoaded(lv, QStringLiteral("Item_1")); // untouched by the new item
        lv.renderAsync();
        QVERIFY(componentOnly(lv.lastDiff()));
        verifyLoaded(lv, QStringLiteral("Item_1"));
        verifyLoaded(lv, QStringLiteral("Item_2"));
        QCOMPARE(texts(lv, "[phx-hook=PagePositionNotifier] > div > div"),
                 (QStringList{"Item_1 - I AM LOADED!", "Item_2 - I AM LOADED!"}));
        QVERIFY(!lv.isCrashed());
    }

    // --- 4027 ---

    void issue4027RendersTheCase_data()
    {
        QTest::addColumn<QString>("kase");
        QTest::addColumn<bool>("divider");
        QTest::newRow("no case: first") << QString() << false;
        QTest::newRow("first") << "first" << false;
        QTest::newRow("second") << "second" << true;
    }
    void issue4027RendersTheCase()
    {
        QFETCH(QString, kase);
        QFETCH(bool, divider);
        const QString path = kase.isEmpty() ? QStringLiteral("/issues/4027")
                                            : QStringLiteral("/issues/4027?case=") + kase;
        LiveViewTest lv = live(app, path);
        QVERIFY(lv.hasElement("#result"));
        QVERIFY(lv.document().select("#result p").isEmpty());
        QCOMPARE(lv.document().select("div[style]").size(), divider ? 1 : 0);
        QCOMPARE(lv.document().select("[data-phx-component]").size(), 1);
        QCOMPARE(texts(lv, "button"), (QStringList{"Load data", "Remove first entry"}));
        QVERIFY(text(lv, "p.my-4").startsWith("Click Load Data. 3 items should be displayed."));
    }

    // The spec: load three entries, then the list without the first. While loading again the
    // async result keeps its last value, so the component keeps its rows until the new ones.
    void issue4027KeyedRowsFollowTheAsyncResult_data()
    {
        QTest::addColumn<QString>("kase");
        QTest::newRow("first") << "first";
        QTest::newRow("second") << "second";
    }
    void issue4027KeyedRowsFollowTheAsyncResult()
    {
        QFETCH(QString, kase);
        LiveViewTest lv = live(app, QStringLiteral("/issues/4027?case=") + kase);
        const int cid = cidOf(lv, "#result");

        lv.element("button", "Load data").renderClick();
        QVERIFY(lv.document().select("#result p").isEmpty()); // loading: still the empty list
        lv.renderAsync();
        QCOMPARE(texts(lv, "#result p"), (QStringList{"First", "Second", "Third"}));

        lv.element("button", "Remove first entry").renderClick();
        QCOMPARE(texts(lv, "#result p"), (QStringList{"First", "Second", "Third"}));
        lv.renderAsync();
        QCOMPARE(texts(lv, "#result p"), (QStringList{"Second", "Third"}));
        QVERIFY(!text(lv, "#result").contains("First"));

        QCOMPARE(cidOf(lv, "#result"), cid); // the same component all along
        QVERIFY(!lv.isCrashed());
    }
};

QTEST_GUILESS_MAIN(tst_ConformanceAsyncComponents)
#include "tst_conformance_async_components.moc"
