// The stream fixtures with live components through the harness: /stream's component and its
// own stream (#c_users) next to the view's, /stream/reset-lc's components as the children of a
// stream reset by the view, and /stream/nested-component-reset's components with streams of their
// own, reordered, kept across the view's reset, dead and connected items as upstream mounts them.
#include <fixture_router.h>
#include <stream_component_lives.h>
#include <stream_live.h>

#include <liveview/router.h>
#include <liveview/testing/live_view_test.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {
// The routes of these fixtures, in upstream's live session (the fixtures' template root and
// components registered as the server registers them).
std::shared_ptr<Router> streamRouter()
{
    conformance::registerFixtureComponents();
    conformance::registerStreamComponentLives();
    auto router = std::make_shared<Router>();
    router->liveSession(QStringLiteral("default"));
    router->live<conformance::StreamLive>(QStringLiteral("/stream"));
    router->live<conformance::StreamResetLCLive>(QStringLiteral("/stream/reset-lc"));
    router->live<conformance::StreamNestedComponentResetLive>(
        QStringLiteral("/stream/nested-component-reset"));
    return router;
}

// The elements `selector` finds as the specs read them: "id=first word of the text".
QStringList rows(const QList<HtmlElement> &elements)
{
    QStringList out;
    for (const HtmlElement &e : elements)
        out << e.id() + u'=' + e.textContent().simplified().section(u' ', 0, 0);
    return out;
}

QStringList rows(LiveViewTest &lv, const QString &selector)
{
    return rows(lv.document().select(selector));
}

const QStringList viewUsers{"users-1=chris", "users-2=callan"};
const QStringList componentUsers{"c_users-1=chris", "c_users-2=callan"};
const QStringList admins{"admins-1=chris-admin", "admins-2=callan-admin"};

// The nested stream of the component `items-<id>`: "nested-items-<id>-<letter>=N-<LETTER>".
QStringList nested(const QString &id, const QStringList &letters)
{
    QStringList out;
    for (const QString &letter : letters)
        out << QStringLiteral("nested-items-%1-%2=N-%3").arg(id, letter, letter.toUpper());
    return out;
}

QString nestedSelector(const QString &id)
{
    return QStringLiteral("#items-%1 div[phx-update=stream] > *").arg(id);
}

// The ids of "id=text" rows.
QStringList domIds(const QStringList &rows)
{
    QStringList out;
    for (const QString &row : rows)
        out << row.section(u'=', 0, 0);
    return out;
}

// The `stream` instructions of a diff, wherever they are: [ref, inserts, deletes, reset?].
void collectStreams(const QJsonObject &node, QList<QJsonArray> &out)
{
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (it.key() == u"stream" && it.value().isArray())
            out.append(it.value().toArray());
        else if (it.value().isObject())
            collectStreams(it.value().toObject(), out);
    }
}

QList<QJsonArray> streamInstructions(const QJsonObject &diff)
{
    QList<QJsonArray> out;
    collectStreams(diff, out);
    return out;
}

// The DOM ids an instruction inserts, in order.
QStringList insertedIds(const QJsonArray &instruction)
{
    QStringList out;
    for (const QJsonValue &insert : instruction.at(1).toArray())
        out << insert.toArray().at(0).toString();
    return out;
}

const QStringList connectedLetters{"a", "b", "c", "d"};
const QStringList reorderedLetters{"e", "a", "f", "g"};
} // namespace

class tst_ConformanceStreamComponents : public QObject
{
    Q_OBJECT
    std::shared_ptr<Router> router = streamRouter();
    LiveTestApp app{router};

private slots:
    void routesAreInUpstreamsLiveSession_data()
    {
        QTest::addColumn<QString>("pattern");
        for (const char *pattern :
             {"/stream", "/stream/reset-lc", "/stream/nested-component-reset"})
            QTest::newRow(pattern) << pattern;
    }
    void routesAreInUpstreamsLiveSession()
    {
        QFETCH(QString, pattern);
        QVERIFY(router->match(pattern).isValid());
        QCOMPARE(router->sessionOf(pattern), QStringLiteral("default"));
    }

