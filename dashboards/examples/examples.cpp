// Routes of the reference examples (same markup, ids and events as the Phoenix reference).
#include "examples.h"

#include <liveview/template.h>

#include "async_view.h"
#include "chat_archiver.h"
#include "chat_room_log.h"
#include "chat_view.h"
#include "component_view.h"
#include "counter_view.h"
#include "form_view.h"
#include "hooks_view.h"
#include "index_view.h"
#include "keyed_view.h"
#include "list_view.h"
#include "navigation_view.h"
#include "online_view.h"
#include "stream_view.h"
#include "upload_view.h"

#include <QThread>

namespace livedeck::examples {

void registerExamples(liveview::Router &router, std::shared_ptr<ChatHistory> chatHistory,
                      std::shared_ptr<ChatRoomLog> chatLog)
{
    // The examples' templates (resources/templates/examples, embedded by livedeck_resources).
    liveview::TemplateLibrary::addTemplateRoot(QStringLiteral(":/livedeck/templates"));
    router.live<IndexView>(QStringLiteral("/"));
    router.live<CounterView>(QStringLiteral("/examples/counter"));
    router.live<ListView>(QStringLiteral("/examples/list"));
    router.live<KeyedView>(QStringLiteral("/examples/keyed"));
    router.live<ComponentView>(QStringLiteral("/examples/component"));
    router.live<StreamView>(QStringLiteral("/examples/stream"));
    router.live<FormView>(QStringLiteral("/examples/form"));
    router.live<NavigationView>(QStringLiteral("/examples/navigation"));
    router.live<AboutView>(QStringLiteral("/examples/navigation/about"));
    router.live<HooksView>(QStringLiteral("/examples/hooks"));
    router.live<AsyncView>(QStringLiteral("/examples/async"));
    if (!chatLog)
        chatLog = std::make_shared<ChatRoomLog>(chatHistory, ChatView::keptMessages);
    // Lives as long as the routes, deleted on its own thread: at once when that is where the
    // last owner lets go, queued otherwise.
    std::shared_ptr<ChatArchiver> archiver(new ChatArchiver(chatHistory, chatLog),
                                           [](ChatArchiver *a) {
                                               if (a->thread() == QThread::currentThread())
                                                   delete a;
                                               else
                                                   a->deleteLater();
                                           });
    router.live(QStringLiteral("/examples/chat"), [chatHistory, chatLog, archiver] {
        return std::make_unique<ChatView>(chatHistory, chatLog);
    });
    router.live<OnlineView>(QStringLiteral("/examples/online"));
    router.live<UploadView>(QStringLiteral("/examples/upload"));
    liveview::TemplateLibrary::registerHelper(
        QStringLiteral("error_text"), [](const QVariantList &arguments) -> QVariant {
            return UploadView::errorText(arguments.value(0).toString());
        });
    liveview::LiveComponent::registerModule<CounterComponent>(QStringLiteral("example-counter"));
}

} // namespace livedeck::examples
