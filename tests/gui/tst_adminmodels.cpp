// The admin window's smaller models: topics, nodes, the presence tree, the log with its filter,
// and the server history's rates and quantiles.
#include "snapshot_factory.h"

#include <log_filter_model.h>
#include <log_model.h>
#include <nodes_model.h>
#include <presence_model.h>
#include <server_history.h>
#include <topics_model.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace livedeck::admin;
using namespace livedeck::admin::testing;

namespace {

liveview::TopicInfo topic(const QString &name, int subscribers)
{
    liveview::TopicInfo t;
    t.name = name;
    t.localSubscribers = subscribers;
    return t;
}

liveview::LogEntry entry(quint64 seq, liveview::LogLevel level, const QString &message,
                         quint64 session = 0)
{
    liveview::LogEntry e;
    e.seq = seq;
    e.time = baseTime().addMSecs(qint64(seq));
    e.level = level;
    e.category = QStringLiteral("lifecycle");
    e.message = message;
    e.sessionId = session;
    return e;
}

} // namespace

class tst_AdminModels : public QObject
{
    Q_OBJECT

private slots:
    void topicsFollowSnapshots();
    void nodesShowHeartbeatAge();
    void presenceTreeUpdatesInPlace();
    void presenceChildIndexSurvivesTopicRemoval();
    void logDropsOldestPastCapacity();
    void logIgnoresRepeatedEntries();
    void logFilter_data();
    void logFilter();
    void quantile_data();
    void quantile();
    void historyRatesAndWindow();
};

void tst_AdminModels::topicsFollowSnapshots()
{
    TopicsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setTopics({topic(QStringLiteral("a"), 1), topic(QStringLiteral("b"), 2)});
    model.setTopics({topic(QStringLiteral("b"), 5), topic(QStringLiteral("c"), 1)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, TopicsModel::Name).data().toString(), QStringLiteral("b"));
    QCOMPARE(model.index(0, TopicsModel::Subscribers).data().toString(), QStringLiteral("5"));
    QCOMPARE(model.index(0, TopicsModel::Subscribers).data(TopicsModel::SortRole).toInt(), 5);
    QCOMPARE(model.index(1, TopicsModel::Scope).data().toString(), QStringLiteral("local"));
    QCOMPARE(resets.count(), 0);
}

void tst_AdminModels::nodesShowHeartbeatAge()
{
    NodesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    liveview::NodeInfo other;
    other.id = QStringLiteral("n2");
    other.lastHeartbeat = baseTime();
    other.sessions = 7;
    model.setNodes({other}, baseTime().addMSecs(850));
    QCOMPARE(model.index(0, NodesModel::Heartbeat).data().toString(), QStringLiteral("850 ms ago"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    other.alive = false;
    model.setNodes({other}, baseTime().addMSecs(6000));
    QCOMPARE(model.index(0, NodesModel::Status).data().toString(), QStringLiteral("dead"));
    QCOMPARE(changed.count(), 2); // the row (alive) and the heartbeat column (the clock)
}

void tst_AdminModels::presenceTreeUpdatesInPlace()
{
    PresenceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    const QString online = QStringLiteral("online");
    model.setPresences({makePresence(online, QStringLiteral("alice")),
                        makePresence(online, QStringLiteral("bob")),
                        makePresence(QStringLiteral("room"), QStringLiteral("carol"))});
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex onlineIndex = model.index(0, 0);
    QCOMPARE(onlineIndex.data().toString(), online);
    QCOMPARE(model.rowCount(onlineIndex), 2);
    QCOMPARE(model.index(0, PresenceModel::Count).data().toString(), QStringLiteral("2"));

    QSignalSpy childInserted(&model, &QAbstractItemModel::rowsInserted);
    liveview::PresenceInfo bobTwice = makePresence(online, QStringLiteral("bob"));
    bobTwice.metas.append(QVariantMap{{QStringLiteral("phx_ref"), QStringLiteral("2")}});
    model.setPresences({bobTwice, makePresence(online, QStringLiteral("dave")),
                        makePresence(QStringLiteral("room"), QStringLiteral("carol"))});
    QCOMPARE(model.rowCount(onlineIndex), 2);
    QCOMPARE(model.index(0, 0, onlineIndex).data().toString(), QStringLiteral("bob"));
    QCOMPARE(model.index(0, PresenceModel::Count, onlineIndex).data().toString(),
             QStringLiteral("2"));
    QCOMPARE(model.index(1, 0, onlineIndex).data().toString(), QStringLiteral("dave"));
    QCOMPARE(childInserted.count(), 1);
    QCOMPARE(childInserted.first().at(0).toModelIndex(), onlineIndex);
    QCOMPARE(resets.count(), 0);
}

void tst_AdminModels::presenceChildIndexSurvivesTopicRemoval()
{
    PresenceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPresences({makePresence(QStringLiteral("a"), QStringLiteral("x")),
                        makePresence(QStringLiteral("b"), QStringLiteral("y"))});
    const QPersistentModelIndex y = model.index(0, 0, model.index(1, 0));
    QCOMPARE(y.data().toString(), QStringLiteral("y"));
    model.setPresences({makePresence(QStringLiteral("b"), QStringLiteral("y"))});
    QVERIFY(y.isValid());
    QCOMPARE(y.parent().row(), 0);
    QCOMPARE(y.parent().data().toString(), QStringLiteral("b"));
    model.setPresences({});
    QVERIFY(!y.isValid());
}

void tst_AdminModels::logDropsOldestPastCapacity()
{
    LogModel model(5);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<liveview::LogEntry> first;
    for (quint64 i = 1; i <= 4; ++i)
        first.append(entry(i, liveview::LogLevel::Info, QStringLiteral("m%1").arg(i)));
    model.append(first);
    model.append({entry(5, liveview::LogLevel::Info, QStringLiteral("m5")),
                  entry(6, liveview::LogLevel::Info, QStringLiteral("m6")),
                  entry(7, liveview::LogLevel::Info, QStringLiteral("m7"))});
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.entryAt(0).seq, 3u);
    QCOMPARE(model.lastSeq(), 7u);
    // More than fit at once: only the newest.
    QList<liveview::LogEntry> flood;
    for (quint64 i = 8; i <= 20; ++i)
        flood.append(entry(i, liveview::LogLevel::Info, QString()));
    model.append(flood);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.entryAt(0).seq, 16u);
}

