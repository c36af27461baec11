// livedeck.sqlite's migrations: the tables the served dashboards keep their data in.
#include "database_migrations.h"

namespace livedeck {

std::vector<liveview::Store::Migration> databaseMigrations()
{
    return {
        // The chat example's messages (examples::ChatHistory reads and writes them).
        {QStringLiteral(
             "CREATE TABLE chat_messages (id INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL,"
             " user TEXT NOT NULL, body TEXT NOT NULL, sent_at INTEGER NOT NULL)"),
         QStringLiteral("CREATE INDEX chat_messages_room ON chat_messages (room, id)")},
        // Messages from other nodes keep the id they were given there (`origin`), once each.
        {QStringLiteral("ALTER TABLE chat_messages ADD COLUMN origin TEXT"),
         QStringLiteral("CREATE UNIQUE INDEX chat_messages_origin ON chat_messages (origin)")},
    };
}

} // namespace livedeck
