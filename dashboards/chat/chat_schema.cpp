// The chat's schema; each migration shipped is never edited, only followed by new ones.
#include "chat_schema.h"

namespace livedeck::chat {

liveview::Store::Migration ChatSchema::messages()
{
    return {QStringLiteral(
                "CREATE TABLE chat_messages (id INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT "
                "NULL, user TEXT NOT NULL, body TEXT NOT NULL, sent_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX chat_messages_room ON chat_messages (room, id)")};
}

liveview::Store::Migration ChatSchema::messageOrigins()
{
    return {QStringLiteral("ALTER TABLE chat_messages ADD COLUMN origin TEXT"),
            QStringLiteral("CREATE UNIQUE INDEX chat_messages_origin ON chat_messages (origin)")};
}

liveview::Store::Migration ChatSchema::roomsMembersNicknames()
{
    return {
        QStringLiteral("CREATE TABLE chat_rooms (name TEXT PRIMARY KEY, created_at INTEGER NOT "
                       "NULL, created_by TEXT NOT NULL DEFAULT '')"),
        // The lobby always exists: it is where a first visit lands.
        QStringLiteral("INSERT INTO chat_rooms (name, created_at) VALUES ('lobby', 0)"),
        // last_read: the newest chat_messages.id of the room this browser session has seen.
        QStringLiteral("CREATE TABLE chat_members (session_id TEXT NOT NULL, room TEXT NOT NULL, "
                       "last_read INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (session_id, room))"),
        QStringLiteral("CREATE TABLE chat_nicknames (session_id TEXT PRIMARY KEY, nickname TEXT "
                       "NOT NULL, updated_at INTEGER NOT NULL)"),
        QStringLiteral("ALTER TABLE chat_messages ADD COLUMN attachment TEXT"),
    };
}

std::vector<liveview::Store::Migration> ChatSchema::all()
{
    return {messages(), messageOrigins(), roomsMembersNicknames()};
}

} // namespace livedeck::chat
