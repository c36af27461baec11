// SQLite through QtSql: per-thread named connections, pragmas, and the migration runner.
#include "liveview/store.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

Q_LOGGING_CATEGORY(lcStore, "liveview.store")

namespace liveview {
namespace {

// QtSql connections are per thread: name them after the store and the thread.
QString connectionName(const QString &path)
{
    return QStringLiteral("liveview:%1:%2").arg(path).arg(quintptr(QThread::currentThreadId()));
}

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = QStringLiteral("%1: %2").arg(sql.left(80), q.lastError().text());
    return false;
}

} // namespace

QSqlDatabase Store::database() const
{
    const QString name = connectionName(m_path);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        qCCritical(lcStore) << "cannot open" << m_path << db.lastError().text();
        return db;
    }
    QString error;
    // WAL: readers do not block the writer. FULL: acknowledged writes are on disk.
    // NORMAL in WAL mode: a commit is in the OS once it returns (kill -9 safe), fsynced later.
    const char *sync =
        m_durability == Durability::Full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL";
    // cache_size: 1 MiB per connection instead of SQLite's 2 MiB. Every thread that touches a
    // store has its own connection, and each cache fills as the file grows (the soak's chat
    // history: +0.25 MB a minute of RSS until three 2 MiB caches were full); the pages our
    // queries read are the newest rows of an index, which 1 MiB holds many times over.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", sync, "PRAGMA foreign_keys=ON",
                               "PRAGMA busy_timeout=5000", "PRAGMA cache_size=-1024"})
        if (!exec(db, QLatin1String(pragma), &error))
            qCCritical(lcStore).noquote() << error;
    return db;
}

void Store::releaseConnection() const
{
    const QString name = connectionName(m_path);
    if (!QSqlDatabase::contains(name))
        return;
    QSqlDatabase::database(name, false).close();
    QSqlDatabase::removeDatabase(name);
}

std::shared_ptr<Store> Store::open(const QString &path, const std::vector<Migration> &migrations,
                                   QString *error, Durability durability)
{
    std::shared_ptr<Store> store(new Store(path, durability));
    QSqlDatabase db = store->database();
    if (!db.isOpen()) {
        *error = QStringLiteral("cannot open database %1").arg(path);
        return nullptr;
    }
    if (!exec(
            db,
            QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"),
            error))
        return nullptr;
    const int current = store->schemaVersion();
    if (current > int(migrations.size())) {
        *error = QStringLiteral("%1 has schema version %2, newer than this program knows (%3)")
                     .arg(path)
                     .arg(current)
                     .arg(migrations.size());
        return nullptr;
    }
    for (int version = current; version < int(migrations.size()); ++version) {
        // Each migration and its version bump commit together or not at all.
        if (!db.transaction()) {
            *error = db.lastError().text();
            return nullptr;
        }
        for (const QString &sql : migrations[size_t(version)]) {
            if (!exec(db, sql, error)) {
                db.rollback();
                return nullptr;
            }
        }
        if (!exec(db, QStringLiteral("DELETE FROM schema_version"), error) ||
            !exec(db, QStringLiteral("INSERT INTO schema_version VALUES (%1)").arg(version + 1),
                  error) ||
            !db.commit()) {
            db.rollback();
            return nullptr;
        }
        qCInfo(lcStore) << "migrated" << path << "to schema version" << version + 1;
    }
    return store;
}

int Store::schemaVersion() const
{
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("SELECT version FROM schema_version")) && q.next())
        return q.value(0).toInt();
    return 0;
}

} // namespace liveview
