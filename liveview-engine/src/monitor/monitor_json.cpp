// The monitor's types as JSON: the admin HTTP API, remote admin windows and dashboards.
#include "liveview/monitor.h"

#include <QJsonArray>

namespace liveview {
namespace {

const QStringList stateNames{QStringLiteral("joined"), QStringLiteral("restarted"),
                             QStringLiteral("crashed"), QStringLiteral("left")};
const QStringList levelNames{QStringLiteral("debug"), QStringLiteral("info"),
                             QStringLiteral("warning"), QStringLiteral("critical")};

QJsonValue timeToJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toMSecsSinceEpoch()) : QJsonValue();
}

QDateTime timeFromJson(const QJsonValue &v)
{
    return v.isDouble() ? QDateTime::fromMSecsSinceEpoch(qint64(v.toDouble()), Qt::UTC)
                        : QDateTime();
}

quint64 u64(const QJsonValue &v)
{
    return quint64(std::max(0.0, v.toDouble()));
}

template <typename T, typename F> QJsonArray arrayOf(const QList<T> &items, F toJson)
{
    QJsonArray out;
    for (const T &item : items)
        out.append(toJson(item));
    return out;
}

template <typename T, typename F> QList<T> listOf(const QJsonValue &v, F fromJson)
{
    QList<T> out;
    for (const QJsonValue &item : v.toArray())
        out.append(fromJson(item.toObject()));
    return out;
}

QJsonObject serverToJson(const ServerInfo &s)
{
    return {{QStringLiteral("version"), s.version},
            {QStringLiteral("node_id"), s.nodeId},
            {QStringLiteral("listen_url"), s.listenUrl},
            {QStringLiteral("started_at"), timeToJson(s.startedAt)},
            {QStringLiteral("uptime_s"), s.uptimeSeconds},
            {QStringLiteral("running"), s.running},
            {QStringLiteral("draining"), s.draining},
            {QStringLiteral("read_only"), s.readOnly},
            {QStringLiteral("connections"), s.connections},
            {QStringLiteral("connection_cap"), s.connectionCap},
            {QStringLiteral("fd_limit"), s.fdLimit},
            {QStringLiteral("worker_threads"), s.workerThreads},
            {QStringLiteral("rss_bytes"), s.rssBytes},
            {QStringLiteral("redis_link"), s.redisLink},
            {QStringLiteral("events_total"), double(s.eventsTotal)},
            {QStringLiteral("bytes_in_total"), double(s.bytesInTotal)},
            {QStringLiteral("bytes_out_total"), double(s.bytesOutTotal)},
            {QStringLiteral("broadcasts_total"), double(s.broadcastsTotal)}};
}

ServerInfo serverFromJson(const QJsonObject &o)
{
    ServerInfo s;
    s.version = o.value(QStringLiteral("version")).toString();
    s.nodeId = o.value(QStringLiteral("node_id")).toString();
    s.listenUrl = o.value(QStringLiteral("listen_url")).toString();
    s.startedAt = timeFromJson(o.value(QStringLiteral("started_at")));
    s.uptimeSeconds = qint64(o.value(QStringLiteral("uptime_s")).toDouble());
    s.running = o.value(QStringLiteral("running")).toBool();
    s.draining = o.value(QStringLiteral("draining")).toBool();
    s.readOnly = o.value(QStringLiteral("read_only")).toBool();
    s.connections = o.value(QStringLiteral("connections")).toInt();
    s.connectionCap = o.value(QStringLiteral("connection_cap")).toInt();
    s.fdLimit = o.value(QStringLiteral("fd_limit")).toInt();
    s.workerThreads = o.value(QStringLiteral("worker_threads")).toInt();
    s.rssBytes = qint64(o.value(QStringLiteral("rss_bytes")).toDouble());
    s.redisLink = o.value(QStringLiteral("redis_link")).toString();
    s.eventsTotal = u64(o.value(QStringLiteral("events_total")));
    s.bytesInTotal = u64(o.value(QStringLiteral("bytes_in_total")));
    s.bytesOutTotal = u64(o.value(QStringLiteral("bytes_out_total")));
    s.broadcastsTotal = u64(o.value(QStringLiteral("broadcasts_total")));
    return s;
}

