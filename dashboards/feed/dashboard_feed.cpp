// The shared sampler: timer, histories and the broadcast (see dashboard_feed.h).
#include "dashboard_feed.h"

#include <QDateTime>
#include <liveview/pubsub.h>

namespace livedeck::dashboards {

namespace {
DashboardFeed *s_instance = nullptr;
}

DashboardFeed::DashboardFeed(std::unique_ptr<SystemSampler> sampler, QObject *parent)
    : QObject(parent), m_sampler(std::move(sampler)),
      m_cpu({QStringLiteral("busy"), QStringLiteral("user"), QStringLiteral("system"),
             QStringLiteral("iowait")},
            historySeconds, historySeconds),
      m_load({QStringLiteral("1 min"), QStringLiteral("5 min"), QStringLiteral("15 min")},
             historySeconds, historySeconds),
      m_memory({QStringLiteral("used"), QStringLiteral("cached"), QStringLiteral("swap used")},
               historySeconds, historySeconds),
      m_disk({QStringLiteral("read"), QStringLiteral("write")}, historySeconds, historySeconds),
      m_network({QStringLiteral("received"), QStringLiteral("sent")}, historySeconds,
                historySeconds),
      m_connections({QStringLiteral("connections"), QStringLiteral("live views")}, historySeconds,
                    historySeconds),
      m_rss({QStringLiteral("RSS")}, historySeconds, historySeconds),
      m_events({QStringLiteral("events/s"), QStringLiteral("broadcasts/s")}, historySeconds,
               historySeconds),
      m_durations({QStringLiteral("p50"), QStringLiteral("p95"), QStringLiteral("p99")},
                  historySeconds, historySeconds),
      m_bytes({QStringLiteral("in"), QStringLiteral("out")}, historySeconds, historySeconds)
{
    m_cpu.setUnit(QStringLiteral("%"));
    m_cpu.setMinimumCeiling(100);
    m_memory.setUnit(QStringLiteral("B"));
    m_disk.setUnit(QStringLiteral("B/s"));
    m_network.setUnit(QStringLiteral("B/s"));
    m_rss.setUnit(QStringLiteral("B"));
    m_durations.setUnit(QStringLiteral("ms"));
    m_bytes.setUnit(QStringLiteral("B/s"));
    m_load.setMinimumCeiling(1);
    m_connections.setMinimumCeiling(10);
    m_events.setMinimumCeiling(10);
    m_durations.setMinimumCeiling(1);
    connect(&m_timer, &QTimer::timeout, this,
            [this] { sampleNow(QDateTime::currentMSecsSinceEpoch()); });
}

DashboardFeed::~DashboardFeed()
{
    if (s_instance == this)
        s_instance = nullptr;
}

DashboardFeed *DashboardFeed::instance()
{
    return s_instance;
}

void DashboardFeed::setInstance(DashboardFeed *feed)
{
    s_instance = feed;
}

void DashboardFeed::start(int intervalMs)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.start(intervalMs);
    sampleNow(QDateTime::currentMSecsSinceEpoch());
}

void DashboardFeed::stop()
{
    m_timer.stop();
}

void DashboardFeed::sampleNow(qint64 nowMs)
{
    const SystemCounters now = m_sampler->read(nowMs);
    const SystemRates rates =
        m_havePrevious ? SystemSampler::rates(m_previous, now) : SystemRates{};
    m_previous = now;
    m_havePrevious = true;
    const liveview::MonitorSnapshot snapshot = liveview::Monitor::instance()->snapshot(
        liveview::Monitor::Server | liveview::Monitor::Sessions | liveview::Monitor::Topics |
        liveview::Monitor::Presences | liveview::Monitor::Nodes | liveview::Monitor::ViewClasses);
    QVariantMap model{{QStringLiteral("at_ms"), nowMs},
                      {QStringLiteral("system"), systemModel(now, rates)},
                      {QStringLiteral("server"), serverModel(snapshot, nowMs)}};
    ++m_samples;
    {
        QMutexLocker locker(&m_lock);
        m_latest = model;
    }
    // This node's dashboards only: the figures are this process's.
    liveview::PubSub::localBroadcast(topic(), model);
}

QVariantMap DashboardFeed::latest() const
{
    QMutexLocker locker(&m_lock);
    return m_latest;
}

} // namespace livedeck::dashboards
