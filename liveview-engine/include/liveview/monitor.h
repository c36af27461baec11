#pragma once
// The monitor: a read-only, thread-safe view of what the engine is doing (sessions, topics,
// presences, nodes, the server, a bounded log) and the operator's actions on it.
//
// Reading is cheap: the socket threads keep their figures in per-session records (relaxed
// atomics, no locks on the event path); snapshot() copies them under short per-shard locks, so
// taking one blocks no socket thread for long. changed() and logAppended() are coalesced to at
// most a few per second, so a GUI or a dashboard can follow 20,000 sessions without polling.

#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <chrono>

namespace liveview {

enum class SessionState
{
    Joined,    // mounted and connected
    Restarted, // joined again after its view crashed (restarts > 0)
    Crashed,   // its view threw; the browser rejoins (a new session record, Restarted)
    Left,      // the browser left the page or closed the socket
};

// One event recently handled by a session's view.
struct SessionEvent
{
    QDateTime at;
    QString name;
    double durationMs = 0;
};

// One joined live view.
struct SessionInfo
{
    quint64 id = 0;
    QString node;      // the node serving it (this node's id, or "local" without a cluster)
    QString topic;     // "lv:<view id>"
    QString route;     // the route pattern, e.g. "/examples/counter"
    QString path;      // the page's path
    QString viewClass; // the C++ class of the view
    QString user;      // what the view reported with LiveView::setMonitorUser(); may be empty
    QString browserSession;
    QHostAddress remoteAddress;
    QString userAgent;
    QDateTime connectedSince;
    quint64 events = 0;
    quint64 framesIn = 0;
    quint64 framesOut = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    quint64 lastDiffBytes = 0;
    double eventP50Ms = 0; // over the events of the last minute (0 when none)
    double eventP99Ms = 0;
    int heartbeatRttMs = -1; // WebSocket ping round trip; -1 until measured
    int restarts = 0;
    QStringList topics; // PubSub topics the view subscribed to
    SessionState state = SessionState::Joined;
    QDateTime endedAt;          // Crashed or Left
    QString endReason;          // why it crashed or left
    QList<SessionEvent> recent; // only in session(id): its last events, newest last
};

struct TopicInfo
{
    QString name;
    int localSubscribers = 0;
    double messagesPerSecond = 0; // over the last few seconds
    double bytesPerSecond = 0;    // JSON size of the messages broadcast
    quint64 messages = 0;         // since start
    bool clusterWide = false;     // delivered through Redis to other nodes too
};

struct PresenceInfo
{
    QString topic;
    QString key;
    QVariantList metas;
    QString node;
    QDateTime since; // when the first of its metas was tracked (on any node)
};

struct NodeInfo
{
    QString id;
    QString address; // the node's listen URL, as it announced it
    QDateTime lastHeartbeat;
    bool self = false;
    bool alive = true;
    int sessions = 0;
};

struct ServerInfo
{
    QString version;
    QString nodeId;
    QString listenUrl;
    QDateTime startedAt;
    qint64 uptimeSeconds = 0;
    bool running = false;
    bool draining = false;
    bool readOnly = false;
    int connections = 0;
    int connectionCap = 0;
    int fdLimit = 0;
    int workerThreads = 0;
    qint64 rssBytes = 0;
    QString redisLink; // "off", "connected" or "disconnected"
    quint64 eventsTotal = 0;
    quint64 bytesInTotal = 0;
    quint64 bytesOutTotal = 0;
    quint64 broadcastsTotal = 0;
};

enum class LogLevel
{
    Debug,
    Info,
    Warning,
    Critical,
};

struct LogEntry
{
    quint64 seq = 0; // increasing; ask for entries after the last one seen
    QDateTime time;
    LogLevel level = LogLevel::Info;
    QString category; // a logging category, or "lifecycle" / "admin"
    QString message;
    quint64 sessionId = 0; // 0 when not about one session
    QString event;         // lifecycle: join, event, crash, leave, refused
    double durationMs = -1;
};

// Event counts and durations of one view class (for /metrics and the metrics dashboard).
struct ViewClassStats
{
    QString viewClass;
    int joined = 0;
    quint64 events = 0;
    quint64 crashes = 0;
    double durationSumSeconds = 0;
    // Cumulative counts per upper bound in seconds (the last bound is +Inf), as Prometheus wants.
    QList<std::pair<double, quint64>> durationBuckets;
};

struct MonitorSnapshot
{
    QDateTime takenAt;
    ServerInfo server;
    // Joined ones in no particular order (key them by id), then the recently ended (newest last,
    // at most 256, for a minute).
    QList<SessionInfo> sessions;
    QList<TopicInfo> topics;
    QList<PresenceInfo> presences;
    QList<NodeInfo> nodes;
    QList<ViewClassStats> viewClasses;
};

// Process-wide; created on first use, lives on the thread that first asks (the main thread).
class Monitor : public QObject
{
    Q_OBJECT
public:
    static Monitor *instance();

