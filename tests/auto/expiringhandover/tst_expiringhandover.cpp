// ExpiringHandover: the bounded, expiry-ordered wait of first-render views for their joins. Each
// row runs a script of steps against a cache (ttl 100 ms, capacity 4, 2 per owner) on a clock
// the test sets, and compares what came out: values taken, values that left (expired, evicted
// or replaced), and the sizes afterwards.
#include "view/expiring_handover.h"

#include <QtTest>

using namespace liveview::internal;
using Handover = ExpiringHandover<int>;

class tst_ExpiringHandover : public QObject
{
    Q_OBJECT
private slots:
    void script_data()
    {
        // Steps: "put KEY OWNER VALUE @MS", "take KEY OWNER @MS" (appends the value taken or -1),
        // "expire @MS". `left` lists the values that came back as spill, in order.
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QList<int>>("taken");
        QTest::addColumn<QList<int>>("left");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("owners");

        QTest::newRow("taken by its owner in time") << QStringList{"put a s1 1 @0", "take a s1 @99"}
                                                    << QList<int>{1} << QList<int>{} << 0 << 0;
        QTest::newRow("picked up once only")
            << QStringList{"put a s1 1 @0", "take a s1 @1", "take a s1 @2"} << QList<int>{1, -1}
            << QList<int>{} << 0 << 0;
        QTest::newRow("expired at its time") << QStringList{"put a s1 1 @0", "take a s1 @100"}
                                             << QList<int>{-1} << QList<int>{1} << 0 << 0;
        QTest::newRow("another owner ends it")
            << QStringList{"put a s1 1 @0", "take a s2 @1", "take a s1 @2"} << QList<int>{-1, -1}
            << QList<int>{1} << 0 << 0;
        QTest::newRow("unknown key") << QStringList{"put a s1 1 @0", "take b s1 @1"}
                                     << QList<int>{-1} << QList<int>{} << 1 << 1;
        QTest::newRow("expiry pops only what is due, oldest first")
            << QStringList{"put a s1 1 @0", "put b s2 2 @50", "put c s3 3 @60", "expire @155"}
            << QList<int>{} << QList<int>{1, 2} << 1 << 1;
        QTest::newRow("a put expires the due ones")
            << QStringList{"put a s1 1 @0", "put b s2 2 @10", "put c s3 3 @105"} << QList<int>{}
            << QList<int>{1} << 2 << 2;
        QTest::newRow("per owner: the owner's oldest leaves")
            << QStringList{"put a s1 1 @0", "put x s2 9 @1", "put b s1 2 @2", "put c s1 3 @3",
                           "take a s1 @4",  "take b s1 @4",  "take c s1 @4",  "take x s2 @4"}
            << QList<int>{-1, 2, 3, 9} << QList<int>{1} << 0 << 0;
        QTest::newRow("capacity: the oldest of all leaves")
            << QStringList{"put a s1 1 @0", "put b s2 2 @1", "put c s3 3 @2", "put d s4 4 @3",
                           "put e s5 5 @4", "take a s1 @5",  "take e s5 @5"}
            << QList<int>{-1, 5} << QList<int>{1} << 3 << 3;
        QTest::newRow("same key again replaces the first")
            << QStringList{"put a s1 1 @0", "put a s1 2 @1", "take a s1 @2"} << QList<int>{2}
            << QList<int>{1} << 0 << 0;
        QTest::newRow("taking from the middle keeps the order")
            << QStringList{"put a s1 1 @0", "put b s2 2 @10", "put c s3 3 @20",
                           "take b s2 @30", "expire @115",    "take c s3 @116"}
            << QList<int>{2, 3} << QList<int>{1} << 0 << 0;
        QTest::newRow("per-owner eviction then capacity eviction in one put")
            << QStringList{"put a s1 1 @0", "put b s2 2 @1", "put c s2 3 @2",
                           "put d s3 4 @3", "put e s2 5 @4", "put f s4 6 @5"}
            << QList<int>{} << QList<int>{2, 1} << 4 << 3;
    }

    void script()
    {
        QFETCH(QStringList, steps);
        QFETCH(QList<int>, taken);
        QFETCH(QList<int>, left);
        QFETCH(int, size);
        QFETCH(int, owners);

        Handover handover(std::chrono::milliseconds(100), 4, 2);
        const Handover::Clock::time_point start{};
        std::vector<int> spill;
        QList<int> gotTaken;
        for (const QString &step : steps) {
            const QStringList w = step.split(u' ');
            const auto at = start + std::chrono::milliseconds(w.last().mid(1).toInt());
            if (w[0] == u"put") {
                handover.put(w[1], w[2], w[3].toInt(), at, &spill);
            } else if (w[0] == u"take") {
                int value = -1;
                if (!handover.take(w[1], w[2], at, &value, &spill))
                    value = -1;
                gotTaken.append(value);
            } else {
                handover.dropExpired(at, &spill);
            }
        }
        QCOMPARE(gotTaken, taken);
        QCOMPARE(QList<int>(spill.begin(), spill.end()), left);
        QCOMPARE(handover.size(), size);
        QCOMPARE(handover.ownerCount(), owners);
    }

    void manyWaitingStayBounded_data()
    {
        QTest::addColumn<int>("puts");
        QTest::addColumn<int>("owners");
        QTest::addColumn<int>("expectedSize");
        QTest::newRow("one owner: its bound") << 1000 << 1 << 2;
        QTest::newRow("many owners: the capacity") << 1000 << 1000 << 4;
        QTest::newRow("few owners under capacity") << 1000 << 2 << 4;
    }

    // Every put and take keeps the indexes consistent: sizes match what a take can find.
    void manyWaitingStayBounded()
    {
        QFETCH(int, puts);
        QFETCH(int, owners);
        QFETCH(int, expectedSize);
        Handover handover(std::chrono::milliseconds(100), 4, 2);
        std::vector<int> spill;
        const Handover::Clock::time_point now{};
        for (int i = 0; i < puts; ++i)
            handover.put(QString::number(i), QString::number(i % owners), i, now, &spill);
        QCOMPARE(handover.size(), expectedSize);
        QCOMPARE(int(spill.size()), puts - expectedSize);
        int found = 0;
        for (int i = 0; i < puts; ++i) {
            int value = -1;
            if (handover.take(QString::number(i), QString::number(i % owners), now, &value,
                              &spill)) {
                QCOMPARE(value, i);
                ++found;
            }
        }
        QCOMPARE(found, expectedSize);
        QCOMPARE(handover.size(), 0);
        QCOMPARE(handover.ownerCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ExpiringHandover)
#include "tst_expiringhandover.moc"
