// ConnectionBalancer: accepted connections go to the least-loaded worker (ties stay where they
// were accepted), and fd_budget: the WebSocket cap derived from the descriptor limit.
#include "http/connection_balancer.h"
#include "http/fd_budget.h"

#include <QtTest>

using namespace liveview::internal;

class tst_ConnectionBalancer : public QObject
{
    Q_OBJECT
private slots:
    void assign_data()
    {
        QTest::addColumn<int>("workers");
        QTest::addColumn<QList<int>>("attached");  // workers that serve
        QTest::addColumn<QList<int>>("acceptors"); // which worker accepts each connection
        QTest::addColumn<QList<int>>("expected");  // who serves each
        QTest::addColumn<QList<int>>("loads");     // open connections per worker at the end

        QTest::newRow("one worker keeps everything")
            << 1 << QList<int>{0} << QList<int>{0, 0, 0} << QList<int>{0, 0, 0} << QList<int>{3};
        QTest::newRow("a burst on one worker alternates")
            << 2 << QList<int>{0, 1} << QList<int>{0, 0, 0, 0} << QList<int>{0, 1, 0, 1}
            << QList<int>{2, 2};
        QTest::newRow("the burst of wrk -c32 splits evenly")
            << 2 << QList<int>{0, 1} << QList<int>(32, 0) << QList<int>{} << QList<int>{16, 16};
        QTest::newRow("a detached worker gets nothing")
            << 2 << QList<int>{0} << QList<int>{0, 0, 0} << QList<int>{0, 0, 0} << QList<int>{3, 0};
        QTest::newRow("four workers fill up in turn")
            << 4 << QList<int>{0, 1, 2, 3} << QList<int>{2, 2, 2, 2, 2} << QList<int>{2, 0, 1, 3, 2}
            << QList<int>{1, 1, 2, 1};
    }

    void assign()
    {
        QFETCH(int, workers);
        QFETCH(QList<int>, attached);
        QFETCH(QList<int>, acceptors);
        QFETCH(QList<int>, expected);
        QFETCH(QList<int>, loads);
        ConnectionBalancer balancer(workers);
        for (int w : attached)
            balancer.attach(w, [](qintptr) {});
        QList<int> served;
        for (int acceptor : acceptors)
            served.append(balancer.assign(acceptor));
        if (!expected.isEmpty())
            QCOMPARE(served, expected);
        QList<int> got;
        for (int w = 0; w < workers; ++w)
            got.append(balancer.load(w));
        QCOMPARE(got, loads);
    }

    void releasedConnectionsMakeRoom()
    {
        ConnectionBalancer balancer(2);
        balancer.attach(0, [](qintptr) {});
        balancer.attach(1, [](qintptr) {});
        QCOMPARE(balancer.assign(0), 0);
        QCOMPARE(balancer.assign(0), 1);
        balancer.released(0);
        QCOMPARE(balancer.assign(1), 0); // worker 0 now has fewer
        QCOMPARE(balancer.load(0), 1);
        QCOMPARE(balancer.load(1), 1);
    }

    void handOffReachesTheWorker()
    {
        ConnectionBalancer balancer(2);
        qintptr got = -1;
        balancer.attach(0, [](qintptr) {});
        balancer.attach(1, [&](qintptr fd) { got = fd; });
        balancer.handOff(1, 42);
        QCOMPARE(got, qintptr(42));
    }

    void connectionCap_data()
    {
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<int>("requested");
        QTest::addColumn<int>("cap");
        QTest::newRow("derived from 20,000 fds") << qint64(20000) << 0 << 19000;
        QTest::newRow("derived from 1,048,576 fds") << qint64(1048576) << 0 << 1047576;
        QTest::newRow("requested below the limit") << qint64(20000) << 500 << 500;
        QTest::newRow("requested above is lowered") << qint64(20000) << 50000 << 19000;
        QTest::newRow("a tiny limit still allows one") << qint64(512) << 0 << 1;
        QTest::newRow("unlimited: the request") << qint64(-1) << 70000 << 70000;
    }

    void connectionCap()
    {
        QFETCH(qint64, limit);
        QFETCH(int, requested);
        QFETCH(int, cap);
        QCOMPARE(connectionCapFor(limit, requested), cap);
    }

    void limitIsRaisedToTheHardOne()
    {
        const qint64 limit = raiseDescriptorLimit();
        QVERIFY(limit == -1 || limit >= 1024);
        QCOMPARE(raiseDescriptorLimit(), limit); // already at the hard limit
    }
};

QTEST_GUILESS_MAIN(tst_ConnectionBalancer)
#include "tst_connectionbalancer.moc"
