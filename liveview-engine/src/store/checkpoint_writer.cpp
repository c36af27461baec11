// The writer thread: batches of queued checkpoints, one transaction each, owners told after.
#include "checkpoint_writer.h"

#include "liveview/store.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace liveview::internal {
namespace {

// Acknowledgements reach their owners through one relay object per owner thread, made on the
// thread's first write and never deleted: the writer may post to it at any time without racing
// an owner's destruction (owners are checked through their QPointer on their own thread), and a
// batch costs one posted event per thread instead of one per write.
QObject *ackRelayOfThisThread()
{
    thread_local QObject *relay = new QObject;
    return relay;
}

} // namespace

CheckpointWriter::CheckpointWriter(std::shared_ptr<Store> store)
    : m_store(std::move(store)), m_thread([this] { run(); }),
      m_copier([this] { copyLogToDatabase(); })
{
}

CheckpointWriter::~CheckpointWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_stopCopier.notify_one();
    m_thread.join();
    m_copier.join();
}

void CheckpointWriter::copyLogToDatabase()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_stopCopier.wait_for(lock, std::chrono::milliseconds(250));
        lock.unlock();
        // PASSIVE: copies what it can without waiting for the writer or readers.
        QSqlQuery(m_store->database()).exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
        lock.lock();
    }
    lock.unlock();
    m_store->releaseConnection();
}

quint64 CheckpointWriter::enqueue(const QString &viewId, std::optional<CheckpointRecord> record,
                                  QObject *owner, Done done)
{
    std::lock_guard lock(m_mutex);
    const quint64 sequence = m_nextSequence++;
    m_pending.insert(viewId, {sequence, record});
    QObject *relay = done ? ackRelayOfThisThread() : nullptr;
    m_queue.push_back(Write{sequence, viewId, std::move(record), owner, std::move(done), relay});
    if (m_queue.size() == 1)
        m_wake.notify_one(); // otherwise the writer is awake or about to look
    return sequence;
}

std::optional<std::optional<CheckpointRecord>>
CheckpointWriter::pending(const QString &viewId) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_pending.constFind(viewId);
    if (it == m_pending.cend())
        return std::nullopt;
    return it->second;
}

bool CheckpointWriter::waitDurable(quint64 sequence)
{
    std::unique_lock lock(m_mutex);
    m_durable.wait(lock, [&] { return m_durableUpTo >= sequence; });
    return m_failedUpTo < sequence;
}

quint64 CheckpointWriter::lastQueued() const
{
    std::lock_guard lock(m_mutex);
    return m_nextSequence - 1;
}

quint64 CheckpointWriter::commits() const
{
    std::lock_guard lock(m_mutex);
    return m_commits;
}

quint64 CheckpointWriter::writesCommitted() const
{
    std::lock_guard lock(m_mutex);
    return m_writesCommitted;
}

void CheckpointWriter::run()
{
    // The copier thread moves the log into the database; commits here never wait for it.
    QSqlQuery(m_store->database()).exec(QStringLiteral("PRAGMA wal_autocheckpoint=0"));
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return !m_queue.empty() || m_stopping; });
        if (m_queue.empty())
            break; // stopping, and everything queued is written
        std::vector<Write> batch = std::exchange(m_queue, {});
        lock.unlock();
        const bool ok = commit(batch);
        lock.lock();
        const quint64 last = batch.back().sequence;
        m_durableUpTo = last;
        if (!ok)
            m_failedUpTo = last;
        ++m_commits;
        m_writesCommitted += batch.size();
        for (const Write &w : batch) {
            const auto it = m_pending.find(w.viewId);
            if (it != m_pending.end() && it->first == w.sequence)
                m_pending.erase(it); // a newer write of this view stays pending
        }
        lock.unlock();
        m_durable.notify_all();
        QHash<QObject *, std::vector<Write>> byRelay;
        for (Write &w : batch)
            if (w.done)
                byRelay[w.relay].push_back(std::move(w));
        for (auto it = byRelay.begin(); it != byRelay.end(); ++it) {
            auto acks = std::make_shared<std::vector<Write>>(std::move(it.value()));
            QMetaObject::invokeMethod(
                it.key(),
                [acks, ok] {
                    for (const Write &w : *acks)
                        if (w.owner)
                            w.done(w.sequence, ok);
                },
                Qt::QueuedConnection);
        }
        lock.lock();
    }
    lock.unlock();
    m_store->releaseConnection();
}

bool CheckpointWriter::commit(const std::vector<Write> &batch)
{
    QSqlDatabase db = m_store->database(); // this thread's own connection
    if (!db.transaction()) {
        qCWarning(lcStore).noquote() << "checkpoints not saved:" << db.lastError().text();
        return false;
    }
    QSqlQuery save(db);
    save.prepare(QStringLiteral("INSERT OR REPLACE INTO view_checkpoints (view_id, session_id, "
                                "route, version, state, expires_at) VALUES (?, ?, ?, ?, ?, ?)"));
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM view_checkpoints WHERE view_id = ?"));
    const qint64 expires = QDateTime::currentMSecsSinceEpoch() + m_lifetimeSeconds.load() * 1000;
    // Only the newest write of each view in the batch matters: the others are skipped.
    QHash<QString, quint64> newest;
    for (const Write &w : batch)
        newest.insert(w.viewId, w.sequence);
    for (const Write &w : batch) {
        if (newest.value(w.viewId) != w.sequence)
            continue;
        QSqlQuery &q = w.record ? save : remove;
        q.addBindValue(w.viewId);
        if (w.record) {
            q.addBindValue(w.record->sessionId);
            q.addBindValue(w.record->route);
            q.addBindValue(w.record->version);
            q.addBindValue(w.record->state);
            q.addBindValue(expires);
        }
        if (!q.exec()) {
            qCWarning(lcStore).noquote()
                << "checkpoint of" << w.viewId << "not saved:" << q.lastError().text();
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        qCWarning(lcStore).noquote() << "checkpoints not saved:" << db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

} // namespace liveview::internal
