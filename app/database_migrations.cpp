// livedeck.sqlite's migrations: the tables the served dashboards keep their data in.
#include "database_migrations.h"

#include <chat/chat_schema.h>

namespace livedeck {

std::vector<liveview::Store::Migration> databaseMigrations()
{
    using chat::ChatSchema;
    return {
        ChatSchema::messages(),              // the chat example's messages (examples::ChatHistory)
        ChatSchema::messageOrigins(),        // messages from other nodes keep the id they had there
        ChatSchema::roomsMembersNicknames(), // the chat product (/chat)
    };
}

} // namespace livedeck
