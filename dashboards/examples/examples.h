#pragma once
// The reference examples, served under /examples/<name>.

#include <liveview/router.h>

#include <memory>

namespace livedeck::examples {

class ChatHistory;
class ChatRoomLog;

// `chatHistory` (optional) makes the chat keep its messages across restarts. `chatLog` (optional)
// is the rooms' recent messages, given when another page (the chat product) shares the rooms.
void registerExamples(liveview::Router &router, std::shared_ptr<ChatHistory> chatHistory = nullptr,
                      std::shared_ptr<ChatRoomLog> chatLog = nullptr);

} // namespace livedeck::examples
