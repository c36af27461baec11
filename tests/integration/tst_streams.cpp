// Streams through the harness: inserts at positions with limits, updates in place, deletes,
// resets, and what travels on the wire (only the new rows, never the old ones again).
#include <test_router.h>

#include <liveview/testing/live_view_test.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {
QStringList ids(LiveViewTest &lv)
{
    QStringList out;
    for (const HtmlElement &e : lv.document().select("#items > li"))
        out << e.id();
    return out;
}
} // namespace

class tst_Streams : public QObject
{
    Q_OBJECT
    LiveTestApp app{testviews::router()};

private slots:
    void operations_data()
    {
        QTest::addColumn<QString>("event");
        QTest::addColumn<QVariantMap>("value");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("append") << "insert" << QVariantMap{{"id", 3}, {"name", "three"}}
                                << QStringList{"items-1", "items-2", "items-3"};
        QTest::newRow("prepend") << "insert" << QVariantMap{{"id", 3}, {"name", "three"}, {"at", 0}}
                                 << QStringList{"items-3", "items-1", "items-2"};
        QTest::newRow("insert at index")
            << "insert" << QVariantMap{{"id", 3}, {"name", "three"}, {"at", 1}}
            << QStringList{"items-1", "items-3", "items-2"};
        QTest::newRow("prepend with limit keeps the first n")
            << "insert" << QVariantMap{{"id", 3}, {"name", "three"}, {"at", 0}, {"limit", 2}}
            << QStringList{"items-3", "items-1"};
        QTest::newRow("append with negative limit keeps the last n")
            << "insert" << QVariantMap{{"id", 3}, {"name", "three"}, {"limit", -2}}
            << QStringList{"items-2", "items-3"};
        QTest::newRow("existing id updates in place")
            << "insert" << QVariantMap{{"id", 1}, {"name", "uno"}}
            << QStringList{"items-1", "items-2"};
        QTest::newRow("update_only replaces an element present")
            << "insert" << QVariantMap{{"id", 1}, {"name", "uno"}, {"update_only", true}}
            << QStringList{"items-1", "items-2"};
        QTest::newRow("update_only never adds one")
            << "insert" << QVariantMap{{"id", 3}, {"name", "three"}, {"update_only", true}}
            << QStringList{"items-1", "items-2"};
        QTest::newRow("delete then insert moves to the front")
            << "move" << QVariantMap{{"id", 2}, {"name", "two"}, {"at", 0}}
            << QStringList{"items-2", "items-1"};
        QTest::newRow("delete then insert moves to the end")
            << "move" << QVariantMap{{"id", 1}, {"name", "uno"}}
            << QStringList{"items-2", "items-1"};
        QTest::newRow("delete") << "delete" << QVariantMap{{"id", 1}} << QStringList{"items-2"};
        QTest::newRow("reset") << "reset" << QVariantMap{{"id", 9}, {"name", "nine"}}
                               << QStringList{"items-9"};
    }
    void operations()
    {
        QFETCH(QString, event);
        QFETCH(QVariantMap, value);
        QFETCH(QStringList, expected);
        LiveViewTest lv = live(app, "/test/streams");
        QCOMPARE(ids(lv), (QStringList{"items-1", "items-2"}));
        lv.renderEvent(event, value);
        QCOMPARE(ids(lv), expected);
        // Only the new rows travel: the diff never re-sends rows the client already has.
        const QJsonObject list = lv.lastDiff().value("0").toObject();
        QVERIFY(!list.contains("s"));
        QVERIFY(list.value("k").toObject().value("kc").toInt() <= 1);
        // update_only travels as the insert's fourth element (the client skips absent ids).
        const QJsonArray inserts = list.value("stream").toArray().at(1).toArray();
        for (const QJsonValue &insert : inserts)
            QCOMPARE(insert.toArray().at(3).toBool(), value.value("update_only").toBool());
        if (value.value("name").toString() == u"uno")
            QCOMPARE(lv.element("#items-1").element().textContent(), QStringLiteral("uno"));
    }

    void aStreamWithNothingPendingSendsNothing()
    {
        LiveViewTest lv = live(app, "/test/streams");
        lv.renderEvent("unknown");
        QVERIFY(lv.lastDiff().isEmpty());
        QCOMPARE(ids(lv).size(), 2);
    }

    void tenThousandRowsAreSentOnce()
    {
        LiveViewTest lv = live(app, "/test/streams");
        lv.renderEvent("many");
        QCOMPARE(lv.lastDiff().value("0").toObject().value("k").toObject().value("kc").toInt(),
                 10000);
        QCOMPARE(ids(lv).size(), 10002);
        lv.renderEvent("insert", {{"id", 5}, {"name", "five"}});
        QCOMPARE(lv.lastDiff().value("0").toObject().value("k").toObject().value("kc").toInt(), 1);
        QCOMPARE(ids(lv).size(), 10003);
    }

    void streamStateSurvivesInTheDomOnly()
    {
        LiveViewTest lv = live(app, "/test/streams");
        lv.renderEvent("insert", {{"id", 3}, {"name", "three"}});
        // A rejoin mounts afresh: the stream starts again from what mount() inserts.
        QCOMPARE(lv.rejoin().count("<li"), 2);
    }
};

QTEST_GUILESS_MAIN(tst_Streams)
#include "tst_streams.moc"
