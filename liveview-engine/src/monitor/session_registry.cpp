// The sharded session table behind Monitor::snapshot() and the admin actions.
#include "session_registry.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <deque>

namespace liveview::internal {
namespace {

constexpr int shardCount = 32;

struct Shard
{
    QMutex mutex;
    QHash<quint64, std::shared_ptr<SessionRecord>> records;
};

struct Registry
{
    std::array<Shard, shardCount> shards;
    std::atomic<quint64> nextId{1};
    std::atomic<int> count{0};
    QMutex endedMutex;
    std::deque<std::shared_ptr<SessionRecord>> ended; // oldest first
    qint64 endedRetentionMs = 60 * 1000;
    int endedMax = 256;
};

Registry &registry()
{
    static Registry r;
    return r;
}

Shard &shardOf(quint64 id)
{
    return registry().shards[size_t(id % shardCount)];
}

std::atomic<bool> monitorDirty{false};

void pruneEnded(Registry &r, qint64 now)
{
    while (!r.ended.empty() && (int(r.ended.size()) > r.endedMax ||
                                now - r.ended.front()->endedAtMs() > r.endedRetentionMs))
        r.ended.pop_front();
}

} // namespace

void markMonitorChanged()
{
    // Read first: most events find the flag already set, and a read keeps the line shared.
    if (!monitorDirty.load(std::memory_order_relaxed))
        monitorDirty.store(true, std::memory_order_relaxed);
}

bool takeMonitorChanged()
{
    return monitorDirty.exchange(false, std::memory_order_relaxed);
}

namespace SessionRegistry {

quint64 nextId()
{
    return registry().nextId.fetch_add(1, std::memory_order_relaxed);
}

void add(const std::shared_ptr<SessionRecord> &record)
{
    Shard &shard = shardOf(record->id);
    {
        QMutexLocker lock(&shard.mutex);
        shard.records.insert(record->id, record);
    }
    registry().count.fetch_add(1, std::memory_order_relaxed);
    markMonitorChanged();
}

void remove(const SessionRecord *record)
{
    Registry &r = registry();
    std::shared_ptr<SessionRecord> taken;
    {
        Shard &shard = shardOf(record->id);
        QMutexLocker lock(&shard.mutex);
        taken = shard.records.take(record->id);
    }
    if (!taken)
        return;
    r.count.fetch_sub(1, std::memory_order_relaxed);
    taken->end(SessionState::Left, QStringLiteral("left"));
    taken->connectionObject = nullptr;
    {
        QMutexLocker lock(&r.endedMutex);
        r.ended.push_back(std::move(taken));
        pruneEnded(r, QDateTime::currentMSecsSinceEpoch());
    }
    markMonitorChanged();
}

int count()
{
    return registry().count.load(std::memory_order_relaxed);
}

QList<SessionInfo> snapshot()
{
    Registry &r = registry();
    // Copy the pointers under each shard's lock, read the records after: a socket thread
    // joining or leaving waits for pointer copies, never for 20,000 records being read.
    std::vector<std::shared_ptr<SessionRecord>> records;
    records.reserve(size_t(count()) + 64);
    for (Shard &shard : r.shards) {
        QMutexLocker lock(&shard.mutex);
        for (const auto &record : std::as_const(shard.records))
            records.push_back(record);
    }
    // No sort: a quarter of a snapshot's time went to it, and readers key sessions by id.
    {
        QMutexLocker lock(&r.endedMutex);
        pruneEnded(r, QDateTime::currentMSecsSinceEpoch());
        records.insert(records.end(), r.ended.begin(), r.ended.end());
    }
    QList<SessionInfo> out;
    out.reserve(qsizetype(records.size()));
    for (const auto &record : records)
        out.append(record->info(false));
    return out;
}

std::optional<SessionInfo> find(quint64 id)
{
    Registry &r = registry();
    std::shared_ptr<SessionRecord> record;
    {
        Shard &shard = shardOf(id);
        QMutexLocker lock(&shard.mutex);
        record = shard.records.value(id);
    }
    if (record)
        return record->info(true);
    QMutexLocker lock(&r.endedMutex);
    for (const auto &ended : r.ended)
        if (ended->id == id)
            return ended->info(true);
    return std::nullopt;
}

int visit(const std::function<bool(const SessionRecord &)> &match,
          const std::function<void(const SessionRecord &)> &action)
{
    int matched = 0;
    for (Shard &shard : registry().shards) {
        QMutexLocker lock(&shard.mutex);
        for (const auto &record : std::as_const(shard.records)) {
            if (match(*record)) {
                action(*record);
                ++matched;
            }
        }
    }
    return matched;
}

void setEndedRetention(qint64 ms, int maxCount)
{
    Registry &r = registry();
    QMutexLocker lock(&r.endedMutex);
    r.endedRetentionMs = ms;
    r.endedMax = maxCount;
}

} // namespace SessionRegistry
} // namespace liveview::internal
