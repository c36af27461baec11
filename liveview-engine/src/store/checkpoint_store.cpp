// The checkpoint repository: prepared statements over one table.
#include "checkpoint_store.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace liveview::internal {
namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

std::shared_ptr<CheckpointStore> CheckpointStore::open(const QString &path, QString *error)
{
    const std::vector<Store::Migration> migrations = {
        {QStringLiteral("CREATE TABLE view_checkpoints (view_id TEXT PRIMARY KEY, session_id TEXT "
                        "NOT NULL, route TEXT NOT NULL, version INTEGER NOT NULL, state BLOB NOT "
                        "NULL, expires_at INTEGER NOT NULL)"),
         QStringLiteral("CREATE INDEX view_checkpoints_expiry ON view_checkpoints (expires_at)")},
    };
    auto store = Store::open(path, migrations, error, Store::Durability::ProcessCrash);
    if (!store)
        return nullptr;
    return std::shared_ptr<CheckpointStore>(new CheckpointStore(std::move(store)));
}

CheckpointStore::CheckpointStore(std::shared_ptr<Store> store)
    : m_store(std::move(store)), m_writer(std::make_unique<CheckpointWriter>(m_store))
{
}

CheckpointStore::~CheckpointStore() = default;

void CheckpointStore::setLifetimeSeconds(qint64 seconds)
{
    m_lifetimeSeconds = seconds;
    m_writer->setLifetimeSeconds(seconds);
}

bool CheckpointStore::save(const QString &viewId, const Checkpoint &c)
{
    return m_writer->waitDurable(m_writer->enqueue(viewId, c));
}

quint64 CheckpointStore::saveQueued(const QString &viewId, const Checkpoint &c, QObject *owner,
                                    CheckpointWriter::Done done)
{
    return m_writer->enqueue(viewId, c, owner, std::move(done));
}

void CheckpointStore::flush()
{
    m_writer->waitDurable(m_writer->lastQueued());
}

std::optional<CheckpointStore::Checkpoint> CheckpointStore::load(const QString &viewId) const
{
    if (auto queued = m_writer->pending(viewId))
        return *queued; // saved (or removed) a moment ago, not committed yet
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT session_id, route, version, state FROM view_checkpoints "
                             "WHERE view_id = ? AND expires_at > ?"));
    q.addBindValue(viewId);
    q.addBindValue(nowMs());
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Checkpoint{q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(),
                      q.value(3).toByteArray()};
}

void CheckpointStore::remove(const QString &viewId)
{
    m_writer->enqueue(viewId, std::nullopt);
}

int CheckpointStore::purgeExpired()
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("DELETE FROM view_checkpoints WHERE expires_at <= ?"));
    q.addBindValue(nowMs());
    if (!q.exec())
        return 0;
    return q.numRowsAffected();
}

} // namespace liveview::internal
