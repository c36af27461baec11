#pragma once
// The Server panel's figures over the last minutes, one sample per snapshot: rates come from the
// difference of the server's totals between two snapshots, event duration quantiles from the
// difference of the view classes' duration histograms (the events of that interval only).

#include <liveview/monitor.h>

#include <QList>

namespace livedeck::admin {

struct ServerSample
{
    QDateTime at;
    int connections = 0;
    double eventsPerSecond = 0;
    double bytesInPerSecond = 0;
    double bytesOutPerSecond = 0;
    double eventP50Ms = 0; // 0 when no event finished in the interval
    double eventP99Ms = 0;
    qint64 rssBytes = 0;
};

class ServerHistory
{
public:
    explicit ServerHistory(qint64 keepSeconds = 600) : m_keepSeconds(keepSeconds) {}

    // Returns false (and records nothing) for a snapshot not newer than the last one.
    bool add(const liveview::MonitorSnapshot &snapshot);
    const QList<ServerSample> &samples() const { return m_samples; }
    qint64 keepSeconds() const { return m_keepSeconds; }

    // The q-quantile (0..1) of the durations counted in cumulative buckets; linear within the
    // bucket it falls in, as Prometheus' histogram_quantile does. Seconds; 0 for no events.
    static double quantile(const QList<std::pair<double, quint64>> &cumulativeBuckets, double q);

private:
    qint64 m_keepSeconds;
    QList<ServerSample> m_samples;
    bool m_havePrevious = false;
    QDateTime m_previousAt;
    liveview::ServerInfo m_previous;
    QList<std::pair<double, quint64>> m_previousBuckets;
};

} // namespace livedeck::admin
