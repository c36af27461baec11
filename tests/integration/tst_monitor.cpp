// The monitor through the harness: joins, events, crashes, restarts and leaves show in the
// snapshot; users and topics; the admin actions; the log ring stays bounded.
#include <liveview/live_view.h>
#include <liveview/monitor.h>
#include <liveview/pubsub.h>
#include <liveview/router.h>
#include <liveview/testing/live_view_test.h>

#include <QSignalSpy>
#include <QtTest>
#include <stdexcept>

using namespace liveview;
using namespace liveview::testing;

namespace {

// Counts clicks, names its user from the URL, subscribes to a room, throws on "boom".
class MonitoredView : public LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &) override
    {
        assign(QStringLiteral("n"), 0);
        const QString user = params.value(QStringLiteral("user")).toString();
        if (!user.isEmpty())
            setMonitorUser(user);
    }
    void connected() override { subscribe(QStringLiteral("monitor-test:room")); }
    void handleEvent(const QString &event, const QVariantMap &) override
    {
        if (event == u"boom")
            throw std::runtime_error("monitored view exploded");
        if (event == u"leave_room")
            unsubscribe(QStringLiteral("monitor-test:room"));
        assign(QStringLiteral("n"), assigned(QStringLiteral("n")).toInt() + 1);
    }
    void handleInfo(const QVariant &message) override
    {
        assign(QStringLiteral("n"), message.toMap().value(QStringLiteral("n")));
    }
    Template render() const override
    {
        static const Template t = Template::compile(
            QStringLiteral("<div id=\"m\"><span id=\"n\">{@n}</span>"
                           "<button id=\"inc\" phx-click=\"inc\">+</button></div>"),
            QStringLiteral("monitored.heex"));
        return t;
    }
};

std::shared_ptr<Router> monitorRouter()
{
    auto router = std::make_shared<Router>();
    router->live<MonitoredView>(QStringLiteral("/monitored"));
    return router;
}

std::optional<SessionInfo> sessionOnTopic(const QString &topic, SessionState state)
{
    for (const SessionInfo &s : Monitor::instance()->snapshot(Monitor::Sessions).sessions)
        if (s.topic == topic && s.state == state)
            return s;
    return std::nullopt;
}

} // namespace

class tst_Monitor : public QObject
{
    Q_OBJECT
    LiveTestApp app{monitorRouter()};

private slots:
    void snapshotFollowsJoinEventsAndLeave()
    {
        QSignalSpy changed(Monitor::instance(), &Monitor::changed);
        QString topic;
        quint64 id = 0;
        {
            LiveViewTest view = live(app, QStringLiteral("/monitored?user=ada"));
            topic = view.topic();
            const auto joined = sessionOnTopic(topic, SessionState::Joined);
            QVERIFY(joined);
            id = joined->id;
            QCOMPARE(joined->route, QStringLiteral("/monitored"));
            QCOMPARE(joined->path, QStringLiteral("/monitored"));
            QCOMPARE(joined->viewClass, QStringLiteral("(anonymous namespace)::MonitoredView"));
            QCOMPARE(joined->user, QStringLiteral("ada"));
            QCOMPARE(joined->topics, QStringList{QStringLiteral("monitor-test:room")});
            QCOMPARE(joined->browserSession, view.sessionId());
            QCOMPARE(joined->events, quint64(0));
            QVERIFY(joined->bytesOut > 0); // the join reply

            view.element("#inc").renderClick();
            view.element("#inc").renderClick();
            const SessionInfo after = Monitor::instance()->session(id);
            QCOMPARE(after.events, quint64(2));
            QCOMPARE(after.framesIn, quint64(2));
            QVERIFY(after.bytesIn > 0);
            QVERIFY(after.lastDiffBytes > 0);
            QVERIFY(after.eventP99Ms > 0);
            QCOMPARE(after.recent.size(), 2);
            QCOMPARE(after.recent.last().name, QStringLiteral("inc"));

            // A broadcast on its topic counts as a topic message and reaches it.
            PubSub::broadcast(QStringLiteral("monitor-test:room"),
                              QVariantMap{{QStringLiteral("n"), 7}});
            QVERIFY(view.processPending().contains(QStringLiteral("<span id=\"n\">7</span>")));
            const auto topics = Monitor::instance()->snapshot(Monitor::Topics).topics;
            const auto room = std::find_if(topics.cbegin(), topics.cend(), [](const TopicInfo &t) {
                return t.name == u"monitor-test:room";
            });
            QVERIFY(room != topics.cend());
            QCOMPARE(room->localSubscribers, 1);
            QCOMPARE(room->messages, quint64(1));

            view.renderEvent(QStringLiteral("leave_room"));
            QVERIFY(Monitor::instance()->session(id).topics.isEmpty());
        }
        // The harness closed the socket: the session is among the recently ended.
        const auto left = sessionOnTopic(topic, SessionState::Left);
        QVERIFY(left);
        QCOMPARE(left->id, id);
        QVERIFY(!sessionOnTopic(topic, SessionState::Joined));
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() > 0, 1000); // coalesced, but within a second