QJsonObject topicToJson(const TopicInfo &t)
{
    return {{QStringLiteral("name"), t.name},
            {QStringLiteral("local_subscribers"), t.localSubscribers},
            {QStringLiteral("messages_per_s"), t.messagesPerSecond},
            {QStringLiteral("bytes_per_s"), t.bytesPerSecond},
            {QStringLiteral("messages"), double(t.messages)},
            {QStringLiteral("cluster_wide"), t.clusterWide}};
}

TopicInfo topicFromJson(const QJsonObject &o)
{
    return {o.value(QStringLiteral("name")).toString(),
            o.value(QStringLiteral("local_subscribers")).toInt(),
            o.value(QStringLiteral("messages_per_s")).toDouble(),
            o.value(QStringLiteral("bytes_per_s")).toDouble(),
            u64(o.value(QStringLiteral("messages"))),
            o.value(QStringLiteral("cluster_wide")).toBool()};
}

QJsonObject presenceToJson(const PresenceInfo &p)
{
    return {{QStringLiteral("topic"), p.topic},
            {QStringLiteral("key"), p.key},
            {QStringLiteral("metas"), QJsonArray::fromVariantList(p.metas)},
            {QStringLiteral("node"), p.node},
            {QStringLiteral("since"), timeToJson(p.since)}};
}

PresenceInfo presenceFromJson(const QJsonObject &o)
{
    return {o.value(QStringLiteral("topic")).toString(), o.value(QStringLiteral("key")).toString(),
            o.value(QStringLiteral("metas")).toArray().toVariantList(),
            o.value(QStringLiteral("node")).toString(),
            timeFromJson(o.value(QStringLiteral("since")))};
}

QJsonObject nodeToJson(const NodeInfo &n)
{
    return {{QStringLiteral("id"), n.id},
            {QStringLiteral("address"), n.address},
            {QStringLiteral("last_heartbeat"), timeToJson(n.lastHeartbeat)},
            {QStringLiteral("self"), n.self},
            {QStringLiteral("alive"), n.alive},
            {QStringLiteral("sessions"), n.sessions}};
}

NodeInfo nodeFromJson(const QJsonObject &o)
{
    return {o.value(QStringLiteral("id")).toString(),
            o.value(QStringLiteral("address")).toString(),
            timeFromJson(o.value(QStringLiteral("last_heartbeat"))),
            o.value(QStringLiteral("self")).toBool(),
            o.value(QStringLiteral("alive")).toBool(),
            o.value(QStringLiteral("sessions")).toInt()};
}

QJsonObject viewClassToJson(const ViewClassStats &v)
{
    QJsonArray buckets;
    for (const auto &[bound, count] : v.durationBuckets)
        buckets.append(
            QJsonArray{std::isinf(bound) ? QJsonValue(QStringLiteral("+Inf")) : QJsonValue(bound),
                       double(count)});
    return {{QStringLiteral("view_class"), v.viewClass},
            {QStringLiteral("joined"), v.joined},
            {QStringLiteral("events"), double(v.events)},
            {QStringLiteral("crashes"), double(v.crashes)},
            {QStringLiteral("duration_sum_s"), v.durationSumSeconds},
            {QStringLiteral("duration_buckets"), buckets}};
}

ViewClassStats viewClassFromJson(const QJsonObject &o)
{
    ViewClassStats v;
    v.viewClass = o.value(QStringLiteral("view_class")).toString();
    v.joined = o.value(QStringLiteral("joined")).toInt();
    v.events = u64(o.value(QStringLiteral("events")));
    v.crashes = u64(o.value(QStringLiteral("crashes")));
    v.durationSumSeconds = o.value(QStringLiteral("duration_sum_s")).toDouble();
    for (const QJsonValue &b : o.value(QStringLiteral("duration_buckets")).toArray()) {
        const QJsonArray pair = b.toArray();
        const double bound =
            pair.at(0).isString() ? std::numeric_limits<double>::infinity() : pair.at(0).toDouble();
        v.durationBuckets.append({bound, u64(pair.at(1))});
    }
    return v;
}

} // namespace

