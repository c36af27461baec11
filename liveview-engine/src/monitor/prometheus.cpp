// Prometheus text exposition (format 0.0.4) of a monitor snapshot, served at /metrics.
#include "liveview/monitor.h"

#include <QMap>
#include <cmath>

namespace liveview {
namespace {

QByteArray label(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return '"' + out + '"';
}

QByteArray number(double v)
{
    if (std::isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    return QByteArray::number(v, 'g', 15);
}

// Writes families and samples whose names all start with the application's prefix.
class Exposition
{
public:
    explicit Exposition(const QString &prefix) : m_prefix(prefix.toUtf8() + '_') {}
    void family(const char *name, const char *type, const char *help)
    {
        m_out += "# HELP " + m_prefix + name + ' ' + help + '\n';
        m_out += "# TYPE " + m_prefix + name + ' ' + type + '\n';
    }
    void sample(const QByteArray &name, double value, const QByteArray &labels = {})
    {
        m_out += m_prefix + name;
        if (!labels.isEmpty())
            m_out += '{' + labels + '}';
        m_out += ' ' + number(value) + '\n';
    }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_prefix;
    QByteArray m_out;
};

} // namespace

QByteArray prometheusMetrics(const MonitorSnapshot &snapshot, const QString &prefix)
{
    Exposition e(prefix);
    const ServerInfo &s = snapshot.server;
    e.family("info", "gauge", "Version and node of this server.");
    e.sample("info", 1, "version=" + label(s.version) + ",node=" + label(s.nodeId));
    e.family("uptime_seconds", "gauge", "Seconds since the server started.");
    e.sample("uptime_seconds", double(s.uptimeSeconds));
    e.family("resident_memory_bytes", "gauge", "Resident set size of the process.");
    e.sample("resident_memory_bytes", double(s.rssBytes));
    e.family("connections", "gauge", "Open WebSocket connections.");
    e.sample("connections", s.connections);
    e.family("connection_limit", "gauge", "Most WebSocket connections accepted at once.");
    e.sample("connection_limit", s.connectionCap);
    e.family("draining", "gauge", "1 while new sockets are refused.");
    e.sample("draining", s.draining ? 1 : 0);
    e.family("received_bytes_total", "counter", "WebSocket payload bytes received.");
    e.sample("received_bytes_total", double(s.bytesInTotal));
    e.family("sent_bytes_total", "counter", "WebSocket payload bytes sent.");
    e.sample("sent_bytes_total", double(s.bytesOutTotal));
    e.family("broadcasts_total", "counter", "PubSub broadcasts delivered on this node.");
    e.sample("broadcasts_total", double(s.broadcastsTotal));

    QMap<QString, int> joinedByRoute;
    for (const SessionInfo &session : snapshot.sessions)
        if (session.state == SessionState::Joined || session.state == SessionState::Restarted)
            ++joinedByRoute[session.route];
    e.family("joined_views", "gauge", "Joined live views per route.");
    for (auto it = joinedByRoute.cbegin(); it != joinedByRoute.cend(); ++it)
        e.sample("joined_views", it.value(), "route=" + label(it.key()));

    e.family("events_total", "counter", "Browser events handled per view class.");
    for (const ViewClassStats &v : snapshot.viewClasses)
        e.sample("events_total", double(v.events), "view=" + label(v.viewClass));
    e.family("view_crashes_total", "counter", "Views that threw, per view class.");
    for (const ViewClassStats &v : snapshot.viewClasses)
        e.sample("view_crashes_total", double(v.crashes), "view=" + label(v.viewClass));
    e.family("event_duration_seconds", "histogram",
             "Time to handle a browser event and render its diff, per view class.");
    for (const ViewClassStats &v : snapshot.viewClasses) {
        const QByteArray view = "view=" + label(v.viewClass);
        quint64 count = 0;
        for (const auto &[bound, cumulative] : v.durationBuckets) {
            e.sample("event_duration_seconds_bucket", double(cumulative),
                     view + ",le=\"" + number(bound) + '"');
            count = cumulative;
        }
        e.sample("event_duration_seconds_sum", v.durationSumSeconds, view);
        e.sample("event_duration_seconds_count", double(count), view);
    }

    QMap<QString, int> presencesByTopic;
    for (const PresenceInfo &p : snapshot.presences)
        presencesByTopic[p.topic] += int(p.metas.size());
    e.family("presences", "gauge", "Tracked presences (metas) per topic, all nodes.");
    for (auto it = presencesByTopic.cbegin(); it != presencesByTopic.cend(); ++it)
        e.sample("presences", it.value(), "topic=" + label(it.key()));
    e.family("topic_subscribers", "gauge", "Local subscribers per PubSub topic.");
    for (const TopicInfo &t : snapshot.topics)
        e.sample("topic_subscribers", t.localSubscribers, "topic=" + label(t.name));
    e.family("cluster_nodes", "gauge", "Nodes alive in the cluster (0 without Redis).");
    int alive = 0;
    for (const NodeInfo &n : snapshot.nodes)
        alive += n.alive ? 1 : 0;
    e.sample("cluster_nodes", alive);
    return e.take();
}

} // namespace liveview
