// The chat example: a sent message is broadcast to the room, every view (the sender's too)
// appends it when it arrives. Text is rendered escaped like any template value.
#include "chat_view.h"

#include "chat_history.h"

#include <liveview/pubsub.h>

#include <atomic>

namespace livedeck::examples {
namespace {
const QString room = QStringLiteral("chat:lobby");
std::atomic<qint64> nextMessageId{1};
} // namespace

void ChatView::mount(const QVariantMap &params, const QVariantMap &)
{
    const QString user = params.value(QStringLiteral("user")).toString().trimmed().left(40);
    assign(QStringLiteral("user"), user.isEmpty() ? QStringLiteral("guest") : user);
    assign(QStringLiteral("messages"),
           m_history ? m_history->recent(room, keptMessages) : QVariantList());
    setPageTitle(QStringLiteral("Chat"));
}

void ChatView::connected()
{
    subscribe(room);
}

void ChatView::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"send") {
        LiveView::handleEvent(event, value);
        return;
    }
    const QString body = value.value(QStringLiteral("body")).toString().trimmed();
    if (body.isEmpty() || body.size() > maxMessageLength)
        return; // nothing to send, or more than a chat message
    // Stored (durably) before anyone sees it: what the sender was acknowledged survives a crash.
    const qint64 id =
        m_history ? m_history->append(room, assigned(QStringLiteral("user")).toString(), body)
                  : nextMessageId++;
    if (id == 0)
        return;
    liveview::PubSub::broadcast(
        room, QVariantMap{{QStringLiteral("id"), id},
                          {QStringLiteral("user"), assigned(QStringLiteral("user"))},
                          {QStringLiteral("body"), body}});
}

void ChatView::handleInfo(const QVariant &message)
{
    QVariantList messages = assigned(QStringLiteral("messages")).toList();
    messages.append(message);
    while (messages.size() > keptMessages)
        messages.removeFirst();
    assign(QStringLiteral("messages"), messages);
}

liveview::Template ChatView::render() const
{
    return liveview::Template::load(QStringLiteral("examples/chat.heex"));
}

} // namespace livedeck::examples