        // The lifecycle is in the log, tied to the session.
        QStringList events;
        for (const LogEntry &e : Monitor::instance()->log(0, 100000, id))
            events.append(e.event);
        QCOMPARE(events, (QStringList{"join", "event", "event", "event", "leave"}));
    }

    void crashAndRestartShow()
    {
        LiveViewTest view = live(app, QStringLiteral("/monitored"));
        const quint64 first = sessionOnTopic(view.topic(), SessionState::Joined)->id;
        QVERIFY_THROWS_EXCEPTION(HarnessError, view.renderEvent(QStringLiteral("boom")));
        const SessionInfo crashed = Monitor::instance()->session(first);
        QCOMPARE(crashed.state, SessionState::Crashed);
        QVERIFY(crashed.endReason.contains(QStringLiteral("monitored view exploded")));

        view.rejoin();
        const auto restarted = sessionOnTopic(view.topic(), SessionState::Restarted);
        QVERIFY(restarted);
        QVERIFY(restarted->id != first);
        QCOMPARE(restarted->restarts, 1);

        const auto classes = Monitor::instance()->snapshot(Monitor::ViewClasses).viewClasses;
        const auto stats = std::find_if(classes.cbegin(), classes.cend(), [](const auto &c) {
            return c.viewClass.endsWith(QLatin1String("MonitoredView"));
        });
        QVERIFY(stats != classes.cend());
        QVERIFY(stats->crashes >= 1);
        QCOMPARE(stats->durationBuckets.last().second, stats->events);
    }

    void disconnectClosesOnlyThatSocket()
    {
        LiveViewTest target = live(app, QStringLiteral("/monitored"));
        LiveViewTest bystander = live(app, QStringLiteral("/monitored"));
        const quint64 id = sessionOnTopic(target.topic(), SessionState::Joined)->id;
        QString error;
        QVERIFY2(Admin::disconnectSession(id, &error), qPrintable(error));
        // The close is posted to the socket's thread.
        QTRY_COMPARE_WITH_TIMEOUT(target.closeCode(), 4000, 1000);
        QCOMPARE(bystander.closeCode(), 0);
        bystander.element("#inc").renderClick();
        QVERIFY(bystander.render().contains(QStringLiteral("<span id=\"n\">1</span>")));
        QVERIFY(!Admin::disconnectSession(999999999, &error));
        QVERIFY(error.contains(QStringLiteral("no joined session")));
    }

    void disconnectUserClosesEachOfTheirSockets()
    {
        LiveViewTest alice1 = live(app, QStringLiteral("/monitored?user=alice"));
        LiveViewTest alice2 = live(app, QStringLiteral("/monitored?user=alice"));
        LiveViewTest bob = live(app, QStringLiteral("/monitored?user=bob"));
        QCOMPARE(Admin::disconnectUser(QStringLiteral("alice")), 2);
        QTRY_COMPARE_WITH_TIMEOUT(alice1.closeCode(), 4000, 1000);
        QTRY_COMPARE_WITH_TIMEOUT(alice2.closeCode(), 4000, 1000);
        QCOMPARE(bob.closeCode(), 0);
    }

    void readOnlyRefusesEveryAction()
    {
        LiveViewTest view = live(app, QStringLiteral("/monitored?user=carol"));
        const quint64 id = sessionOnTopic(view.topic(), SessionState::Joined)->id;
        Monitor::instance()->setReadOnly(true);
        QString error;
        QVERIFY(!Admin::disconnectSession(id, &error));
        QVERIFY(error.contains(QStringLiteral("read-only")));
        error.clear();
        QCOMPARE(Admin::disconnectUser(QStringLiteral("carol"), &error), 0);
        QVERIFY(!error.isEmpty());
        QVERIFY(!Admin::broadcast(QStringLiteral("t"), 1, &error));
        QVERIFY(!Admin::setDraining(true, &error));
        QVERIFY(!Admin::isDraining());
        QCoreApplication::processEvents();
        QCOMPARE(view.closeCode(), 0);
        Monitor::instance()->setReadOnly(false);
        QVERIFY(Admin::setDraining(true));
        QVERIFY(Admin::isDraining());
        QVERIFY(Admin::setDraining(false));
        const QList<LogEntry> log = Monitor::instance()->log(0, 20);
        QVERIFY(std::any_of(log.cbegin(), log.cend(), [](const LogEntry &e) {
            return e.category == u"admin" && e.message.contains(QStringLiteral("resumed"));
        }));
    }

    void logRingStaysBounded()
    {
        Monitor *monitor = Monitor::instance();
        const int capacity = monitor->logCapacity();
        monitor->setLogCapacity(5000);
        const quint64 before = monitor->lastLogSeq();
        for (int i = 0; i < 100000; ++i)
            monitor->appendLog(LogLevel::Info, QStringLiteral("test"),
                               QStringLiteral("entry %1").arg(i));
        QCOMPARE(monitor->lastLogSeq(), before + 100000);
        const QList<LogEntry> all = monitor->log(0, 1000000);
        QCOMPARE(all.size(), 5000);
        QCOMPARE(all.first().message, QStringLiteral("entry 95000"));
        QCOMPARE(all.last().message, QStringLiteral("entry 99999"));
        // Real events go through the same ring.
        LiveViewTest view = live(app, QStringLiteral("/monitored"));
        for (int i = 0; i < 6000; ++i)
            view.renderEvent(QStringLiteral("inc"));
        QCOMPARE(monitor->log(0, 1000000).size(), 5000);
        // Asking for what came after a sequence number gives only the newer entries.
        const quint64 last = monitor->lastLogSeq();
        QCOMPARE(monitor->log(last - 3, 100).size(), 3);
        monitor->setLogCapacity(capacity);
    }

    void jsonRoundTrip()
    {
        LiveViewTest view = live(app, QStringLiteral("/monitored?user=dan"));
        view.renderEvent(QStringLiteral("inc"));
        const MonitorSnapshot snap = Monitor::instance()->snapshot();
        const MonitorSnapshot back = monitorSnapshotFromJson(monitorSnapshotToJson(snap));
        QCOMPARE(back.sessions.size(), snap.sessions.size());
        QCOMPARE(back.server.version, snap.server.version);
        for (qsizetype i = 0; i < snap.sessions.size(); ++i) {
            QCOMPARE(back.sessions[i].id, snap.sessions[i].id);
            QCOMPARE(back.sessions[i].user, snap.sessions[i].user);
            QCOMPARE(back.sessions[i].state, snap.sessions[i].state);
            QCOMPARE(back.sessions[i].events, snap.sessions[i].events);
            QCOMPARE(back.sessions[i].topics, snap.sessions[i].topics);
        }
        QCOMPARE(back.viewClasses.size(), snap.viewClasses.size());
        const QByteArray metrics = prometheusMetrics(snap);
        QVERIFY(metrics.contains("liveview_joined_views{route=\"/monitored\"}"));
        QVERIFY(metrics.contains("liveview_event_duration_seconds_bucket{view=\""));
    }
};

QTEST_GUILESS_MAIN(tst_Monitor)
#include "tst_monitor.moc"
