#pragma once
// Per-address token buckets: how many new connections (or joins) one address may start a second.

#include <QHash>
#include <QHostAddress>
#include <QMutex>

namespace liveview::internal {

// Shared by every worker thread, so guarded by a mutex: it is asked once per accepted
// connection or join, never per frame. Buckets of addresses quiet for a while are dropped, so
// the table stays as small as the set of recently active addresses.
class AddressRateLimiter
{
public:
    // `perSecond` events a second, with bursts of as many; loopback counts only if asked.
    AddressRateLimiter(int perSecond, bool includeLoopback);

    // True when `address` may start one more now (and counts it).
    bool allow(const QHostAddress &address);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 lastMs = 0;
    };
    void prune(qint64 nowMs);

    const double m_perSecond;
    const bool m_includeLoopback;
    QMutex m_mutex;
    QHash<QHostAddress, Bucket> m_buckets;
    qint64 m_lastPruneMs = 0;
};

} // namespace liveview::internal
