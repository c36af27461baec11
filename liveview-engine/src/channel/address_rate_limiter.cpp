// Token buckets per client address, refilled continuously at the configured rate.
#include "address_rate_limiter.h"

#include <QDeadlineTimer>
#include <QMutexLocker>

namespace liveview::internal {

AddressRateLimiter::AddressRateLimiter(int perSecond, bool includeLoopback)
    : m_perSecond(qMax(1, perSecond)), m_includeLoopback(includeLoopback)
{
}

bool AddressRateLimiter::allow(const QHostAddress &address)
{
    if (!m_includeLoopback && address.isLoopback())
        return true;
    const qint64 now = QDeadlineTimer::current().deadline();
    QMutexLocker lock(&m_mutex);
    if (now - m_lastPruneMs > 10000)
        prune(now);
    auto it = m_buckets.find(address);
    if (it == m_buckets.end())
        it = m_buckets.insert(address, Bucket{m_perSecond, now});
    Bucket &b = *it;
    b.tokens = qMin(m_perSecond, b.tokens + double(now - b.lastMs) * m_perSecond / 1000.0);
    b.lastMs = now;
    if (b.tokens < 1.0)
        return false;
    b.tokens -= 1.0;
    return true;
}

void AddressRateLimiter::prune(qint64 nowMs)
{
    m_lastPruneMs = nowMs;
    // A bucket idle for more than a second is full again: forgetting it changes nothing.
    for (auto it = m_buckets.begin(); it != m_buckets.end();)
        it = nowMs - it->lastMs > 1000 ? m_buckets.erase(it) : std::next(it);
}

} // namespace liveview::internal
