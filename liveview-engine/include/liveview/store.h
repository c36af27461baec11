#pragma once
// The embedded SQLite store: one file in the data directory, WAL journal, versioned migrations,
// one connection per thread (QtSql refuses a connection used from another thread). By default
// writes are synchronous=FULL: once a call returns, the row survives a kill -9 or a power cut.

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

    // How far a returned write has gone. Full: on disk (survives a power cut). ProcessCrash: in
    // the operating system (survives kill -9 of this process, not a power cut), much cheaper.
    enum class Durability
    {
        Full,
        ProcessCrash
    };

    // Opens (creating if needed) `path` and applies the migrations it has not seen.
    // Returns null and sets `error` when the file cannot be opened or a migration fails.
    static std::shared_ptr<Store> open(const QString &path,
                                       const std::vector<Migration> &migrations, QString *error,
                                       Durability durability = Durability::Full);

    // This thread's connection to the store.
    QSqlDatabase database() const;
    // Closes this thread's connection (a thread that ends should: another thread may later get
    // its id, and QtSql refuses a connection made on a thread that is gone).
    void releaseConnection() const;
    int schemaVersion() const;
    QString path() const { return m_path; }

private:
    Store(QString path, Durability durability) : m_path(std::move(path)), m_durability(durability)
    {
    }
    QString m_path;
    Durability m_durability;
};

} // namespace liveview
