#include "chat_routes.h"

#include "chat_membership.h"
#include "chat_nicknames.h"
#include "chat_page.h"
#include "chat_room_directory.h"

#include <liveview/template.h>

#include <QThread>

namespace livedeck::chat {

ChatServices makeChatServices(std::shared_ptr<liveview::Store> store,
                              std::shared_ptr<examples::ChatHistory> history,
                              std::shared_ptr<examples::ChatRoomLog> exampleLog)
{
    ChatServices s;
    s.history = std::move(history);
    s.exampleLog = std::move(exampleLog);
    // A QObject (its subscription): deleted on its own thread, like the example's archiver.
    s.rooms.reset(new ChatRoomDirectory(store), [](ChatRoomDirectory *d) {
        if (d->thread() == QThread::currentThread())
            delete d;
        else
            d->deleteLater();
    });
    s.membership = std::make_shared<ChatMembership>(store);
    s.nicknames = std::make_shared<ChatNicknames>(store);
    return s;
}

void registerChat(liveview::Router &router, ChatServices services)
{
    liveview::TemplateLibrary::addTemplateRoot(QStringLiteral(":/livedeck/templates"));
    router.live(QStringLiteral("/chat"),
                [services] { return std::make_unique<ChatPage>(services); });
}

} // namespace livedeck::chat