QString sessionStateName(SessionState state)
{
    return stateNames.value(int(state));
}

QString logLevelName(LogLevel level)
{
    return levelNames.value(int(level));
}

QJsonObject sessionInfoToJson(const SessionInfo &s)
{
    QJsonObject o{{QStringLiteral("id"), double(s.id)},
                  {QStringLiteral("node"), s.node},
                  {QStringLiteral("topic"), s.topic},
                  {QStringLiteral("route"), s.route},
                  {QStringLiteral("path"), s.path},
                  {QStringLiteral("view_class"), s.viewClass},
                  {QStringLiteral("user"), s.user},
                  {QStringLiteral("browser_session"), s.browserSession},
                  {QStringLiteral("remote_address"), s.remoteAddress.toString()},
                  {QStringLiteral("user_agent"), s.userAgent},
                  {QStringLiteral("connected_since"), timeToJson(s.connectedSince)},
                  {QStringLiteral("events"), double(s.events)},
                  {QStringLiteral("frames_in"), double(s.framesIn)},
                  {QStringLiteral("frames_out"), double(s.framesOut)},
                  {QStringLiteral("bytes_in"), double(s.bytesIn)},
                  {QStringLiteral("bytes_out"), double(s.bytesOut)},
                  {QStringLiteral("last_diff_bytes"), double(s.lastDiffBytes)},
                  {QStringLiteral("event_p50_ms"), s.eventP50Ms},
                  {QStringLiteral("event_p99_ms"), s.eventP99Ms},
                  {QStringLiteral("heartbeat_rtt_ms"), s.heartbeatRttMs},
                  {QStringLiteral("restarts"), s.restarts},
                  {QStringLiteral("topics"), QJsonArray::fromStringList(s.topics)},
                  {QStringLiteral("state"), sessionStateName(s.state)},
                  {QStringLiteral("ended_at"), timeToJson(s.endedAt)},
                  {QStringLiteral("end_reason"), s.endReason}};
    if (!s.recent.isEmpty())
        o.insert(QStringLiteral("recent"), arrayOf(s.recent, [](const SessionEvent &e) {
                     return QJsonObject{{QStringLiteral("at"), timeToJson(e.at)},
                                        {QStringLiteral("name"), e.name},
                                        {QStringLiteral("duration_ms"), e.durationMs}};
                 }));
    return o;
}

SessionInfo sessionInfoFromJson(const QJsonObject &o)
{
    SessionInfo s;
    s.id = u64(o.value(QStringLiteral("id")));
    s.node = o.value(QStringLiteral("node")).toString();
    s.topic = o.value(QStringLiteral("topic")).toString();
    s.route = o.value(QStringLiteral("route")).toString();
    s.path = o.value(QStringLiteral("path")).toString();
    s.viewClass = o.value(QStringLiteral("view_class")).toString();
    s.user = o.value(QStringLiteral("user")).toString();
    s.browserSession = o.value(QStringLiteral("browser_session")).toString();
    s.remoteAddress = QHostAddress(o.value(QStringLiteral("remote_address")).toString());
    s.userAgent = o.value(QStringLiteral("user_agent")).toString();
    s.connectedSince = timeFromJson(o.value(QStringLiteral("connected_since")));
    s.events = u64(o.value(QStringLiteral("events")));
    s.framesIn = u64(o.value(QStringLiteral("frames_in")));
    s.framesOut = u64(o.value(QStringLiteral("frames_out")));
    s.bytesIn = u64(o.value(QStringLiteral("bytes_in")));
    s.bytesOut = u64(o.value(QStringLiteral("bytes_out")));
    s.lastDiffBytes = u64(o.value(QStringLiteral("last_diff_bytes")));
    s.eventP50Ms = o.value(QStringLiteral("event_p50_ms")).toDouble();
    s.eventP99Ms = o.value(QStringLiteral("event_p99_ms")).toDouble();
    s.heartbeatRttMs = o.value(QStringLiteral("heartbeat_rtt_ms")).toInt(-1);
    s.restarts = o.value(QStringLiteral("restarts")).toInt();
    for (const QJsonValue &t : o.value(QStringLiteral("topics")).toArray())
        s.topics.append(t.toString());
    s.state = SessionState(
        std::max(0, int(stateNames.indexOf(o.value(QStringLiteral("state")).toString()))));
    s.endedAt = timeFromJson(o.value(QStringLiteral("ended_at")));
    s.endReason = o.value(QStringLiteral("end_reason")).toString();
    for (const QJsonValue &e : o.value(QStringLiteral("recent")).toArray()) {
        const QJsonObject eo = e.toObject();
        s.recent.append({timeFromJson(eo.value(QStringLiteral("at"))),
                         eo.value(QStringLiteral("name")).toString(),
                         eo.value(QStringLiteral("duration_ms")).toDouble()});
    }
    return s;
}

