#pragma once
// Synthetic monitor snapshots for the admin window's tests and benchmark: deterministic sessions,
// topics and presences whose figures move with a tick, as a busy server's would.

#include <liveview/monitor.h>

namespace livedeck::admin::testing {

inline QDateTime baseTime()
{
    return QDateTime(QDate(2026, 12, 2), QTime(12, 0), Qt::UTC);
}

inline liveview::SessionInfo makeSession(quint64 id, int tick = 0)
{
    liveview::SessionInfo s;
    s.id = id;
    s.node = QStringLiteral("local");
    s.topic = QStringLiteral("lv:phx-%1").arg(id);
    s.route = id % 3 == 0 ? QStringLiteral("/examples/chat") : QStringLiteral("/examples/counter");
    s.path = s.route;
    s.viewClass = id % 3 == 0 ? QStringLiteral("ChatView") : QStringLiteral("CounterView");
    s.user = QStringLiteral("user-%1").arg(id % 97);
    s.remoteAddress = QHostAddress(QStringLiteral("10.0.%1.%2").arg(id / 250 % 250).arg(id % 250));
    s.connectedSince = baseTime().addSecs(qint64(id % 600));
    s.events = id % 50 + quint64(tick) * (id % 7);
    s.framesIn = s.events + 1;
    s.framesOut = s.events + 1;
    s.bytesIn = s.events * 120 + 300;
    s.bytesOut = s.events * 80 + 2400;
    s.lastDiffBytes = 20 + id % 40;
    s.heartbeatRttMs = int(1 + (id + quint64(tick)) % 30);
    if (s.route == u"/examples/chat")
        s.topics = {QStringLiteral("chat:lobby")};
    return s;
}

// `count` joined sessions with ids from `firstId`.
inline QList<liveview::SessionInfo> makeSessions(quint64 firstId, int count, int tick = 0)
{
    QList<liveview::SessionInfo> sessions;
    sessions.reserve(count);
    for (int i = 0; i < count; ++i)
        sessions.append(makeSession(firstId + quint64(i), tick));
    return sessions;
}

inline liveview::PresenceInfo makePresence(const QString &topic, const QString &key,
                                           const QString &node = QStringLiteral("local"))
{
    liveview::PresenceInfo p;
    p.topic = topic;
    p.key = key;
    p.node = node;
    p.metas = {QVariantMap{{QStringLiteral("phx_ref"), key + QStringLiteral("-ref")}}};
    p.since = baseTime();
    return p;
}

inline liveview::MonitorSnapshot makeSnapshot(int sessionCount, int tick = 0)
{
    liveview::MonitorSnapshot snapshot;
    snapshot.takenAt = baseTime().addSecs(3600 + tick);
    liveview::ServerInfo &server = snapshot.server;
    server.version = QStringLiteral("0.1.0");
    server.nodeId = QStringLiteral("local");
    server.listenUrl = QStringLiteral("http://127.0.0.1:4000");
    server.startedAt = baseTime();
    server.uptimeSeconds = 3600 + tick;
    server.running = true;
    server.connections = sessionCount;
    server.connectionCap = 18000;
    server.rssBytes = 120LL * 1024 * 1024 + qint64(sessionCount) * 40000;
    server.redisLink = QStringLiteral("off");
    server.eventsTotal = quint64(tick) * 500;
    server.bytesInTotal = quint64(tick) * 60000;
    server.bytesOutTotal = quint64(tick) * 400000;
    snapshot.sessions = makeSessions(1, sessionCount, tick);
    liveview::TopicInfo lobby;
    lobby.name = QStringLiteral("chat:lobby");
    lobby.localSubscribers = sessionCount / 3;
    lobby.messagesPerSecond = 2.5;
    lobby.bytesPerSecond = 640;
    lobby.messages = quint64(tick) * 3;
    snapshot.topics = {lobby};
    snapshot.presences = {makePresence(QStringLiteral("online"), QStringLiteral("alice")),
                          makePresence(QStringLiteral("online"), QStringLiteral("bob")),
                          makePresence(QStringLiteral("chat:lobby"), QStringLiteral("alice"))};
    liveview::NodeInfo self;
    self.id = QStringLiteral("local");
    self.address = server.listenUrl;
    self.self = true;
    self.sessions = sessionCount;
    snapshot.nodes = {self};
    liveview::ViewClassStats counter;
    counter.viewClass = QStringLiteral("CounterView");
    counter.events = quint64(tick) * 500;
    counter.durationBuckets = {{0.001, quint64(tick) * 400},
                               {0.01, quint64(tick) * 495},
                               {0.1, quint64(tick) * 500},
                               {qInf(), quint64(tick) * 500}};
    snapshot.viewClasses = {counter};
    return snapshot;
}

} // namespace livedeck::admin::testing
