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

class Exposition
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_out += QByteArray("# HELP ") + name + ' ' + help + '\n';
        m_out += QByteArray("# TYPE ") + name + ' ' + type + '\n';
    }
    void sample(const QByteArray &name, double value, const QByteArray &labels = {})
    {
        m_out += name;
        if (!labels.isEmpty())
            m_out += '{' + labels + '}';
        m_out += ' ' + number(value) + '\n';
    }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

} // namespace

QByteArray prometheusMetrics(const MonitorSnapshot &snapshot)
{
    Exposition e;
    const ServerInfo &s = snapshot.server;
    e.family("livedeck_info", "gauge", "Version and node of this LiveDeck server.");
    e.sample("livedeck_info", 1, "version=" + label(s.version) + ",node=" + label(s.nodeId));
    e.family("livedeck_uptime_seconds", "gauge", "Seconds since the server started.");
    e.sample("livedeck_uptime_seconds", double(s.uptimeSeconds));
    e.family("livedeck_resident_memory_bytes", "gauge", "Resident set size of the process.");
    e.sample("livedeck_resident_memory_bytes", double(s.rssBytes));
    e.family("livedeck_connections", "gauge", "Open WebSocket connections.");
    e.sample("livedeck_connections", s.connections);
    e.family("livedeck_connection_limit", "gauge", "Most WebSocket connections accepted at once.");
    e.sample("livedeck_connection_limit", s.connectionCap);
    e.family("livedeck_draining", "gauge", "1 while new sockets are refused.");
    e.sample("livedeck_draining", s.draining ? 1 : 0);
    e.family("livedeck_received_bytes_total", "counter", "WebSocket payload bytes received.");
    e.sample("livedeck_received_bytes_total", double(s.bytesInTotal));
    e.family("livedeck_sent_bytes_total", "counter", "WebSocket payload bytes sent.");
    e.sample("livedeck_sent_bytes_total", double(s.bytesOutTotal));
    e.family("livedeck_broadcasts_total", "counter", "PubSub broadcasts delivered on this node.");
    e.sample("livedeck_broadcasts_total", double(s.broadcastsTotal));

    QMap<QString, int> joinedByRoute;
    for (const SessionInfo &session : snapshot.sessions)
        if (session.state == SessionState::Joined || session.state == SessionState::Restarted)
            ++joinedByRoute[session.route];
    e.family("livedeck_joined_views", "gauge", "Joined live views per route.");
    for (auto it = joinedByRoute.cbegin(); it != joinedByRoute.cend(); ++it)
        e.sample("livedeck_joined_views", it.value(), "route=" + label(it.key()));

    e.family("livedeck_events_total", "counter", "Browser events handled per view class.");
    for (const ViewClassStats &v : snapshot.viewClasses)
        e.sample("livedeck_events_total", double(v.events), "view=" + label(v.viewClass));
    e.family("livedeck_view_crashes_total", "counter", "Views that threw, per view class.");
    for (const ViewClassStats &v : snapshot.viewClasses)
        e.sample("livedeck_view_crashes_total", double(v.crashes), "view=" + label(v.viewClass));
    e.family("livedeck_event_duration_seconds", "histogram",
             "Time to handle a browser event and render its diff, per view class.");
    for (const ViewClassStats &v : snapshot.viewClasses) {
        const QByteArray view = "view=" + label(v.viewClass);
        quint64 count = 0;
        for (const auto &[bound, cumulative] : v.durationBuckets) {
            e.sample("livedeck_event_duration_seconds_bucket", double(cumulative),
                     view + ",le=\"" + number(bound) + '"');
            count = cumulative;
        }
        e.sample("livedeck_event_duration_seconds_sum", v.durationSumSeconds, view);
        e.sample("livedeck_event_duration_seconds_count", double(count), view);
    }

    QMap<QString, int> presencesByTopic;
    for (const PresenceInfo &p : snapshot.presences)
        presencesByTopic[p.topic] += int(p.metas.size());
    e.family("livedeck_presences", "gauge", "Tracked presences (metas) per topic, all nodes.");
    for (auto it = presencesByTopic.cbegin(); it != presencesByTopic.cend(); ++it)
        e.sample("livedeck_presences", it.value(), "topic=" + label(it.key()));
    e.family("livedeck_topic_subscribers", "gauge", "Local subscribers per PubSub topic.");
    for (const TopicInfo &t : snapshot.topics)
        e.sample("livedeck_topic_subscribers", t.localSubscribers, "topic=" + label(t.name));
    e.family("livedeck_cluster_nodes", "gauge", "Nodes alive in the cluster (0 without Redis).");
    int alive = 0;
    for (const NodeInfo &n : snapshot.nodes)
        alive += n.alive ? 1 : 0;
    e.sample("livedeck_cluster_nodes", alive);
    return e.take();
}

} // namespace liveview
