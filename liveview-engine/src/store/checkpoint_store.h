#pragma once
// Checkpoints of view state, so an open page keeps its view across a server restart: after each
// handled callback an opted-in view's state is saved under its view id, with the browser session
// it belongs to, its page (path and query), the view's state version and an expiry. A rejoin after
// the restart (same signed view token, same session cookie) restores it; anything else mounts
// fresh. Kept in a database of its own (checkpoints.sqlite) written with Durability::ProcessCrash:
// frequent small writes that must survive kill -9, not a power cut. Writes go through one writer
// thread that commits each burst in one transaction (CheckpointWriter).

#include "checkpoint_writer.h"
#include "liveview/store.h"

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>

namespace liveview::internal {

class CheckpointStore
{
public:
    using Checkpoint = CheckpointRecord;

    static std::shared_ptr<CheckpointStore> open(const QString &path, QString *error);
    ~CheckpointStore(); // commits what is queued

    // How long a checkpoint stays usable after its last save (default one day).
    void setLifetimeSeconds(qint64 seconds);

    // Saves and returns once the checkpoint is durable (or the write failed).
    bool save(const QString &viewId, const Checkpoint &checkpoint);
    // Queues the save and returns its sequence number at once; `done` runs on `owner`'s thread
    // when it is durable (see CheckpointWriter).
    quint64 saveQueued(const QString &viewId, const Checkpoint &checkpoint, QObject *owner,
                       CheckpointWriter::Done done);
    // The unexpired checkpoint of `viewId`, if any (a queued write counts as written).
    std::optional<Checkpoint> load(const QString &viewId) const;
    void remove(const QString &viewId); // queued: load() no longer finds it from now on
    // Blocks until every write queued so far is durable.
    void flush();
    CheckpointWriter &writer() { return *m_writer; }
    // Deletes expired checkpoints; returns how many.
    int purgeExpired();

    Store &store() { return *m_store; }

private:
    explicit CheckpointStore(std::shared_ptr<Store> store);
    std::shared_ptr<Store> m_store;
    qint64 m_lifetimeSeconds = 24 * 3600;
    std::unique_ptr<CheckpointWriter> m_writer;
};

} // namespace liveview::internal
