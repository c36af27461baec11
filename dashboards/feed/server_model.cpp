// The server part of the feed's model: the monitor's figures, their rates and histories
// (connections, RSS, events/s, event duration percentiles, bytes in/out, per view class).
#include "dashboard_feed.h"

#include <livedeck/widgets/format.h>

#include <QLocale>

namespace livedeck::dashboards {

namespace {
constexpr int listLimit = 500; // topics and presences shown; the page says when there are more

// Sums the view classes' cumulative duration histograms (they share bounds).
QList<std::pair<double, quint64>> summedBuckets(const QList<liveview::ViewClassStats> &classes)
{
    QList<std::pair<double, quint64>> sum;
    for (const liveview::ViewClassStats &c : classes) {
        if (sum.isEmpty())
            for (const auto &b : c.durationBuckets)
                sum.append({b.first, 0});
        for (int i = 0; i < std::min(sum.size(), c.durationBuckets.size()); ++i)
            sum[i].second += c.durationBuckets[i].second;
    }
    return sum;
}

// The q-quantile in ms of the events counted between two cumulative histograms, interpolated
// within its bucket (as Prometheus' histogram_quantile does). 0 when nothing happened.
double quantileMs(const QList<std::pair<double, quint64>> &before,
                  const QList<std::pair<double, quint64>> &after, double q)
{
    if (after.isEmpty())
        return 0;
    const auto countAt = [&](int i) {
        const quint64 b = i < before.size() ? before[i].second : 0;
        return after[i].second >= b ? after[i].second - b : 0;
    };
    const double total = double(countAt(int(after.size()) - 1));
    if (total <= 0)
        return 0;
    const double rank = q * total;
    double lowerBound = 0, lowerCount = 0;
    for (int i = 0; i < after.size(); ++i) {
        const double count = double(countAt(i));
        const double bound = after[i].first;
        if (count >= rank) {
            if (!std::isfinite(bound))
                return lowerBound * 1000;
            const double within =
                count > lowerCount ? (rank - lowerCount) / (count - lowerCount) : 1;
            return (lowerBound + (bound - lowerBound) * within) * 1000;
        }
        lowerBound = std::isfinite(bound) ? bound : lowerBound;
        lowerCount = count;
    }
    return lowerBound * 1000;
}

double perSecond(quint64 after, quint64 before, double seconds)
{
    return seconds > 0 && after >= before ? double(after - before) / seconds : 0;
}
} // namespace

QVariantMap DashboardFeed::serverModel(const liveview::MonitorSnapshot &snap, qint64 nowMs)
{
    const liveview::ServerInfo &s = snap.server;
    const double seconds = m_previousServerMs > 0 ? (nowMs - m_previousServerMs) / 1000.0 : 0;
    int liveViews = 0;
    for (const liveview::SessionInfo &session : snap.sessions)
        liveViews += session.state == liveview::SessionState::Joined ||
                     session.state == liveview::SessionState::Restarted;
    const double eventsPerSecond = perSecond(s.eventsTotal, m_previousServer.eventsTotal, seconds);
    const double broadcastsPerSecond =
        perSecond(s.broadcastsTotal, m_previousServer.broadcastsTotal, seconds);
    const double inPerSecond = perSecond(s.bytesInTotal, m_previousServer.bytesInTotal, seconds);
    const double outPerSecond = perSecond(s.bytesOutTotal, m_previousServer.bytesOutTotal, seconds);
    const auto buckets = summedBuckets(snap.viewClasses);
    const double p50 = quantileMs(m_previousBuckets, buckets, 0.5);
    const double p95 = quantileMs(m_previousBuckets, buckets, 0.95);
    const double p99 = quantileMs(m_previousBuckets, buckets, 0.99);

    m_connections.append(nowMs, {double(s.connections), double(liveViews)});
    m_rss.append(nowMs, {double(s.rssBytes)});
    m_events.append(nowMs, {eventsPerSecond, broadcastsPerSecond});
    m_durations.append(nowMs, {p50, p95, p99});
    m_bytes.append(nowMs, {inPerSecond, outPerSecond});

    QVariantList classes;
    QMap<QString, quint64> classEvents;
    for (const liveview::ViewClassStats &c : snap.viewClasses) {
        classEvents.insert(c.viewClass, c.events);
        const double rate =
            perSecond(c.events, m_previousClassEvents.value(c.viewClass, c.events), seconds);
        const double meanMs = c.events ? c.durationSumSeconds * 1000 / double(c.events) : 0;
        classes.append(QVariantMap{{QStringLiteral("id"), c.viewClass},
                                   {QStringLiteral("view"), c.viewClass},
                                   {QStringLiteral("joined"), c.joined},
                                   {QStringLiteral("events"), double(c.events)},
                                   {QStringLiteral("rate"), rate},
                                   {QStringLiteral("rate_text"), QString::number(rate, 'f', 1)},
                                   {QStringLiteral("crashes"), double(c.crashes)},
                                   {QStringLiteral("mean"), meanMs},
                                   {QStringLiteral("mean_text"), widgets::formatMs(meanMs)}});
    }
    QVariantList topics;
    for (const liveview::TopicInfo &t : snap.topics) {
        if (topics.size() >= listLimit)
            break;
        topics.append(
            QVariantMap{{QStringLiteral("id"), t.name},
                        {QStringLiteral("topic"), t.name},
                        {QStringLiteral("subscribers"), t.localSubscribers},
                        {QStringLiteral("rate"), t.messagesPerSecond},
                        {QStringLiteral("rate_text"), QString::number(t.messagesPerSecond, 'f', 1)},
                        {QStringLiteral("bytes"), t.bytesPerSecond},
                        {QStringLiteral("bytes_text"), widgets::formatRate(t.bytesPerSecond)},
                        {QStringLiteral("messages"), double(t.messages)},
                        {QStringLiteral("scope"),
                         t.clusterWide ? QStringLiteral("cluster") : QStringLiteral("local")},
                        {QStringLiteral("scope_tone"),
                         t.clusterWide ? QStringLiteral("info") : QStringLiteral("muted")}});
    }
    QVariantList presences;
    for (const liveview::PresenceInfo &p : snap.presences) {
        if (presences.size() >= listLimit)
            break;
        presences.append(QVariantMap{
            {QStringLiteral("id"), p.topic + QLatin1Char('/') + p.key + QLatin1Char('/') + p.node},
            {QStringLiteral("topic"), p.topic},
            {QStringLiteral("key"), p.key},
            {QStringLiteral("metas"), int(p.metas.size())},
            {QStringLiteral("node"), p.node},
            {QStringLiteral("since"), p.since.toMSecsSinceEpoch()},
            {QStringLiteral("since_text"),
             p.since.toLocalTime().toString(QStringLiteral("HH:mm:ss"))}});
    }
    QVariantList nodes;
    for (const liveview::NodeInfo &n : snap.nodes)
        nodes.append(QVariantMap{{QStringLiteral("id"), n.id},
                                 {QStringLiteral("address"), n.address},
                                 {QStringLiteral("sessions"), n.sessions},
                                 {QStringLiteral("alive"), n.alive},
                                 {QStringLiteral("self"), n.self}});
    m_previousServer = s;
    m_previousBuckets = buckets;
    m_previousClassEvents = classEvents;
    m_previousServerMs = nowMs;
    return {{QStringLiteral("version"), s.version},
            {QStringLiteral("node"), s.nodeId},
            {QStringLiteral("listen"), s.listenUrl},
            {QStringLiteral("uptime"), widgets::formatDuration(s.uptimeSeconds)},
            {QStringLiteral("started"), s.startedAt.toLocalTime().toString(Qt::ISODate)},
            {QStringLiteral("running"), s.running},
            {QStringLiteral("draining"), s.draining},
            {QStringLiteral("read_only"), s.readOnly},
            {QStringLiteral("connections"), s.connections},
            {QStringLiteral("cap"), s.connectionCap},
            {QStringLiteral("fd_limit"), s.fdLimit},
            {QStringLiteral("threads"), s.workerThreads},
            {QStringLiteral("live_views"), liveViews},
            {QStringLiteral("topic_count"), int(snap.topics.size())},
            {QStringLiteral("presence_count"), int(snap.presences.size())},
            {QStringLiteral("redis"), s.redisLink},
            {QStringLiteral("rss"), double(s.rssBytes)},
            {QStringLiteral("rss_spark"),
             [&] {
                 QVariantList l;
                 for (const double v : m_rss.tail(0, 60))
                     l.append(v);
                 return l;
             }()},
            {QStringLiteral("events_per_second"), eventsPerSecond},
            {QStringLiteral("broadcasts_per_second"), broadcastsPerSecond},
            {QStringLiteral("bytes_in_per_second"), inPerSecond},
            {QStringLiteral("bytes_out_per_second"), outPerSecond},
            {QStringLiteral("p50"), p50},
            {QStringLiteral("p95"), p95},
            {QStringLiteral("p99"), p99},
            {QStringLiteral("events_total"), double(s.eventsTotal)},
            {QStringLiteral("nodes"), nodes},
            {QStringLiteral("topics"), topics},
            {QStringLiteral("presences"), presences},
            {QStringLiteral("view_classes"), classes},
            {QStringLiteral("connections_chart"), m_connections.chartModel()},
            {QStringLiteral("rss_chart"), m_rss.chartModel()},
            {QStringLiteral("events_chart"), m_events.chartModel()},
            {QStringLiteral("durations_chart"), m_durations.chartModel()},
            {QStringLiteral("bytes_chart"), m_bytes.chartModel()}};
}

} // namespace livedeck::dashboards
