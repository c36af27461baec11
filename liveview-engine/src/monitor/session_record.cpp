// A session's counters, event history and end state, safe to read from a snapshot thread.
#include "session_record.h"

#include "view_class_counters.h"

#include <QDateTime>
#include <QMutexLocker>
#include <array>
#include <cmath>

namespace liveview::internal {
namespace {

constexpr int recentEventCount = 16;
constexpr int bucketCount = 32;
constexpr qint64 windowMs = 60 * 1000;

// Bucket i holds durations up to 0.01 ms * 1.5^i (about 2.9 s for the last): +-25 % is enough to
// tell a 1 ms view from a 10 ms one, and 32 counters per window cost 128 bytes.
double bucketUpperMs(int i)
{
    return 0.01 * std::pow(1.5, i);
}

int bucketFor(double ms)
{
    if (ms <= 0.01)
        return 0;
    const int i = int(std::ceil(std::log(ms / 0.01) / std::log(1.5)));
    return std::min(i, bucketCount - 1);
}

} // namespace

struct SessionRecord::History
{
    struct Recent
    {
        qint64 atMs;
        QString name;
        float durationMs;
    };
    std::array<Recent, recentEventCount> recent{};
    int recentNext = 0;
    int recentCount = 0;
    // Two one-minute windows: percentiles read both, so they always span the last minute.
    std::array<quint32, bucketCount> current{};
    std::array<quint32, bucketCount> previous{};
    qint64 currentStartMs = 0;

    void roll(qint64 now)
    {
        if (now - currentStartMs < windowMs)
            return;
        if (now - currentStartMs < 2 * windowMs)
            previous = current;
        else
            previous.fill(0);
        current.fill(0);
        currentStartMs = now;
    }

    double percentile(double q) const
    {
        quint64 total = 0;
        for (int i = 0; i < bucketCount; ++i)
            total += current[size_t(i)] + previous[size_t(i)];
        if (total == 0)
            return 0;
        const quint64 rank = quint64(std::ceil(q * double(total)));
        quint64 seen = 0;
        for (int i = 0; i < bucketCount; ++i) {
            seen += current[size_t(i)] + previous[size_t(i)];
            if (seen >= rank)
                return bucketUpperMs(i);
        }
        return bucketUpperMs(bucketCount - 1);
    }
};

SessionRecord::SessionRecord(quint64 id, std::shared_ptr<const ConnectionStats> connection)
    : id(id), connection(std::move(connection))
{
}

SessionRecord::~SessionRecord() = default;

void SessionRecord::countIn(qsizetype bytes)
{
    framesIn.fetch_add(1, std::memory_order_relaxed);
    bytesIn.fetch_add(quint64(bytes), std::memory_order_relaxed);
}

void SessionRecord::countOut(qsizetype bytes)
{
    framesOut.fetch_add(1, std::memory_order_relaxed);
    bytesOut.fetch_add(quint64(bytes), std::memory_order_relaxed);
    lastFrameOutBytes.store(quint64(bytes), std::memory_order_relaxed);
}

void SessionRecord::noteEvent(const QString &name, double durationMs)
{
    events.fetch_add(1, std::memory_order_relaxed);
    if (viewClassCounters)
        viewClassCounters->noteEvent(durationMs);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    if (!m_history)
        m_history = std::make_unique<History>();
    History &h = *m_history;
    h.roll(now);
    ++h.current[size_t(bucketFor(durationMs))];
    h.recent[size_t(h.recentNext)] = {now, name, float(durationMs)};
    h.recentNext = (h.recentNext + 1) % recentEventCount;
    h.recentCount = std::min(h.recentCount + 1, recentEventCount);
}

void SessionRecord::setUser(const QString &user)
{
    QMutexLocker lock(&m_mutex);
    m_user = user;
}

void SessionRecord::addTopic(const QString &topic)
{
    QMutexLocker lock(&m_mutex);
    if (!m_topics.contains(topic))
        m_topics.append(topic);
}

void SessionRecord::removeTopic(const QString &topic)
{
    QMutexLocker lock(&m_mutex);
    m_topics.removeAll(topic);
}

void SessionRecord::end(SessionState state, const QString &reason)
{
    QMutexLocker lock(&m_mutex);
    if (m_state == SessionState::Crashed || m_state == SessionState::Left)
        return; // the first end wins: a crash is followed by the channel's destruction
    m_state = state;
    m_endedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_endReason = reason;
}

qint64 SessionRecord::endedAtMs() const
{
    QMutexLocker lock(&m_mutex);
    return m_endedAtMs;
}

bool SessionRecord::hasUser(const QString &user) const
{
    QMutexLocker lock(&m_mutex);
    return m_user == user;
}

SessionInfo SessionRecord::info(bool withRecent) const
{
    SessionInfo s;
    s.id = id;
    s.topic = topic;
    s.route = route;
    s.path = path;
    s.viewClass = viewClass;
    s.browserSession = browserSession;
    s.restarts = restarts;
    if (connection) {
        s.remoteAddress = connection->remoteAddress;
        s.userAgent = connection->userAgent;
        s.connectedSince = QDateTime::fromMSecsSinceEpoch(connection->connectedAtMs, Qt::UTC);
        s.heartbeatRttMs = connection->heartbeatRttMs.load(std::memory_order_relaxed);
    }
    s.events = events.load(std::memory_order_relaxed);
    s.framesIn = framesIn.load(std::memory_order_relaxed);
    s.framesOut = framesOut.load(std::memory_order_relaxed);
    s.bytesIn = bytesIn.load(std::memory_order_relaxed);
    s.bytesOut = bytesOut.load(std::memory_order_relaxed);
    s.lastDiffBytes = lastFrameOutBytes.load(std::memory_order_relaxed);
    QMutexLocker lock(&m_mutex);
    s.user = m_user;
    s.topics = m_topics;
    s.state = m_state == SessionState::Joined && restarts > 0 ? SessionState::Restarted : m_state;
    if (m_endedAtMs)
        s.endedAt = QDateTime::fromMSecsSinceEpoch(m_endedAtMs, Qt::UTC);
    s.endReason = m_endReason;
    if (m_history) {
        const_cast<History &>(*m_history).roll(QDateTime::currentMSecsSinceEpoch());
        s.eventP50Ms = m_history->percentile(0.5);
        s.eventP99Ms = m_history->percentile(0.99);
        if (withRecent) {
            const History &h = *m_history;
            for (int i = h.recentCount; i > 0; --i) {
                const auto &r =
                    h.recent[size_t((h.recentNext - i + recentEventCount) % recentEventCount)];
                s.recent.append(
                    {QDateTime::fromMSecsSinceEpoch(r.atMs, Qt::UTC), r.name, r.durationMs});
            }
        }
    }
    return s;
}

} // namespace liveview::internal
