#include "event_rate_probe.h"

#include "loadrunner.h"
#include "percentile.h"

#include <QStringView>
#include <algorithm>

namespace {
constexpr int kTickMs = 5;
constexpr int kDrainMs = 3000; // replies still owed after the last send are waited for this long

// The ref (second element) of a channel frame `["jr","ref","topic","event",{...}]`, or -1.
// A scan for quotes: parsing 10,000 frames a second as JSON would time the client.
qint64 refOf(QStringView frame)
{
    const qsizetype first = frame.indexOf(u'"');
    const qsizetype q = frame.indexOf(u'"', frame.indexOf(u'"', first + 1) + 1); // past join ref
    if (q < 0)
        return -1;
    const qsizetype end = frame.indexOf(u'"', q + 1);
    bool ok = false;
    const qint64 ref = frame.mid(q + 1, end - q - 1).toLongLong(&ok);
    return ok ? ref : -1;
}
} // namespace

EventRateProbe::EventRateProbe(LoadRunner &runner, QString event, int activeClients,
                               double perClientPerSecond, double seconds, QObject *parent)
    : QObject(parent), m_runner(runner), m_event(std::move(event)), m_activeClients(activeClients),
      m_rate(perClientPerSecond), m_seconds(seconds)
{
    m_ticker.setTimerType(Qt::PreciseTimer);
    m_ticker.setInterval(kTickMs);
    connect(&m_ticker, &QTimer::timeout, this, &EventRateProbe::tick);
    m_drain.setSingleShot(true);
    connect(&m_drain, &QTimer::timeout, this, &EventRateProbe::finish);
}

void EventRateProbe::start()
{
    m_clients = m_runner.joinedConnections();
    if (m_activeClients > 0 && int(m_clients.size()) > m_activeClients)
        m_clients.resize(size_t(m_activeClients));
    if (m_clients.empty() || m_rate <= 0 || m_seconds <= 0) {
        emit finished();
        return;
    }
    m_frameTail = QStringLiteral("\"event\",{\"type\":\"click\",\"event\":\"%1\",\"value\":{}}]")
                      .arg(m_event);
    m_runner.messageTap = [this](int c, const QString &f) { return onFrame(c, f); };
    m_sending = true;
    m_clock.start();
    m_ticker.start();
}

void EventRateProbe::tick()
{
    const double elapsed = double(m_clock.nsecsElapsed()) / 1e9;
    if (elapsed >= m_seconds) {
        m_ticker.stop();
        m_sending = false;
        m_result.seconds = qMax(m_result.seconds, elapsed);
        if (m_pending.isEmpty())
            finish();
        else
            m_drain.start(kDrainMs);
        return;
    }
    // As many as the schedule owes by now: a late tick catches up rather than lowering the rate.
    const qint64 owed = qint64(elapsed * m_rate * double(m_clients.size()));
    for (; m_due < owed; ++m_due) {
        const int c = m_clients[m_next];
        m_next = (m_next + 1) % m_clients.size();
        const QString ref = m_runner.nextRefOf(c);
        m_pending.insert(quint64(c) << 32 | quint64(ref.toLongLong()), m_clock.nsecsElapsed());
        m_runner.sendText(c, QStringLiteral("[\"4\",\"%1\",\"%2\",").arg(ref, m_runner.topicOf(c)) +
                                 m_frameTail);
        ++m_result.sent;
    }
}

bool EventRateProbe::onFrame(int connection, const QString &frame)
{
    if (frame.startsWith(u"[null,") || !frame.contains(u"\"phx_reply\""))
        return false; // heartbeat replies have no join ref
    const qint64 ref = refOf(frame);
    const auto it = m_pending.find(quint64(connection) << 32 | quint64(ref));
    if (ref < 0 || it == m_pending.end())
        return false; // a heartbeat's or the join's
    const qint64 now = m_clock.nsecsElapsed();
    m_latencies.push_back(float(double(now - *it) / 1e6));
    m_result.seconds = qMax(m_result.seconds, double(now) / 1e9); // until the last reply
    m_pending.erase(it);
    ++m_result.answered;
    if (!frame.contains(u"\"status\":\"ok\""))
        ++m_result.errors;
    if (!m_sending && m_pending.isEmpty())
        finish();
    return true;
}

void EventRateProbe::finish()
{
    if (!m_runner.messageTap)
        return;
    m_drain.stop();
    m_runner.messageTap = nullptr;
    m_result.p50Ms = percentile(m_latencies, 0.5);
    m_result.p90Ms = percentile(m_latencies, 0.9);
    m_result.p99Ms = percentile(m_latencies, 0.99);
    m_result.maxMs =
        m_latencies.empty() ? 0 : *std::max_element(m_latencies.begin(), m_latencies.end());
    emit finished();
}
