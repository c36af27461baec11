// DeliveryScope: the scopes a thread installs open around each batch, in order, once each, and
// only on the thread that installed them.
#include "pubsub/delivery_scope.h"

#include <QStringList>
#include <QTest>
#include <QThread>

using liveview::internal::DeliveryScope;

namespace {

QStringList journal;

template <char Name> struct Recorder
{
    Recorder() { journal << QStringLiteral("open ") + QLatin1Char(Name); }
    ~Recorder() { journal << QStringLiteral("close ") + QLatin1Char(Name); }
};

// Over-aligned and larger than a pointer: must land on its own aligned offset.
struct alignas(16) Wide
{
    Wide() { journal << QStringLiteral("open wide %1").arg(quintptr(this) % 16); }
    ~Wide() { journal << QStringLiteral("close wide"); }
    char bytes[40];
};

} // namespace

class tst_DeliveryScope : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        journal.clear();
        DeliveryScope::uninstallAll();
    }

    void nothingInstalledOpensNothing()
    {
        {
            const DeliveryScope scope;
        }
        QVERIFY(journal.isEmpty());
    }

    void opensInOrderAndClosesInReverse()
    {
        DeliveryScope::install<Recorder<'a'>>();
        DeliveryScope::install<Wide>();
        DeliveryScope::install<Recorder<'b'>>();
        {
            const DeliveryScope scope;
            QCOMPARE(journal, (QStringList{"open a", "open wide 0", "open b"}));
        }
        QCOMPARE(journal, (QStringList{"open a", "open wide 0", "open b", "close b", "close wide",
                                       "close a"}));
    }

    void installingTwiceOpensOnce()
    {
        DeliveryScope::install<Recorder<'a'>>();
        DeliveryScope::install<Recorder<'a'>>();
        {
            const DeliveryScope scope;
        }
        QCOMPARE(journal, (QStringList{"open a", "close a"}));
    }

    void eachBatchGetsFreshScopes()
    {
        DeliveryScope::install<Recorder<'a'>>();
        for (int i = 0; i < 2; ++i)
            const DeliveryScope scope;
        QCOMPARE(journal, (QStringList{"open a", "close a", "open a", "close a"}));
    }

    void otherThreadsAreUntouched()
    {
        DeliveryScope::install<Recorder<'a'>>();
        QStringList seen;
        QThread *thread = QThread::create([&] {
            const DeliveryScope scope; // nothing installed on this thread
            seen = journal;
        });
        thread->start();
        QVERIFY(thread->wait(5000));
        delete thread;
        QVERIFY(seen.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_DeliveryScope)
#include "tst_deliveryscope.moc"
