// The gallery's made-up data (see demo_feed.h).
#include "demo_feed.h"

#include <QDateTime>
#include <cmath>
#include <liveview/pubsub.h>

namespace livedeck::dashboards {

namespace {
DemoFeed *s_instance = nullptr;

const QStringList regions{QStringLiteral("eu-west"), QStringLiteral("us-east"),
                          QStringLiteral("ap-south"), QStringLiteral("eu-central")};
const QStringList kinds{QStringLiteral("api"), QStringLiteral("worker"), QStringLiteral("web"),
                        QStringLiteral("cache"), QStringLiteral("queue")};

double wander(QRandomGenerator &r, double value, double low, double high, double step)
{
    return std::clamp(value + (r.generateDouble() - 0.5) * 2 * step, low, high);
}

QVariantList toList(const QList<double> &values)
{
    QVariantList out;
    for (const double v : values)
        out.append(v);
    return out;
}
} // namespace

DemoFeed::DemoFeed(QObject *parent)
    : QObject(parent),
      m_traffic({QStringLiteral("requests/s"), QStringLiteral("errors/s")}, 300, 120),
      m_latency({QStringLiteral("p50"), QStringLiteral("p95")}, 300, 120),
      m_stress({QStringLiteral("signal"), QStringLiteral("noise")}, 2000, 10)
{
    m_latency.setUnit(QStringLiteral("ms"));
    m_stress.setMinimumCeiling(2);
    for (int i = 0; i < servicesCount; ++i) {
        const double cpu = m_random.bounded(95.0);
        m_services.append(QVariantMap{
            {QStringLiteral("id"), i + 1},
            {QStringLiteral("name"), QStringLiteral("%1-%2")
                                         .arg(kinds[i % kinds.size()])
                                         .arg(i + 1, 4, 10, QLatin1Char('0'))},
            {QStringLiteral("region"), regions[(i * 7) % regions.size()]},
            {QStringLiteral("cpu"), std::round(cpu * 10) / 10},
            {QStringLiteral("cpu_text"), QString::number(cpu, 'f', 1) + QLatin1Char('%')},
            {QStringLiteral("rps"), int(m_random.bounded(2000))},
            {QStringLiteral("status"), cpu > 85   ? QStringLiteral("critical")
                                       : cpu > 70 ? QStringLiteral("busy")
                                                  : QStringLiteral("ok")},
            {QStringLiteral("status_tone"), cpu > 85   ? QStringLiteral("critical")
                                            : cpu > 70 ? QStringLiteral("warn")
                                                       : QStringLiteral("ok")}});
    }
    // A full history from the start: the gallery shows its charts full on the first visit too.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int s = 120; s > 0; --s)
        sampleNow(now - s * 1000);
    stressNow(now, stressPointsPerSecond * 10);
    connect(&m_slow, &QTimer::timeout, this,
            [this] { sampleNow(QDateTime::currentMSecsSinceEpoch()); });
    connect(&m_fast, &QTimer::timeout, this,
            [this] { stressNow(QDateTime::currentMSecsSinceEpoch(), stressPointsPerSecond / 10); });
}

DemoFeed *DemoFeed::instance()
{
    return s_instance;
}

void DemoFeed::setInstance(DemoFeed *feed)
{
    s_instance = feed;
}

void DemoFeed::start()
{
    m_slow.start(1000);
    m_fast.start(100);
}

void DemoFeed::stop()
{
    m_slow.stop();
    m_fast.stop();
}

void DemoFeed::sampleNow(qint64 nowMs)
{
    const double previousRequests = m_requests;
    m_requests = wander(m_random, m_requests, 120, 900, 35);
    m_errors = wander(m_random, m_errors, 0, 30, 1.5);
    m_p95 = wander(m_random, m_p95, 12, 160, 6);
    m_cpu = wander(m_random, m_cpu, 5, 98, 6);
    m_queue = wander(m_random, m_queue, 0, 1000, 40);
    m_traffic.append(nowMs, {m_requests, m_errors});
    m_latency.append(nowMs, {m_p95 * 0.45, m_p95});
    static const char *const levels[] = {"debug", "info", "info", "warning", "critical", "info"};
    static const char *const messages[] = {
        "GET /api/orders 200 in 12 ms",
        "worker picked job 1f3a (resize image)",
        "cache miss ratio 4.2% over the last minute",
        "slow query on orders_by_customer: 820 ms; consider an index on (customer_id, created_at)",
        "upstream payments-eu answered 503, retrying in 2 s",
        "health check passed for web-0042"};
    const int pick = int(m_random.bounded(6));
    m_log.append(
        QVariantMap{{QStringLiteral("seq"), ++m_logSeq},
                    {QStringLiteral("time"),
                     QDateTime::fromMSecsSinceEpoch(nowMs).toString(QStringLiteral("HH:mm:ss"))},
                    {QStringLiteral("level"), QLatin1String(levels[pick])},
                    {QStringLiteral("category"), QStringLiteral("fleet")},
                    {QStringLiteral("message"), QLatin1String(messages[pick])}});
    // Rebuilt rather than removeFirst(): see TimeSeries::append (Qt 6.4's QList keeps front space
    // that a shared list's next append grows past).
    if (m_log.size() > 200)
        m_log = decltype(m_log)(m_log.cend() - 200, m_log.cend());
    QVariantList bars;
    for (int i = 0; i < 8; ++i)
        bars.append(
            QVariantMap{{QStringLiteral("label"), kinds[i % kinds.size()] + QString::number(i + 1)},
                        {QStringLiteral("value"),
                         std::clamp(m_cpu + 25 * std::sin(i * 1.7 + nowMs / 4000.0), 1.0, 100.0)}});
    const QVariantMap model{
        {QStringLiteral("at_ms"), nowMs},
        {QStringLiteral("requests"), std::round(m_requests)},
        {QStringLiteral("requests_trend"),
         previousRequests > 0 ? (m_requests - previousRequests) / previousRequests * 100 : 0},
        {QStringLiteral("requests_spark"), toList(m_traffic.tail(0, 40))},
        {QStringLiteral("errors"), m_errors / std::max(1.0, m_requests) * 100},
        {QStringLiteral("p95"), m_p95},
        {QStringLiteral("cpu"), m_cpu},
        {QStringLiteral("queue"), m_queue},
        {QStringLiteral("traffic_chart"), m_traffic.chartModel()},
        {QStringLiteral("latency_chart"), m_latency.chartModel()},
        {QStringLiteral("bars"), bars},
        {QStringLiteral("log"), m_log}};
    {
        QMutexLocker locker(&m_lock);
        m_latest = model;
    }
    liveview::PubSub::localBroadcast(topic(), model);
}

void DemoFeed::stressNow(qint64 nowMs, int points)
{
    QMutexLocker locker(&m_lock); // latestStress() reads the series from page threads
    for (int i = points - 1; i >= 0; --i) {
        m_stressPhase += 2 * M_PI / stressPointsPerSecond;
        m_stress.append(nowMs - i * 1000 / stressPointsPerSecond,
                        {1 + 0.8 * std::sin(m_stressPhase), 0.5 + m_random.generateDouble() * 0.4});
    }
    m_stressAtMs = nowMs;
    // Ten times a second: the model is built only while a gallery page is open to show it.
    if (liveview::PubSub::subscriberCount(topic()) == 0)
        return;
    const QVariantMap model{{QStringLiteral("stress_at_ms"), nowMs},
                            {QStringLiteral("stress_chart"), m_stress.chartModel()}};
    locker.unlock();
    liveview::PubSub::localBroadcast(topic(), model);
}

QVariantMap DemoFeed::latest() const
{
    QMutexLocker locker(&m_lock);
    return m_latest;
}

QVariantMap DemoFeed::latestStress() const
{
    QMutexLocker locker(&m_lock);
    return {{QStringLiteral("stress_at_ms"), m_stressAtMs},
            {QStringLiteral("stress_chart"), m_stress.chartModel()}};
}

QVariantList DemoFeed::services() const
{
    return m_services; // fixed after construction: read from any thread
}

} // namespace livedeck::dashboards