QJsonObject logEntryToJson(const LogEntry &e)
{
    QJsonObject o{{QStringLiteral("seq"), double(e.seq)},
                  {QStringLiteral("time"), timeToJson(e.time)},
                  {QStringLiteral("level"), logLevelName(e.level)},
                  {QStringLiteral("category"), e.category},
                  {QStringLiteral("message"), e.message}};
    if (e.sessionId)
        o.insert(QStringLiteral("session"), double(e.sessionId));
    if (!e.event.isEmpty())
        o.insert(QStringLiteral("event"), e.event);
    if (e.durationMs >= 0)
        o.insert(QStringLiteral("duration_ms"), e.durationMs);
    return o;
}

LogEntry logEntryFromJson(const QJsonObject &o)
{
    LogEntry e;
    e.seq = u64(o.value(QStringLiteral("seq")));
    e.time = timeFromJson(o.value(QStringLiteral("time")));
    e.level =
        LogLevel(std::max(0, int(levelNames.indexOf(o.value(QStringLiteral("level")).toString()))));
    e.category = o.value(QStringLiteral("category")).toString();
    e.message = o.value(QStringLiteral("message")).toString();
    e.sessionId = u64(o.value(QStringLiteral("session")));
    e.event = o.value(QStringLiteral("event")).toString();
    e.durationMs = o.value(QStringLiteral("duration_ms")).toDouble(-1);
    return e;
}

QJsonObject monitorSnapshotToJson(const MonitorSnapshot &s)
{
    return {{QStringLiteral("taken_at"), timeToJson(s.takenAt)},
            {QStringLiteral("server"), serverToJson(s.server)},
            {QStringLiteral("sessions"), arrayOf(s.sessions, sessionInfoToJson)},
            {QStringLiteral("topics"), arrayOf(s.topics, topicToJson)},
            {QStringLiteral("presences"), arrayOf(s.presences, presenceToJson)},
            {QStringLiteral("nodes"), arrayOf(s.nodes, nodeToJson)},
            {QStringLiteral("view_classes"), arrayOf(s.viewClasses, viewClassToJson)}};
}

MonitorSnapshot monitorSnapshotFromJson(const QJsonObject &o)
{
    MonitorSnapshot s;
    s.takenAt = timeFromJson(o.value(QStringLiteral("taken_at")));
    s.server = serverFromJson(o.value(QStringLiteral("server")).toObject());
    s.sessions = listOf<SessionInfo>(o.value(QStringLiteral("sessions")), sessionInfoFromJson);
    s.topics = listOf<TopicInfo>(o.value(QStringLiteral("topics")), topicFromJson);
    s.presences = listOf<PresenceInfo>(o.value(QStringLiteral("presences")), presenceFromJson);
    s.nodes = listOf<NodeInfo>(o.value(QStringLiteral("nodes")), nodeFromJson);
    s.viewClasses =
        listOf<ViewClassStats>(o.value(QStringLiteral("view_classes")), viewClassFromJson);
    return s;
}

} // namespace liveview