    enum Part
    {
        Server = 0x1,
        Sessions = 0x2,
        Topics = 0x4,
        Presences = 0x8,
        Nodes = 0x10,
        ViewClasses = 0x20,
        Everything = 0x3f,
    };
    Q_DECLARE_FLAGS(Parts, Part)

    // Safe from any thread.
    MonitorSnapshot snapshot(Parts parts = Everything) const;
    ServerInfo server() const;
    // One session with its recent events; state Left with id 0 when unknown.
    SessionInfo session(quint64 id) const;
    // Entries after `afterSeq`, oldest first, at most `max` (the newest ones when more).
    QList<LogEntry> log(quint64 afterSeq = 0, int max = 1000, quint64 sessionId = 0) const;
    quint64 lastLogSeq() const;
    int logCapacity() const;
    void setLogCapacity(int entries);

    // Adds an entry (safe from any thread); the engine's own logging categories arrive here too.
    void appendLog(LogLevel level, const QString &category, const QString &message,
                   quint64 sessionId = 0, const QString &event = QString(), double durationMs = -1);

    // Set by the application.
    void setVersion(const QString &version);
    void setReadOnly(bool readOnly);
    bool isReadOnly() const;

    // How often changed() may fire at most (default 250 ms).
    void setCoalescing(std::chrono::milliseconds interval);

signals:
    // Something in the snapshot changed (coalesced).
    void changed();
    // New log entries exist (coalesced).
    void logAppended();
    // Immediate, for the admin window's status bar.
    void readOnlyChanged(bool readOnly);

private:
    Monitor();
    ~Monitor() override;
    friend class MonitorPrivate;
    class MonitorPrivate *d;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(Monitor::Parts)

// What an operator can do. Each action is recorded in the monitor log, and refused (false, with
// `error` set) while the monitor is read-only.
class Admin
{
public:
    // Closes the socket of that session (code 4000, "disconnected by an operator"); the browser
    // reconnects as LiveView clients do after any close the server makes.
    static bool disconnectSession(quint64 sessionId, QString *error = nullptr);
    // Every session whose user (LiveView::setMonitorUser) is `user`; returns how many sockets.
    static int disconnectUser(const QString &user, QString *error = nullptr);
    static bool broadcast(const QString &topic, const QVariant &message, QString *error = nullptr);
    // Draining: new sockets are refused (close 1013, "server draining": clients retry with
    // back-off), existing ones go on. Undo with setDraining(false).
    static bool setDraining(bool draining, QString *error = nullptr);
    static bool isDraining();
};

// The snapshot as JSON (the admin HTTP API and dashboards use it), and back.
QJsonObject monitorSnapshotToJson(const MonitorSnapshot &snapshot);
MonitorSnapshot monitorSnapshotFromJson(const QJsonObject &json);
QJsonObject sessionInfoToJson(const SessionInfo &session);
SessionInfo sessionInfoFromJson(const QJsonObject &json);
QJsonObject logEntryToJson(const LogEntry &entry);
LogEntry logEntryFromJson(const QJsonObject &json);
QString sessionStateName(SessionState state);
QString logLevelName(LogLevel level);

// Prometheus text exposition (version 0.0.4) of a snapshot; every family is named
// "<prefix>_..." (EndpointOptions::metricsPrefix).
QByteArray prometheusMetrics(const MonitorSnapshot &snapshot,
                             const QString &prefix = QStringLiteral("liveview"));

} // namespace liveview
