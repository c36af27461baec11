#pragma once
// Mount once: the view built for the first HTTP render waits here a few seconds for its socket
// join, which adopts it instead of mounting the view a second time.
//
// First renders that never join (crawlers, curl, a flood of page loads) must not cost the server
// more than a bounded amount: each browser session keeps at most `perSession` waiting views and
// the server at most `capacity`, the oldest leaving first. A join whose view has left mounts it
// afresh, as Phoenix does for every join.
//
// A view that leaves is destroyed by the thread that mounted it: its hundreds of blocks go back
// to that thread's malloc arena without taking the arena's lock against its owner (frees from the
// other worker thread made the two threads queue on each other's arenas under `wrk`). Views that
// leave on another thread wait in their home thread's graveyard until that thread's next put or
// take; a thread that mounts views also comes back to put them, so each graveyard stays under
// the cache's capacity.

#include "expiring_handover.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <chrono>
#include <memory>
#include <unordered_map>

namespace liveview::internal {

class ViewRuntime;

class MountCache
{
public:
    static constexpr int defaultCapacity = 10000;
    static constexpr int defaultPerSession = 16;

    explicit MountCache(std::chrono::milliseconds ttl = std::chrono::seconds(10),
                        int capacity = defaultCapacity, int perSession = defaultPerSession);
    ~MountCache();

    void put(const QString &viewId, const QString &sessionId, const QString &path,
             std::unique_ptr<ViewRuntime> runtime);
    // The waiting view, if it is this browser's, for this path, and not expired.
    std::unique_ptr<ViewRuntime> take(const QString &viewId, const QString &sessionId,
                                      const QString &path);

    int size() const;
    int sizeOf(const QString &sessionId) const;

private:
    struct Waiting
    {
        QString path;
        std::unique_ptr<ViewRuntime> runtime;
        const void *home = nullptr; // the thread that mounted it
    };
    // Under the lock: sorts `leaving` into this thread's (returned) and the others' graveyards,
    // and adds what waited in this thread's graveyard.
    std::vector<Waiting> buryLocked(std::vector<Waiting> leaving);

    mutable QMutex m_mutex;
    ExpiringHandover<Waiting> m_waiting;
    std::unordered_map<const void *, std::vector<Waiting>> m_graveyards;
};

} // namespace liveview::internal