    // --- /stream ---

    void streamRendersTheComponentsUsers()
    {
        const HtmlDocument dead = HtmlDocument::parse(app.get("/stream").html);
        QCOMPARE(rows(dead.select("#c_users > *")), componentUsers);
        LiveViewTest lv = live(app, "/stream");
        QCOMPARE(rows(lv, "#users > *"), viewUsers);
        QCOMPARE(rows(lv, "#c_users > *"), componentUsers);
        QCOMPARE(rows(lv, "#admins > *"), admins);
        // The component's root is the stream container; its buttons target the component.
        const HtmlElement container = lv.element("#c_users").element();
        QCOMPARE(container.attribute("phx-update"), QStringLiteral("stream"));
        const QString cid = container.attribute("data-phx-component");
        QVERIFY(!cid.isEmpty());
        const QList<HtmlElement> buttons = lv.document().select("#c_users button");
        QCOMPARE(buttons.size(), 8);
        for (const HtmlElement &button : buttons)
            QCOMPARE(button.attribute("phx-target"), cid);
    }

    // "elements can be updated and deleted (LV)": the view's events leave #c_users alone.
    void streamViewEventsLeaveTheComponentAlone()
    {
        LiveViewTest lv = live(app, "/stream");
        lv.element("#users-1 button", "update").renderClick();
        QCOMPARE(rows(lv, "#users > *"), (QStringList{"users-1=updated", "users-2=callan"}));
        QCOMPARE(rows(lv, "#c_users > *"), componentUsers);
        QCOMPARE(rows(lv, "#admins > *"), admins);
        lv.element("#users-2 button", "update").renderClick();
        QCOMPARE(rows(lv, "#users > *"), (QStringList{"users-1=updated", "users-2=updated"}));
        QCOMPARE(rows(lv, "#c_users > *"), componentUsers);
        lv.element("#users-1 button", "delete").renderClick();
        QCOMPARE(rows(lv, "#users > *"), QStringList{"users-2=updated"});
        lv.element("button", "Reset users").renderClick();
        QCOMPARE(rows(lv, "#users > *"), QStringList());
        QCOMPARE(rows(lv, "#c_users > *"), componentUsers);
    }

    // "elements can be updated and deleted (LC)".
    void streamComponentUpdatesAndDeletes()
    {
        LiveViewTest lv = live(app, "/stream");
        lv.element("#c_users-1 button", "update").renderClick();
        QVERIFY(!lv.isCrashed());
        QCOMPARE(rows(lv, "#c_users > *"), (QStringList{"c_users-1=updated", "c_users-2=callan"}));
        QCOMPARE(rows(lv, "#users > *"), viewUsers);
        QCOMPARE(rows(lv, "#admins > *"), admins);
        lv.element("#c_users-2 button", "update").renderClick();
        QCOMPARE(rows(lv, "#c_users > *"), (QStringList{"c_users-1=updated", "c_users-2=updated"}));
        QCOMPARE(rows(lv, "#users > *"), viewUsers);
        QCOMPARE(rows(lv, "#admins > *"), admins);
        lv.element("#c_users-1 button", "delete").renderClick();
        QCOMPARE(rows(lv, "#c_users > *"), QStringList{"c_users-2=updated"});
        QCOMPARE(rows(lv, "#users > *"), viewUsers);
    }

