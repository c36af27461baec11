#include "chat_archiver.h"

#include "chat_history.h"
#include "chat_room_log.h"

#include <liveview/cluster.h>
#include <liveview/pubsub.h>

#include <QTimer>

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
    if (m_pending.isEmpty())
        QTimer::singleShot(0, this, &ChatArchiver::flush);
    // The product's messages may carry an attachment (its file stays on the node it was
    // uploaded to, which serves it).
    m_pending.append(message);
}

void ChatArchiver::flush()
{
    const QVariantList messages = std::exchange(m_pending, {});
    const QList<ChatHistory::Stored> stored =
        m_history ? m_history->appendRemote(messages)
                  : QList<ChatHistory::Stored>(messages.size(), ChatHistory::Stored::New);
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (stored.at(i) == ChatHistory::Stored::Repeat)
            continue; // replayed after a restart or a cut: shown when it first came
        const QVariant &message = messages.at(i);
        const QString room = message.toMap().value(QStringLiteral("room")).toString();
        if (m_log) // rooms never opened here are not kept in memory: their history has it
            m_log->addIfLoaded(room, message);
        liveview::PubSub::localBroadcast(room, message);
    }
}

} // namespace livedeck::examples
