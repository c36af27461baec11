// The sessions table model: keyed updates with row ranges (never a reset), selection kept across
// updates, sorting and filtering through the proxy.
#include "snapshot_factory.h"

#include <sessions_model.h>
#include <sessions_proxy_model.h>

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace livedeck::admin;
using namespace livedeck::admin::testing;

class tst_SessionsModel : public QObject
{
    Q_OBJECT

private:
    static QList<quint64> idsOf(const SessionsModel &model)
    {
        QList<quint64> ids;
        for (const SessionRow &r : model.rows())
            ids.append(r.info.id);
        return ids;
    }

private slots:
    void keyedUpdates_data();
    void keyedUpdates();
    void neverResets();
    void changedRowsOnly();
    void selectionSurvivesUpdates();
    void sortsByColumn_data();
    void sortsByColumn();
    void filtersByText();
    void repeatedIdCountsOnce();
    void uptimeFollowsSnapshotClock();
    void stepwiseUpdate();
    void snapshotWaitsForUpdateUnderWay();
    void scatteredRemovalsSpreadOverPasses();
};

void tst_SessionsModel::keyedUpdates_data()
{
    QTest::addColumn<QList<quint64>>("before");
    QTest::addColumn<QList<quint64>>("after");
    QTest::addColumn<QList<quint64>>("expectedOrder");

    QTest::newRow("append") << QList<quint64>{1, 2, 3} << QList<quint64>{1, 2, 3, 4, 5}
                            << QList<quint64>{1, 2, 3, 4, 5};
    QTest::newRow("remove middle run")
        << QList<quint64>{1, 2, 3, 4, 5} << QList<quint64>{1, 5} << QList<quint64>{1, 5};
    QTest::newRow("remove scattered and add")
        << QList<quint64>{1, 2, 3, 4, 5, 6} << QList<quint64>{7, 2, 4, 6, 8}
        << QList<quint64>{2, 4, 6, 7, 8};
    // Existing rows keep their place even if the snapshot lists them in another order.
    QTest::newRow("reordered snapshot")
        << QList<quint64>{1, 2, 3} << QList<quint64>{3, 1, 2} << QList<quint64>{1, 2, 3};
    QTest::newRow("all replaced") << QList<quint64>{1, 2} << QList<quint64>{3, 4}
                                  << QList<quint64>{3, 4};
    QTest::newRow("to empty") << QList<quint64>{1, 2} << QList<quint64>{} << QList<quint64>{};
}

void tst_SessionsModel::keyedUpdates()
{
    QFETCH(QList<quint64>, before);
    QFETCH(QList<quint64>, after);
    QFETCH(QList<quint64>, expectedOrder);

    SessionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SessionsProxyModel proxy(&model);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto sessionsOf = [](const QList<quint64> &ids, int tick) {
        QList<liveview::SessionInfo> list;
        for (quint64 id : ids)
            list.append(makeSession(id, tick));
        return list;
    };
    model.setSessions(sessionsOf(before, 0), baseTime());
    QCOMPARE(idsOf(model), before);
    model.setSessions(sessionsOf(after, 1), baseTime().addSecs(1));
    QCOMPARE(idsOf(model), expectedOrder);
    QCOMPARE(proxy.rowCount(), expectedOrder.size());
    for (quint64 id : expectedOrder)
        QCOMPARE(model.rowAt(model.rowOfSession(id)).info.events, makeSession(id, 1).events);
}

void tst_SessionsModel::neverResets()
{
    SessionsModel model;
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setSessions(makeSessions(1, 1000), baseTime());
    QCOMPARE(inserted.count(), 1); // one range for all new rows
    QCOMPARE(inserted.first().at(2).toInt(), 999);
    // 100 leave (ids 101..200: one run), 50 arrive.
    QList<liveview::SessionInfo> next = makeSessions(1, 100, 1) + makeSessions(201, 850, 1);
    model.setSessions(next, baseTime().addSecs(1));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 100);
    QCOMPARE(removed.first().at(2).toInt(), 199);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.rowCount(), 950);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(layouts.count(), 0);
}

