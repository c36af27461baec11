#pragma once
// Serves the chat product at /chat.

#include "chat_services.h"

#include <liveview/router.h>
#include <liveview/store.h>

namespace livedeck::chat {

// The chat's services over `store` (its tables: ChatSchema). `exampleLog` is the chat example's
// room log, so both show the same rooms.
ChatServices makeChatServices(std::shared_ptr<liveview::Store> store,
                              std::shared_ptr<examples::ChatHistory> history,
                              std::shared_ptr<examples::ChatRoomLog> exampleLog);
void registerChat(liveview::Router &router, ChatServices services);

} // namespace livedeck::chat
