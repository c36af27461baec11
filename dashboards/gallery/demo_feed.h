#pragma once
// Made-up data for the /widgets gallery: a service fleet whose traffic wanders, sampled once a
// second (and a fast signal of 200 points a second for the stress chart), broadcast to every
// gallery page like the dashboards' feed. Histories live here, so a gallery page mounts full.

#include <livedeck/widgets/time_series.h>

#include <QMutex>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>
#include <QVariantMap>

namespace livedeck::dashboards {

class DemoFeed : public QObject
{
    Q_OBJECT
public:
    static QString topic() { return QStringLiteral("livedeck:widgets-demo"); }
    static constexpr int servicesCount = 1000;
    static constexpr int stressPointsPerSecond = 200;

    explicit DemoFeed(QObject *parent = nullptr);
    static DemoFeed *instance();
    static void setInstance(DemoFeed *feed);

    // The slow sample every second and the stress signal every 100 ms (20 points each).
    void start();
    void stop();
    void sampleNow(qint64 nowMs);
    // Appends `points` samples of the stress signal ending at nowMs and broadcasts the chart.
    void stressNow(qint64 nowMs, int points);
    QVariantMap latest() const;
    QVariantMap latestStress() const;
    // The fleet, one row per service (for the table widget).
    QVariantList services() const;

private:
    QRandomGenerator m_random{20261202};
    // m_stress is read by latestStress() from page threads: it is touched under m_lock.
    QTimer m_slow, m_fast;
    widgets::TimeSeries m_traffic, m_latency, m_stress;
    double m_requests = 420, m_errors = 2, m_p95 = 38, m_cpu = 35, m_queue = 120;
    double m_stressPhase = 0;
    quint64 m_logSeq = 0;
    QVariantList m_log;
    QVariantList m_services;
    mutable QMutex m_lock;
    QVariantMap m_latest;
    qint64 m_stressAtMs = 0;
};

} // namespace livedeck::dashboards