void tst_SessionsModel::changedRowsOnly()
{
    SessionsModel model;
    model.setSessions(makeSessions(1, 10), baseTime());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QList<liveview::SessionInfo> next = makeSessions(1, 10);
    next[3].events += 1;
    next[4].bytesOut += 10;
    next[8].user = QStringLiteral("zoe");
    model.setSessions(next, baseTime()); // same clock: the uptime column does not move
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 3);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 4);
    QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 8);
    QCOMPARE(changed.at(1).at(1).toModelIndex().row(), 8);
    QCOMPARE(model.index(8, SessionsModel::User).data().toString(), QStringLiteral("zoe"));
}

void tst_SessionsModel::selectionSurvivesUpdates()
{
    SessionsModel model;
    SessionsProxyModel proxy(&model);
    proxy.sort(SessionsModel::Events, Qt::DescendingOrder);
    model.setSessions(makeSessions(1, 500), baseTime());
    QItemSelectionModel selection(&proxy);
    const QModelIndex target = proxy.mapFromSource(model.index(model.rowOfSession(250), 0));
    selection.setCurrentIndex(target,
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    // Rows before it leave, its figures change (so it moves in the sort), new rows arrive.
    for (int tick = 1; tick <= 5; ++tick) {
        QList<liveview::SessionInfo> next =
            makeSessions(quint64(1 + tick * 10), 490, tick) + makeSessions(1000, tick * 5, tick);
        model.setSessions(next, baseTime().addSecs(tick));
        const QModelIndex current = selection.currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(current.data(SessionsModel::SessionIdRole).toULongLong(), 250u);
        QVERIFY(selection.isRowSelected(current.row()));
    }
}

void tst_SessionsModel::sortsByColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::newRow("id") << int(SessionsModel::Id);
    QTest::newRow("events") << int(SessionsModel::Events);
    QTest::newRow("bytes out") << int(SessionsModel::BytesOut);
    QTest::newRow("heartbeat") << int(SessionsModel::HeartbeatRtt);
    QTest::newRow("user") << int(SessionsModel::User);
    QTest::newRow("since") << int(SessionsModel::Connected);
}

void tst_SessionsModel::sortsByColumn()
{
    QFETCH(int, column);
    SessionsModel model;
    SessionsProxyModel proxy(&model);
    model.setSessions(makeSessions(1, 300, 3), baseTime().addSecs(900));
    for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        proxy.sort(column, order);
        for (int r = 1; r < proxy.rowCount(); ++r) {
            const int a = proxy.mapToSource(proxy.index(r - 1, 0)).row();
            const int b = proxy.mapToSource(proxy.index(r, 0)).row();
            // Never out of order: the later row is not less than the earlier one (ascending).
            if (order == Qt::AscendingOrder)
                QVERIFY2(!model.lessThan(b, a, column), qPrintable(QString::number(r)));
            else
                QVERIFY2(!model.lessThan(a, b, column), qPrintable(QString::number(r)));
        }
    }
}

void tst_SessionsModel::filtersByText()
{
    SessionsModel model;
    SessionsProxyModel proxy(&model);
    model.setSessions(makeSessions(1, 300), baseTime());
    proxy.setFilterText(QStringLiteral("USER-7"));
    QVERIFY(proxy.rowCount() > 0);
    for (int r = 0; r < proxy.rowCount(); ++r)
        QVERIFY(proxy.index(r, SessionsModel::User).data().toString().startsWith(u"user-7"));
    proxy.setFilterText(QStringLiteral("chat"));
    QCOMPARE(proxy.rowCount(), 100); // every third session is in the chat
    proxy.setFilterText(QStringLiteral("10.0.0.42"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(SessionsModel::SessionIdRole).toULongLong(), 42u);
    // A new matching session appears while filtered.
    model.setSessions(makeSessions(1, 300) + QList{makeSession(292)}, baseTime());
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), 300);
}

void tst_SessionsModel::repeatedIdCountsOnce()
{
    SessionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSessions({makeSession(1), makeSession(2), makeSession(1, 5)}, baseTime());
    QCOMPARE(idsOf(model), (QList<quint64>{1, 2}));
    QCOMPARE(model.rowAt(0).info.events, makeSession(1).events);
}