    void streamComponentMoves_data()
    {
        QTest::addColumn<QString>("row");
        QTest::addColumn<QString>("button");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("move-to-first")
            << "#c_users-2"
            << "make first" << QStringList{"c_users-2=updated", "c_users-1=chris"};
        QTest::newRow("move-to-last")
            << "#c_users-1"
            << "make last" << QStringList{"c_users-2=callan", "c_users-1=updated"};
        QTest::newRow("first stays first")
            << "#c_users-1"
            << "make first" << QStringList{"c_users-1=updated", "c_users-2=callan"};
    }
    void streamComponentMoves()
    {
        QFETCH(QString, row);
        QFETCH(QString, button);
        QFETCH(QStringList, expected);
        LiveViewTest lv = live(app, "/stream");
        lv.element(row + " button", button).renderClick();
        QCOMPARE(rows(lv, "#c_users > *"), expected);
        QCOMPARE(rows(lv, "#users > *"), viewUsers);
    }

    // Upstream's handle_event("reset"): the component empties its own stream only.
    void streamComponentReset()
    {
        LiveViewTest lv = live(app, "/stream");
        lv.element("#c_users").renderEvent("reset");
        QVERIFY(!lv.isCrashed());
        QCOMPARE(rows(lv, "#c_users > *"), QStringList());
        QCOMPARE(rows(lv, "#users > *"), viewUsers);
        QCOMPARE(rows(lv, "#admins > *"), admins);
    }

    // --- /stream/reset-lc ---

    void resetLCRendersComponentsAsStreamChildren()
    {
        const HtmlDocument dead = HtmlDocument::parse(app.get("/stream/reset-lc").html);
        const QStringList abcd{"items-a=A", "items-b=B", "items-c=C", "items-d=D"};
        QCOMPARE(rows(dead.select("#thelist > li")), abcd);
        LiveViewTest lv = live(app, "/stream/reset-lc");
        QCOMPARE(rows(lv, "#thelist > li"), abcd);
        QCOMPARE(lv.document().select("#thelist > li[data-phx-component]").size(), 4);
    }

    // Issue 2982: the reset keeps "a" (its component is not sent again) and brings e, f, g.
    void resetLCReorders()
    {
        LiveViewTest lv = live(app, "/stream/reset-lc");
        const QString cidA = lv.element("#items-a").element().attribute("data-phx-component");
        lv.element("button", "Reorder").renderClick();
        QVERIFY(!lv.isCrashed());
        QCOMPARE(rows(lv, "#thelist > li"),
                 (QStringList{"items-e=E", "items-a=A", "items-f=F", "items-g=G"}));
        QCOMPARE(lv.element("#items-a").element().attribute("data-phx-component"), cidA);
        const QJsonObject components = lv.lastDiff().value("c").toObject();
        QVERIFY(!components.contains(cidA));
        for (const char *id : {"#items-e", "#items-f", "#items-g"})
            QVERIFY(components.contains(lv.element(id).element().attribute("data-phx-component")));
    }

    // --- /stream/nested-component-reset ---

    // Dead render: the components' disconnected items; once joined, the connected ones, whether
    // the join adopts the first render's view (mount once) or mounts it afresh.
    void nestedDeadAndConnectedItems_data()
    {
        QTest::addColumn<bool>("mountOnce");
        QTest::newRow("join adopts the first render's view") << true;
        QTest::newRow("join mounts the view afresh") << false;
    }
    void nestedDeadAndConnectedItems()
    {
        QFETCH(bool, mountOnce);
        LiveTestApp nestedApp(streamRouter(), mountOnce);
        const QString path = QStringLiteral("/stream/nested-component-reset");
        const LiveTestApp::Page page = nestedApp.get(path);
        const HtmlDocument dead = HtmlDocument::parse(page.html);
        for (const QString id : {"a", "b", "c", "d"})
            QCOMPARE(rows(dead.select(nestedSelector(id))), nested(id, {"e", "f", "g", "h"}));
        LiveViewTest lv = live(nestedApp, path, page);
        QVERIFY(!lv.isCrashed());
        QCOMPARE(rows(lv, "#thelist > li"),
                 (QStringList{"items-a=A", "items-b=B", "items-c=C", "items-d=D"}));
        for (const QString id : {"a", "b", "c", "d"})
            QCOMPARE(rows(lv, nestedSelector(id)), nested(id, connectedLetters));
        QCOMPARE(lv.element("#items-a-nested").element().attribute("style"),
                 QStringLiteral("display: flex; gap: 4px;"));
    }