void tst_AdminModels::logIgnoresRepeatedEntries()
{
    LogModel model;
    model.append({entry(1, liveview::LogLevel::Info, QStringLiteral("a")),
                  entry(2, liveview::LogLevel::Info, QStringLiteral("b"))});
    model.append({entry(2, liveview::LogLevel::Info, QStringLiteral("b")),
                  entry(3, liveview::LogLevel::Info, QStringLiteral("c"))});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.entryAt(2).message, QStringLiteral("c"));
}

void tst_AdminModels::logFilter_data()
{
    QTest::addColumn<int>("minimumLevel");
    QTest::addColumn<QString>("text");
    QTest::addColumn<quint64>("session");
    QTest::addColumn<QStringList>("expected");

    const int debug = int(liveview::LogLevel::Debug);
    QTest::newRow("everything") << debug << QString() << quint64(0)
                                << QStringList{"join", "tick", "slow event", "crash"};
    QTest::newRow("warnings") << int(liveview::LogLevel::Warning) << QString() << quint64(0)
                              << QStringList{"slow event", "crash"};
    QTest::newRow("text, any case")
        << debug << QStringLiteral("CRA") << quint64(0) << QStringList{"crash"};
    QTest::newRow("one session") << debug << QString() << quint64(7)
                                 << QStringList{"join", "crash"};
    QTest::newRow("session and level")
        << int(liveview::LogLevel::Critical) << QString() << quint64(7) << QStringList{"crash"};
}

void tst_AdminModels::logFilter()
{
    QFETCH(int, minimumLevel);
    QFETCH(QString, text);
    QFETCH(quint64, session);
    QFETCH(QStringList, expected);

    LogModel model;
    LogFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setMinimumLevel(liveview::LogLevel(minimumLevel));
    filter.setText(text);
    filter.setSessionId(session);
    // Entries arrive after the filter is set: the filter applies to live appends too.
    model.append({entry(1, liveview::LogLevel::Info, QStringLiteral("join"), 7),
                  entry(2, liveview::LogLevel::Debug, QStringLiteral("tick")),
                  entry(3, liveview::LogLevel::Warning, QStringLiteral("slow event"), 8),
                  entry(4, liveview::LogLevel::Critical, QStringLiteral("crash"), 7)});
    QStringList shown;
    for (int r = 0; r < filter.rowCount(); ++r)
        shown.append(filter.index(r, LogModel::Message).data().toString());
    QCOMPARE(shown, expected);
}

void tst_AdminModels::quantile_data()
{
    QTest::addColumn<QList<double>>("bounds");
    QTest::addColumn<QList<quint64>>("cumulative");
    QTest::addColumn<double>("q");
    QTest::addColumn<double>("expected");

    const QList<double> bounds{0.001, 0.01, 0.1, qInf()};
    QTest::newRow("no events") << bounds << QList<quint64>{0, 0, 0, 0} << 0.5 << 0.0;
    QTest::newRow("median in first bucket")
        << bounds << QList<quint64>{100, 100, 100, 100} << 0.5 << 0.0005;
    QTest::newRow("p99 in second bucket")
        << bounds << QList<quint64>{50, 100, 100, 100} << 0.99 << 0.001 + 0.009 * 49.0 / 50.0;
    QTest::newRow("beyond last finite bound")
        << bounds << QList<quint64>{0, 0, 0, 10} << 0.99 << 0.1;
}

void tst_AdminModels::quantile()
{
    QFETCH(QList<double>, bounds);
    QFETCH(QList<quint64>, cumulative);
    QFETCH(double, q);
    QFETCH(double, expected);
    QList<std::pair<double, quint64>> buckets;
    for (qsizetype i = 0; i < bounds.size(); ++i)
        buckets.append({bounds.at(i), cumulative.at(i)});
    QVERIFY(qAbs(ServerHistory::quantile(buckets, q) - expected) < 1e-9);
}

void tst_AdminModels::historyRatesAndWindow()
{
    ServerHistory history(60);
    QVERIFY(history.add(makeSnapshot(10, 0)));
    QVERIFY(!history.add(makeSnapshot(10, 0))); // not newer: ignored
    QVERIFY(history.add(makeSnapshot(10, 2)));
    const ServerSample &s = history.samples().last();
    QCOMPARE(s.eventsPerSecond, 500.0); // 1000 events over two seconds
    QCOMPARE(s.bytesOutPerSecond, 400000.0);
    // In the interval: 800 events under 1 ms, 190 under 10 ms, 10 under 100 ms.
    QVERIFY(qAbs(s.eventP50Ms - 0.625) < 1e-9);
    QVERIFY(s.eventP99Ms > 1 && s.eventP99Ms < 100);
    for (int tick = 3; tick < 200; ++tick)
        history.add(makeSnapshot(10, tick));
    QVERIFY(history.samples().size() <= 61);
    QCOMPARE(history.samples().first().at.secsTo(history.samples().last().at), 60);
}

QTEST_MAIN(tst_AdminModels)
#include "tst_adminmodels.moc"