void tst_SessionsModel::uptimeFollowsSnapshotClock()
{
    SessionsModel model;
    model.setSessions({makeSession(0)}, baseTime().addSecs(65));
    QCOMPARE(model.index(0, SessionsModel::Connected).data().toString(),
             baseTime().toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    QVERIFY(model.index(0, SessionsModel::Connected)
                .data(Qt::ToolTipRole)
                .toString()
                .endsWith(u"up 1 min 05 s"));
    // A later snapshot moves the uptime without a signal for every row.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setSessions({makeSession(0)}, baseTime().addSecs(3700));
    QCOMPARE(changed.count(), 0);
    QVERIFY(model.index(0, SessionsModel::Connected)
                .data(Qt::ToolTipRole)
                .toString()
                .endsWith(u"up 1 h 01 min"));
}

void tst_SessionsModel::stepwiseUpdate()
{
    SessionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SessionsProxyModel proxy(&model);
    proxy.sort(SessionsModel::BytesOut, Qt::DescendingOrder);
    model.setStepRows(100);
    QSignalSpy finished(&model, &SessionsModel::updateFinished);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setSessions(makeSessions(1, 1000), baseTime());
    QVERIFY(model.isUpdating());
    QCOMPARE(model.rowCount(), 100); // the first slice only
    QVERIFY(finished.wait());
    QCOMPARE(model.rowCount(), 1000);
    QVERIFY(!model.isUpdating());

    model.setSessions(makeSessions(11, 1000, 1), baseTime().addSecs(1));
    QCOMPARE(model.rowCount(), 990); // the removals happen at once
    QVERIFY(model.isUpdating());
    QVERIFY(finished.wait());
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(idsOf(model).last(), 1010u);
    for (const SessionRow &row : model.rows())
        QCOMPARE(row.info.events, makeSession(row.info.id, 1).events);
    // Each slice reported its own rows: several signals, none beyond 100 rows.
    QVERIFY(changed.size() >= 9);
    for (const QList<QVariant> &signal : std::as_const(changed))
        QVERIFY(signal.at(1).toModelIndex().row() - signal.at(0).toModelIndex().row() < 100);
    for (int r = 1; r < proxy.rowCount(); ++r)
        QVERIFY(!model.lessThan(proxy.mapToSource(proxy.index(r - 1, 0)).row(),
                                proxy.mapToSource(proxy.index(r, 0)).row(),
                                SessionsModel::BytesOut));
}

void tst_SessionsModel::snapshotWaitsForUpdateUnderWay()
{
    SessionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStepRows(100);
    QList<int> rowsWhenFinished;
    connect(&model, &SessionsModel::updateFinished, this,
            [&] { rowsWhenFinished.append(model.rowCount()); });
    model.setSessions(makeSessions(1, 1000), baseTime());
    QVERIFY(model.isUpdating());
    model.setSessions(makeSessions(1, 900, 1), baseTime().addSecs(1)); // replaced by the next
    model.setSessions(makeSessions(501, 300, 2), baseTime().addSecs(2));
    QTRY_VERIFY(!model.isUpdating());
    // The first update completed before the newest began; the one in between was never applied.
    QCOMPARE(rowsWhenFinished, (QList<int>{1000, 300}));
    QList<quint64> expected;
    for (quint64 id = 501; id <= 800; ++id)
        expected.append(id);
    QCOMPARE(idsOf(model), expected);
}

void tst_SessionsModel::scatteredRemovalsSpreadOverPasses()
{
    SessionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SessionsProxyModel proxy(&model);
    proxy.sort(SessionsModel::BytesOut, Qt::DescendingOrder);
    model.setSessions(makeSessions(1, 1000), baseTime());
    model.setStepRows(96); // three removed runs a pass
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    // Every odd session leaves at once: 500 runs of one row each.
    QList<liveview::SessionInfo> even;
    for (quint64 id = 2; id <= 1000; id += 2)
        even.append(makeSession(id, 1));
    model.setSessions(even, baseTime().addSecs(1));
    QCOMPARE(removed.count(), 3);
    QCOMPARE(model.rowCount(), 997);
    QTRY_VERIFY(!model.isUpdating());
    QCOMPARE(removed.count(), 500);
    QCOMPARE(model.rowCount(), 500);
    QCOMPARE(proxy.rowCount(), 500);
    for (const SessionRow &row : model.rows())
        QCOMPARE(row.info.id % 2, 0u);
}

QTEST_MAIN(tst_SessionsModel)
#include "tst_sessionsmodel.moc"
