#pragma once
// The one sampler behind every dashboard: once a second it reads the system (/proc, statvfs) and
// the monitor (server, topics, presences, view classes), appends to the charts' histories and
// broadcasts one model on `topic()` to every dashboard page open anywhere in this process. The
// work per second is the same for one viewer or a thousand; the newest model is kept, so a page
// mounts (or reloads) with full charts.

#include "system_sampler.h"

#include <livedeck/widgets/time_series.h>

#include <QMutex>
#include <QObject>
#include <QTimer>
#include <QVariantMap>
#include <liveview/monitor.h>
#include <memory>

namespace livedeck::dashboards {

class DashboardFeed : public QObject
{
    Q_OBJECT
public:
    static QString topic() { return QStringLiteral("livedeck:dashboard"); }
    static constexpr int historySeconds = 300;

    explicit DashboardFeed(
        std::unique_ptr<SystemSampler> sampler = std::make_unique<SystemSampler>(),
        QObject *parent = nullptr);
    ~DashboardFeed() override;

    // The process's feed (created by registerDashboards); null before.
    static DashboardFeed *instance();
    static void setInstance(DashboardFeed *feed);

    // Samples every `intervalMs` from now on (on this object's thread).
    void start(int intervalMs = 1000);
    void stop();
    // Takes one sample now and broadcasts it (what the timer does; tests call it directly).
    void sampleNow(qint64 nowMs);
    // The newest model ({at_ms, system, server, metrics}); empty before the first sample.
    QVariantMap latest() const;
    quint64 samples() const { return m_samples; }

private:
    QVariantMap systemModel(const SystemCounters &now, const SystemRates &rates);
    QVariantMap serverModel(const liveview::MonitorSnapshot &snapshot, qint64 nowMs);

    std::unique_ptr<SystemSampler> m_sampler;
    QTimer m_timer;
    SystemCounters m_previous;
    bool m_havePrevious = false;
    quint64 m_samples = 0;
    // Histories (one per chart).
    widgets::TimeSeries m_cpu, m_load, m_memory, m_disk, m_network;
    widgets::TimeSeries m_connections, m_rss, m_events, m_durations, m_bytes;
    QList<double> m_coreHistory; // newest per-core figures for the bars
    // Monitor totals of the previous sample, for rates.
    liveview::ServerInfo m_previousServer;
    QList<std::pair<double, quint64>> m_previousBuckets;
    QMap<QString, quint64> m_previousClassEvents;
    qint64 m_previousServerMs = 0;
    mutable QMutex m_lock;
    QVariantMap m_latest;
};

} // namespace livedeck::dashboards
