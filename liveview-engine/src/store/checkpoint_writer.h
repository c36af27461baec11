#pragma once
// The checkpoint store's one writer: a thread that takes every checkpoint queued since its last
// commit and writes them in one transaction, then tells each one's owner it is durable.
//
// Why: with each save its own transaction on the socket thread that handled the event, a
// checkpointed view cost a commit per event and the two socket threads queued on SQLite's write
// lock (1,000 clients x 10 events/s topped out near 6,900 events/s, p99 in the hundreds of ms).
// Now the socket thread only queues; the writer commits a burst at once; and the owner holds the
// event's reply (and every frame after it) until its write is durable, so what a browser is shown
// still survives a kill -9 (the promise of checkpoints; see Connection::holdFramesUntil).
//
// The write-ahead log is copied into the database (and fsynced) by a second thread every quarter
// second, not by the writer's commits (SQLite's automatic checkpoint would stall every ack behind
// an fsync now and then: the p99 of the events).
//
// Writes commit in queue order, so "write N is durable" also means every write before N is.
// Until committed, a queued write is what load() sees (pending()).
#include <QByteArray>
#include <QHash>
#include <QPointer>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace liveview {
class Store;
}

namespace liveview::internal {

struct CheckpointRecord
{
    QString sessionId;
    QString route; // the page: path and query
    int version = 0;
    QByteArray state; // JSON object
};

class CheckpointWriter
{
public:
    // Called on the owner's thread once the write (and every earlier one) is durable, or failed.
    using Done = std::function<void(quint64 sequence, bool ok)>;

    explicit CheckpointWriter(std::shared_ptr<Store> store);
    ~CheckpointWriter(); // commits what is queued, then ends the thread

    void setLifetimeSeconds(qint64 seconds) { m_lifetimeSeconds.store(seconds); }

    // Queues a save (`record`) or, without one, a removal. `done` runs on `owner`'s thread, and
    // not at all if the owner is gone by then. Returns the write's sequence number.
    quint64 enqueue(const QString &viewId, std::optional<CheckpointRecord> record,
                    QObject *owner = nullptr, Done done = {});
    // The newest queued, uncommitted write for `viewId`: nullopt if none; a disengaged record
    // inside if it is a removal.
    std::optional<std::optional<CheckpointRecord>> pending(const QString &viewId) const;
    // Blocks until everything queued so far is committed; false if a write of it failed.
    bool waitDurable(quint64 sequence);
    quint64 lastQueued() const;
    // How many commits (transactions) so far, and how many writes they held.
    quint64 commits() const;
    quint64 writesCommitted() const;

private:
    struct Write
    {
        quint64 sequence;
        QString viewId;
        std::optional<CheckpointRecord> record;
        QPointer<QObject> owner; // only read on the owner's thread
        Done done;
        QObject *relay; // the owner thread's AckRelay (see the .cpp)
    };
    void run();
    void copyLogToDatabase();
    bool commit(const std::vector<Write> &batch);

    std::shared_ptr<Store> m_store;
    std::atomic<qint64> m_lifetimeSeconds{24 * 3600};
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;    // the writer: work or stop
    std::condition_variable m_durable; // waiters in waitDurable
    std::vector<Write> m_queue;
    QHash<QString, std::pair<quint64, std::optional<CheckpointRecord>>> m_pending;
    quint64 m_nextSequence = 1;
    quint64 m_durableUpTo = 0;
    quint64 m_failedUpTo = 0; // the newest sequence whose commit failed
    quint64 m_commits = 0;
    quint64 m_writesCommitted = 0;
    bool m_stopping = false;
    std::condition_variable m_stopCopier;
    std::thread m_thread;
    std::thread m_copier;
};

} // namespace liveview::internal
