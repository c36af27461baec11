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

bool CheckpointStore::save(const QString &viewId, const Checkpoint &c)
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO view_checkpoints (view_id, session_id, route, "
                             "version, state, expires_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(viewId);
    q.addBindValue(c.sessionId);
    q.addBindValue(c.route);
    q.addBindValue(c.version);
    q.addBindValue(c.state);
    q.addBindValue(nowMs() + m_lifetimeSeconds * 1000);
    if (!q.exec()) {
        qCWarning(lcStore).noquote()
            << "checkpoint of" << viewId << "not saved:" << q.lastError().text();
        return false;
    }
    return true;
}

std::optional<CheckpointStore::Checkpoint> CheckpointStore::load(const QString &viewId) const
{
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
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("DELETE FROM view_checkpoints WHERE view_id = ?"));
    q.addBindValue(viewId);
    q.exec();
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
