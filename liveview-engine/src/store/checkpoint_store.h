#pragma once
// Checkpoints of view state, so an open page keeps its view across a server restart: after each
// handled callback an opted-in view's state is saved under its view id, with the browser session
// it belongs to, its page (path and query), the view's state version and an expiry. A rejoin after
// the restart (same signed view token, same session cookie) restores it; anything else mounts
// fresh. Kept in a database of its own (checkpoints.sqlite) written with Durability::ProcessCrash:
// frequent small writes that must survive kill -9, not a power cut.

#include "liveview/store.h"

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>

namespace liveview::internal {

class CheckpointStore
{
public:
    struct Checkpoint
    {
        QString sessionId;
        QString route; // the page: path and query
        int version = 0;
        QByteArray state; // JSON object
    };

    static std::shared_ptr<CheckpointStore> open(const QString &path, QString *error);

    // How long a checkpoint stays usable after its last save (default one day).
    void setLifetimeSeconds(qint64 seconds) { m_lifetimeSeconds = seconds; }

    bool save(const QString &viewId, const Checkpoint &checkpoint);
    // The unexpired checkpoint of `viewId`, if any.
    std::optional<Checkpoint> load(const QString &viewId) const;
    void remove(const QString &viewId);
    // Deletes expired checkpoints; returns how many.
    int purgeExpired();

    Store &store() { return *m_store; }

private:
    explicit CheckpointStore(std::shared_ptr<Store> store) : m_store(std::move(store)) {}
    std::shared_ptr<Store> m_store;
    qint64 m_lifetimeSeconds = 24 * 3600;
};

} // namespace liveview::internal
