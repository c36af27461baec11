// PubSub from plain QObject code: a Subscription receives broadcasts (from views and from any
// thread) as a Qt signal on its own thread, with the topic; it stops when unsubscribed or gone.
#include <liveview/live_view.h>
#include <liveview/pubsub.h>
#include <liveview/subscription.h>
#include <liveview/testing/live_view_test.h>

#include <QSignalSpy>
#include <QThread>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {
// Broadcasts what it is told to on "metrics".
class ReporterView : public LiveView
{
public:
    void handleEvent(const QString &, const QVariantMap &value) override
    {
        broadcastFrom("metrics", value);
    }
    Template render() const override
    {
        static const Template t = Template::compile("<p>reporter</p>");
        return t;
    }
};
} // namespace

class tst_Subscription : public QObject
{
    Q_OBJECT
    std::shared_ptr<Router> router = [] {
        auto r = std::make_shared<Router>();
        r->live<ReporterView>("/reporter");
        return r;
    }();
    LiveTestApp app{router};

private slots:
    void receivesBroadcastsAsSignals()
    {
        Subscription sub;
        sub.subscribe("metrics");
        sub.subscribe("alerts");
        QCOMPARE(sub.topics(), (QStringList{"alerts", "metrics"}));
        QSignalSpy spy(&sub, &Subscription::received);

        LiveViewTest reporter = live(app, "/reporter");
        reporter.renderEvent("report", {{"cpu", 42}});
        PubSub::broadcast("alerts", "disk full");
        PubSub::broadcast("elsewhere", "not for us");
        QVERIFY(spy.isEmpty()); // queued: never delivered inside broadcast()
        QTRY_COMPARE(spy.size(), 2);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("metrics"));
        QCOMPARE(spy.at(0).at(1).toMap().value("cpu").toInt(), 42);
        QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("alerts"));
        QCOMPARE(spy.at(1).at(1).toString(), QStringLiteral("disk full"));

        sub.unsubscribe("alerts");
        PubSub::broadcast("alerts", "again");
        PubSub::broadcast("metrics", "still here");
        QTRY_COMPARE(spy.size(), 3);
        QCOMPARE(spy.at(2).at(1).toString(), QStringLiteral("still here"));
    }

    void aSignalFromAnotherThreadBecomesABroadcast()
    {
        Subscription sub;
        sub.subscribe("samples");
        QSignalSpy spy(&sub, &Subscription::received);
        QThread sampler;
        QObject source;
        source.moveToThread(&sampler);
        sampler.start();
        for (int i = 0; i < 100; ++i)
            QMetaObject::invokeMethod(&source, [i] { PubSub::broadcast("samples", i); });
        QTRY_COMPARE(spy.size(), 100);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(spy.at(i).at(1).toInt(), i); // in order
        sampler.quit();
        sampler.wait();
    }

    void aSlotMayUnsubscribeWhileItRuns()
    {
        Subscription sub;
        sub.subscribe("once");
        QStringList seen;
        connect(&sub, &Subscription::received, &sub, [&](const QString &topic, const QVariant &) {
            sub.unsubscribe(topic); // ends the mailbox that is delivering right now
            seen << topic;
        });
        connect(&sub, &Subscription::received, &sub,
                [&](const QString &topic, const QVariant &) { seen << topic; }); // still valid
        PubSub::broadcast("once", 1);
        PubSub::broadcast("once", 2);
        QTRY_COMPARE(seen, (QStringList{"once", "once"}));
        QCoreApplication::processEvents();
        QCOMPARE(seen.size(), 2); // the second message came after the unsubscribe
    }

    void endsWithTheObject()
    {
        const int before = PubSub::subscriberCount("gone");
        {
            Subscription sub;
            sub.subscribe("gone");
            QCOMPARE(PubSub::subscriberCount("gone"), before + 1);
        }
        QCOMPARE(PubSub::subscriberCount("gone"), before);
        PubSub::broadcast("gone", "nobody listens"); // must not reach a destroyed object
        QCoreApplication::processEvents();
    }
};

QTEST_GUILESS_MAIN(tst_Subscription)
#include "tst_subscription.moc"
