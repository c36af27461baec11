#pragma once
// What every chat page shares: the stores and the example's room log (the example and the
// product show the same rooms, so a message sent in one is in the other's list too).

#include <memory>

namespace livedeck::examples {
class ChatHistory;
class ChatRoomLog;
} // namespace livedeck::examples

namespace livedeck::chat {

class ChatMembership;
class ChatNicknames;
class ChatRoomDirectory;

struct ChatServices
{
    std::shared_ptr<examples::ChatHistory> history;
    std::shared_ptr<examples::ChatRoomLog> exampleLog; // may be null
    std::shared_ptr<ChatRoomDirectory> rooms;
    std::shared_ptr<ChatMembership> membership;
    std::shared_ptr<ChatNicknames> nicknames;
};

} // namespace livedeck::chat
