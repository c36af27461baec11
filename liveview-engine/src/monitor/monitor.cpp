// Monitor: assembles snapshots from the registries and coalesces change notifications.
#include "liveview/monitor.h"

#include "../pubsub/presence_tracker.h"
#include "liveview/cluster.h"
#include "liveview/pubsub.h"
#include "log_ring.h"
#include "server_status.h"
#include "session_registry.h"
#include "topic_stats.h"
#include "view_class_counters.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>

namespace liveview {

class MonitorPrivate
{
public:
    QTimer *coalescing = nullptr; // a child: it moves with the monitor to the main thread
    std::atomic<bool> readOnly{false};
};

Monitor *Monitor::instance()
{
    static Monitor *monitor = [] {
        auto *m = new Monitor;
        // Its timer must run on a thread with an event loop that outlives the servers.
        if (QCoreApplication *app = QCoreApplication::instance())
            m->moveToThread(app->thread());
        return m;
    }();
    return monitor;
}

Monitor::Monitor() : d(new MonitorPrivate)
{
    internal::LogRing::captureQtMessages();
    d->coalescing = new QTimer(this);
    d->coalescing->setInterval(250);
    connect(d->coalescing, &QTimer::timeout, this, [this] {
        if (internal::takeMonitorChanged())
            emit changed();
        if (internal::takeLogAppended())
            emit logAppended();
    });
    // Started from the monitor's thread: the constructor may run on another one.
    QMetaObject::invokeMethod(
        this, [this] { d->coalescing->start(); }, Qt::QueuedConnection);
}

Monitor::~Monitor()
{
    delete d;
}

void Monitor::setCoalescing(std::chrono::milliseconds interval)
{
    QMetaObject::invokeMethod(
        this, [this, interval] { d->coalescing->setInterval(int(interval.count())); },
        Qt::QueuedConnection);
}

ServerInfo Monitor::server() const
{
    const internal::ServerStatus &st = internal::ServerStatus::instance();
    ServerInfo s;
    s.version = st.version();
    s.listenUrl = st.listenUrl();
    s.running = st.running.load();
    s.draining = st.draining.load();
    s.readOnly = d->readOnly.load();
    const qint64 started = st.startedAtMs.load();
    if (started) {
        s.startedAt = QDateTime::fromMSecsSinceEpoch(started, Qt::UTC);
        s.uptimeSeconds = (QDateTime::currentMSecsSinceEpoch() - started) / 1000;
    }
    s.connections = st.connections.load();
    s.connectionCap = st.connectionCap.load();
    s.fdLimit = internal::fileDescriptorLimit();
    s.workerThreads = st.workerThreads.load();
    s.rssBytes = internal::residentBytes();
    s.bytesInTotal = st.bytesIn.load();
    s.bytesOutTotal = st.bytesOut.load();
    s.broadcastsTotal = st.broadcasts.load();
    for (const ViewClassStats &v : internal::ViewClassCounters::all())
        s.eventsTotal += v.events;
    RedisCluster *cluster = st.cluster();
    s.nodeId = cluster ? cluster->nodeId() : QStringLiteral("local");
    s.redisLink = !cluster                 ? QStringLiteral("off")
                  : cluster->isConnected() ? QStringLiteral("connected")
                                           : QStringLiteral("disconnected");
    return s;
}

MonitorSnapshot Monitor::snapshot(Parts parts) const
{
    MonitorSnapshot snap;
    snap.takenAt = QDateTime::currentDateTimeUtc();
    if (parts & Server)
        snap.server = server();
    RedisCluster *cluster = internal::ServerStatus::instance().cluster();
    const QString node = cluster ? cluster->nodeId() : QStringLiteral("local");
    if (parts & Sessions) {
        snap.sessions = internal::SessionRegistry::snapshot();
        for (SessionInfo &s : snap.sessions)
            s.node = node;
    }
    if (parts & Topics)
        snap.topics = internal::TopicStats::topics(PubSub::topicSubscriberCounts());
    if (parts & Presences) {
        for (const auto &listed : internal::PresenceTracker::instance().everything()) {
            PresenceInfo p;
            p.topic = listed.entry.topic;
            p.key = listed.entry.key;
            p.metas = {listed.entry.meta};
            p.node = listed.node.isEmpty() ? node : listed.node;
            p.since = QDateTime::fromMSecsSinceEpoch(listed.trackedAtMs, Qt::UTC);
            // One row per key and topic, its metas in arrival order (a user in three tabs).
            if (!snap.presences.isEmpty() && snap.presences.last().topic == p.topic) {
                bool merged = false;
                for (qsizetype i = snap.presences.size() - 1;
                     i >= 0 && snap.presences[i].topic == p.topic; --i) {
                    if (snap.presences[i].key == p.key) {
                        snap.presences[i].metas.append(listed.entry.meta);
                        merged = true;
                        break;
                    }
                }
                if (merged)
                    continue;
            }
            snap.presences.append(p);
        }
    }
    if ((parts & Nodes) && cluster)
        snap.nodes = cluster->nodes();
    if (parts & ViewClasses)
        snap.viewClasses = internal::ViewClassCounters::all();
    return snap;
}

SessionInfo Monitor::session(quint64 id) const
{
    if (auto found = internal::SessionRegistry::find(id)) {
        found->node = server().nodeId;
        return *found;
    }
    SessionInfo none;
    none.state = SessionState::Left;
    return none;
}

QList<LogEntry> Monitor::log(quint64 afterSeq, int max, quint64 sessionId) const
{
    return internal::LogRing::instance().entriesAfter(afterSeq, max, sessionId);
}

quint64 Monitor::lastLogSeq() const
{
    return internal::LogRing::instance().lastSeq();
}

int Monitor::logCapacity() const
{
    return internal::LogRing::instance().capacity();
}

void Monitor::setLogCapacity(int entries)
{
    internal::LogRing::instance().setCapacity(entries);
}

void Monitor::appendLog(LogLevel level, const QString &category, const QString &message,
                        quint64 sessionId, const QString &event, double durationMs)
{
    internal::LogRing::instance().append(level, category, message, sessionId, event, durationMs);
}

void Monitor::setVersion(const QString &version)
{
    internal::ServerStatus::instance().setVersion(version);
}

void Monitor::setReadOnly(bool readOnly)
{
    if (d->readOnly.exchange(readOnly) == readOnly)
        return;
    appendLog(LogLevel::Info, QStringLiteral("admin"),
              readOnly ? QStringLiteral("read-only: actions are refused")
                       : QStringLiteral("read-only off: actions allowed"));
    internal::markMonitorChanged();
    emit readOnlyChanged(readOnly);
}

bool Monitor::isReadOnly() const
{
    return d->readOnly.load();
}

} // namespace liveview
