// A small, expiring, bounded, thread-safe hand-over of dead-render views to their socket joins.
#include "mount_cache.h"

#include "view_runtime.h"

#include <QThread>

namespace liveview::internal {

MountCache::MountCache(std::chrono::milliseconds ttl, int capacity, int perSession)
    : m_waiting(ttl, capacity, perSession)
{
}

MountCache::~MountCache() = default;

namespace {
const void *currentThreadKey()
{
    return QThread::currentThreadId();
}
} // namespace

std::vector<MountCache::Waiting> MountCache::buryLocked(std::vector<Waiting> leaving)
{
    const void *here = currentThreadKey();
    std::vector<Waiting> mine;
    if (auto own = m_graveyards.find(here); own != m_graveyards.end()) {
        mine = std::move(own->second);
        m_graveyards.erase(own);
    }
    for (Waiting &w : leaving) {
        if (w.home == here)
            mine.push_back(std::move(w));
        else
            m_graveyards[w.home].push_back(std::move(w));
    }
    return mine;
}

void MountCache::put(const QString &viewId, const QString &sessionId, const QString &path,
                     std::unique_ptr<ViewRuntime> runtime)
{
    // Views that leave are destroyed after the lock is released (a view's teardown untracks its
    // presences and cancels its work; no reason to hold other page loads meanwhile).
    std::vector<Waiting> leaving;
    const auto now = std::chrono::steady_clock::now();
    QMutexLocker locker(&m_mutex);
    m_waiting.put(viewId, sessionId, Waiting{path, std::move(runtime), currentThreadKey()}, now,
                  &leaving);
    std::vector<Waiting> destroyHere = buryLocked(std::move(leaving));
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
    std::vector<Waiting> destroyHere = buryLocked(std::move(leaving));
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