    // The spec's sequence: one component reorders its stream, then the view resets its own
    // stream keeping that component, whose stream stays reordered; the new ones mount connected.
    void nestedStreamSurvivesTheParentsReset()
    {
        LiveViewTest lv = live(app, "/stream/nested-component-reset");
        const QString cidA = lv.element("#items-a").element().attribute("data-phx-component");
        lv.element("#items-a button").renderClick();
        QVERIFY(!lv.isCrashed());
        QCOMPARE(lv.lastDiff().value("c").toObject().keys(), QStringList{cidA});
        const QList<QJsonArray> reorder = streamInstructions(lv.lastDiff());
        QCOMPARE(reorder.size(), 1);
        QCOMPARE(reorder.first().at(0).toString(), cidA + QStringLiteral("-0"));
        QCOMPARE(insertedIds(reorder.first()), domIds(nested("a", reorderedLetters)));
        QVERIFY(reorder.first().at(3).toBool()); // a reset
        for (const QString id : {"b", "c", "d"})
            QCOMPARE(rows(lv, nestedSelector(id)), nested(id, connectedLetters));

        lv.element("#parent-reorder").renderClick();
        QVERIFY(!lv.isCrashed());
        QCOMPARE(rows(lv, "#thelist > li"),
                 (QStringList{"items-e=E", "items-a=A", "items-f=F", "items-g=G"}));
        QCOMPARE(lv.element("#items-a").element().attribute("data-phx-component"), cidA);
        // "a" is not rendered again: the client keeps its element, nested stream included.
        QVERIFY(!lv.lastDiff().value("c").toObject().contains(cidA));
        for (const QString id : {"e", "f", "g"})
            QCOMPARE(rows(lv, nestedSelector(id)), nested(id, connectedLetters));
        QCOMPARE(rows(lv, nestedSelector("a")), nested("a", reorderedLetters));
    }

    // Each component's reorder sends only its own stream (ref "<cid>-0"), reset to the new
    // order; the other components and the view's stream stay as they were.
    void nestedReorderIsPerComponent_data()
    {
        QTest::addColumn<QString>("id");
        for (const char *id : {"a", "b", "c", "d"})
            QTest::newRow(id) << id;
    }
    void nestedReorderIsPerComponent()
    {
        QFETCH(QString, id);
        LiveViewTest lv = live(app, "/stream/nested-component-reset");
        const QString item = QStringLiteral("#items-") + id;
        const QString cid = lv.element(item).element().attribute("data-phx-component");
        lv.element(item + QStringLiteral(" button")).renderClick();
        QVERIFY(!lv.isCrashed());
        QCOMPARE(lv.lastDiff().value("c").toObject().keys(), QStringList{cid});
        const QList<QJsonArray> reorder = streamInstructions(lv.lastDiff());
        QCOMPARE(reorder.size(), 1);
        QCOMPARE(reorder.first().at(0).toString(), cid + QStringLiteral("-0"));
        QCOMPARE(insertedIds(reorder.first()), domIds(nested(id, reorderedLetters)));
        QCOMPARE(reorder.first().at(2).toArray().size(), 0); // no deletes: the reset clears
        QVERIFY(reorder.first().at(3).toBool());
        for (const QString other : {"a", "b", "c", "d"})
            if (other != id)
                QCOMPARE(rows(lv, nestedSelector(other)), nested(other, connectedLetters));
        QCOMPARE(rows(lv, "#thelist > li"),
                 (QStringList{"items-a=A", "items-b=B", "items-c=C", "items-d=D"}));
    }
};

QTEST_GUILESS_MAIN(tst_ConformanceStreamComponents)
#include "tst_conformance_stream_components.moc"
