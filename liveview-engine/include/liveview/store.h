#pragma once
// The embedded SQLite store: one file in the data directory, WAL journal, versioned migrations,
// one connection per thread (QtSql refuses a connection used from another thread). Writes are
// synchronous=FULL: once a call returns, the row survives a kill -9 or a power cut.

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace liveview {

class Store
{
public:
    // Each migration is a list of SQL statements; migration i brings the schema to version i + 1.
    using Migration = QStringList;

    // Opens (creating if needed) `path` and applies the migrations it has not seen.
    // Returns null and sets `error` when the file cannot be opened or a migration fails.
    static std::shared_ptr<Store> open(const QString &path,
                                       const std::vector<Migration> &migrations, QString *error);

    // This thread's connection to the store.
    QSqlDatabase database() const;
    int schemaVersion() const;
    QString path() const { return m_path; }

private:
    explicit Store(QString path) : m_path(std::move(path)) {}
    QString m_path;
};

} // namespace liveview
