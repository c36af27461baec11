#include "chat_archiver.h"

#include "chat_history.h"
#include "chat_room_log.h"

#include <liveview/cluster.h>

namespace livedeck::examples {

QString ChatArchiver::topic()
{
    return QStringLiteral("chat:archive");
}

ChatArchiver::ChatArchiver(std::shared_ptr<ChatHistory> history, std::shared_ptr<ChatRoomLog> log)
    : m_history(std::move(history)), m_log(std::move(log))
{
    m_subscription.subscribe(topic());
    connect(&m_subscription, &liveview::Subscription::received, this,
            [this](const QString &, const QVariant &message) { archive(message); });
}

void ChatArchiver::archive(const QVariant &message)
{
    const QVariantMap m = message.toMap();
    const QString id = m.value(QStringLiteral("id")).toString();
    const QString room = m.value(QStringLiteral("room")).toString();
    const QString node = liveview::RedisCluster::localNodeId();
    // Ours were stored by the view that sent them; anything malformed is not a chat message.
    if (node.isEmpty() || id.startsWith(node + u'-') || !id.contains(u'-') ||
        !room.startsWith(QStringLiteral("chat:")) ||
        (m.value(QStringLiteral("body")).toString().isEmpty() &&
         !m.contains(QStringLiteral("attachment"))))
        return;
    // The product's messages may carry an attachment (its file stays on the node it was
    // uploaded to, which serves it).
    if (m_history)
        m_history->appendRemote(room, m.value(QStringLiteral("user")).toString(),
                                m.value(QStringLiteral("body")).toString(), id,
                                m.value(QStringLiteral("attachment")).toMap());
    if (m_log) // rooms never opened here are not kept in memory: their history has it
        m_log->addIfLoaded(room, message);
}

} // namespace livedeck::examples
