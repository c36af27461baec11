#pragma once
// Mount once: the view built for the first HTTP render waits here a few seconds for its socket
// join, which adopts it instead of mounting the view a second time.

#include <QHash>
#include <QMutex>
#include <QString>
#include <chrono>
#include <memory>
#include <vector>

namespace liveview::internal {

class ViewRuntime;

class MountCache
{
public:
    explicit MountCache(std::chrono::milliseconds ttl = std::chrono::seconds(10),
                        int capacity = 10000);
    ~MountCache();

    void put(const QString &viewId, const QString &sessionId, const QString &path,
             std::unique_ptr<ViewRuntime> runtime);
    // The waiting view, if it is this browser's, for this path, and not expired.
    std::unique_ptr<ViewRuntime> take(const QString &viewId, const QString &sessionId,
                                      const QString &path);

private:
    struct Entry;
    std::vector<std::shared_ptr<Entry>> takeExpired();
    mutable QMutex m_mutex;
    QHash<QString, std::shared_ptr<Entry>> m_entries;
    std::chrono::milliseconds m_ttl;
    int m_capacity;
};

} // namespace liveview::internal
