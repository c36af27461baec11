// The chat example: a sent message is broadcast to the room, every view (the sender's too)
// appends it when it arrives. Text is rendered escaped like any template value.
#include "chat_view.h"

#include "chat_archiver.h"
#include "chat_history.h"
#include "chat_room_log.h"
#include "online_view.h"

#include <liveview/cluster.h>
#include <liveview/pubsub.h>

#include <QRegularExpression>
#include <atomic>

namespace livedeck::examples {
namespace {
std::atomic<qint64> nextMessageId{1};
} // namespace

QString ChatView::roomName(const QVariantMap &params)
{
    // ?room= picks the room; names stay short and plain (they become topic names).
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_-]{1,40}$"));
    const QString room = params.value(QStringLiteral("room")).toString();
    return plain.match(room).hasMatch() ? room : QStringLiteral("lobby");
}

void ChatView::mount(const QVariantMap &params, const QVariantMap &)
{
    const QString user = params.value(QStringLiteral("user")).toString().trimmed().left(40);
    assign(QStringLiteral("user"), user.isEmpty() ? QStringLiteral("guest") : user);
    m_room = roomName(params);
    m_topic = QStringLiteral("chat:") + m_room;
    if (m_log)
        m_roomLog = m_log->room(m_topic);
    assign(QStringLiteral("messages"), m_roomLog   ? m_roomLog->messages()
                                       : m_history ? m_history->recent(m_topic, keptMessages)
                                                   : QVariantList());
    setPageTitle(QStringLiteral("Chat"));
}

void ChatView::connected()
{
    subscribe(m_topic);
    // The view may be the one of the first HTTP render (mount once): what was said between that
    // render and this subscription is in the room's log, not in our copy.
    if (m_roomLog)
        assign(QStringLiteral("messages"), m_roomLog->messages());
    // Presence on a topic of its own: chat views get messages, only watchers get who is here.
    trackPresence(OnlineView::presenceTopic(m_room), assigned(QStringLiteral("user")).toString());
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
    const QString node = liveview::RedisCluster::localNodeId();
    const qint64 id =
        m_history
            ? m_history->append(m_topic, assigned(QStringLiteral("user")).toString(), body, node)
            : nextMessageId++;
    if (id == 0) { // not stored: the sender is told, not acknowledged
        replyToEvent({{QStringLiteral("error"), QStringLiteral("not stored")}});
        return;
    }
    // Ids are row numbers of this node's store: with several nodes, the node makes them unique.
    const QVariantMap message{
        {QStringLiteral("id"),
         node.isEmpty() ? QVariant(id) : QVariant(node + u'-' + QString::number(id))},
        {QStringLiteral("user"), assigned(QStringLiteral("user"))},
        {QStringLiteral("body"), body},
        {QStringLiteral("room"), m_topic}};
    if (m_roomLog) // in the room's list before anyone joins after this: nobody misses it
        m_roomLog->add(message);
    if (node.isEmpty()) {
        liveview::PubSub::broadcast(m_topic, message);
        return;
    }
    // With several nodes a message travels once, on the archive topic, which the cluster keeps
    // in Redis for nodes that were away: each node's archiver stores it, then shows it there.
    liveview::PubSub::localBroadcast(m_topic, message);
    liveview::PubSub::broadcast(ChatArchiver::topic(), message);
}

void ChatView::handleInfo(const QVariant &message)
{
    const QVariantMap m = message.toMap();
    if (m.value(QStringLiteral("body")).toString().isEmpty())
        return; // not a chat message (a node of another version, say)
    if (m_roomLog) {
        assign(QStringLiteral("messages"), m_roomLog->add(message));
        return;
    }
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
