#pragma once
// The reference examples, served under /examples/<name>.

#include <liveview/router.h>

#include <memory>

namespace livedeck::examples {

class ChatHistory;

// `chatHistory` (optional) makes the chat keep its messages across restarts.
void registerExamples(liveview::Router &router, std::shared_ptr<ChatHistory> chatHistory = nullptr);

} // namespace livedeck::examples
