// A small, expiring, bounded, thread-safe hand-over of dead-render views to their socket joins.
#include "mount_cache.h"

#include "view_runtime.h"

namespace liveview::internal {

MountCache::MountCache(std::chrono::milliseconds ttl, int capacity, int perSession)
    : m_waiting(ttl, capacity, perSession)
{
}

MountCache::~MountCache() = default;

void MountCache::put(const QString &viewId, const QString &sessionId, const QString &path,
                     std::unique_ptr<ViewRuntime> runtime)
{
    // Views that leave are destroyed after the lock is released (a view's teardown untracks its
    // presences and cancels its work; no reason to hold other page loads meanwhile).
    std::vector<Waiting> leaving;
    const auto now = std::chrono::steady_clock::now();
    QMutexLocker locker(&m_mutex);
    m_waiting.put(viewId, sessionId, Waiting{path, std::move(runtime)}, now, &leaving);
    locker.unlock();
}

std::unique_ptr<ViewRuntime> MountCache::take(const QString &viewId, const QString &sessionId,
                                              const QString &path)
{
    std::vector<Waiting> leaving;
    Waiting found;
    const auto now = std::chrono::steady_clock::now();
    QMutexLocker locker(&m_mutex);
    const bool taken = m_waiting.take(viewId, sessionId, now, &found, &leaving);
    locker.unlock();
    if (!taken || found.path != path)
        return nullptr;
    return std::move(found.runtime);
}

int MountCache::size() const
{
    QMutexLocker locker(&m_mutex);
    return m_waiting.size();
}

int MountCache::sizeOf(const QString &sessionId) const
{
    QMutexLocker locker(&m_mutex);
    return m_waiting.sizeOf(sessionId);
}

} // namespace liveview::internal
