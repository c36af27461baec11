// A small, expiring, thread-safe hand-over of dead-render views to their socket joins.
#include "mount_cache.h"

#include "view_runtime.h"

namespace liveview::internal {

using Clock = std::chrono::steady_clock;

struct MountCache::Entry
{
    QString sessionId;
    QString path;
    Clock::time_point expires;
    std::unique_ptr<ViewRuntime> runtime;
};

MountCache::MountCache(std::chrono::milliseconds ttl, int capacity)
    : m_ttl(ttl), m_capacity(capacity)
{
}

MountCache::~MountCache() = default;

std::vector<std::shared_ptr<MountCache::Entry>> MountCache::takeExpired()
{
    std::vector<std::shared_ptr<Entry>> expired;
    const auto now = Clock::now();
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if ((*it)->expires <= now) {
            expired.push_back(std::move(*it));
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    return expired;
}

void MountCache::put(const QString &viewId, const QString &sessionId, const QString &path,
                     std::unique_ptr<ViewRuntime> runtime)
{
    auto entry =
        std::make_shared<Entry>(Entry{sessionId, path, Clock::now() + m_ttl, std::move(runtime)});
    // Expired views are destroyed after the lock is released (a view's teardown untracks its
    // presences and cancels its work; no reason to hold other page loads meanwhile).
    std::vector<std::shared_ptr<Entry>> expired;
    QMutexLocker locker(&m_mutex);
    expired = takeExpired();
    if (m_entries.size() >= m_capacity)
        return; // a flood of page loads: those views simply mount again on join
    m_entries.insert(viewId, std::move(entry));
}

std::unique_ptr<ViewRuntime> MountCache::take(const QString &viewId, const QString &sessionId,
                                              const QString &path)
{
    std::shared_ptr<Entry> entry;
    {
        QMutexLocker locker(&m_mutex);
        entry = m_entries.take(viewId);
    }
    if (!entry || entry->expires <= Clock::now() || entry->sessionId != sessionId ||
        entry->path != path)
        return nullptr;
    return std::move(entry->runtime);
}

} // namespace liveview::internal
