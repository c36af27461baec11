#pragma once
// The chat's tables in livedeck.sqlite, as migrations the application lists in its own order
// (app/database_migrations.cpp) and tests apply alone.

#include <liveview/store.h>

#include <vector>

namespace livedeck::chat {

struct ChatSchema
{
    // chat_messages (id, room, user, body, sent_at): what the example started with.
    static liveview::Store::Migration messages();
    // chat_messages.origin: a message from another node keeps the id it was given there.
    static liveview::Store::Migration messageOrigins();
    // The chat product: rooms, who joined which room and read how far, nicknames per browser
    // session, and an attachment (JSON) per message.
    static liveview::Store::Migration roomsMembersNicknames();

    // Every chat migration in order: a database of its own (tests) needs nothing else.
    static std::vector<liveview::Store::Migration> all();
};

} // namespace livedeck::chat
