// What reaches a chat page from elsewhere (messages, typing notices, presence, new rooms) and
// the assigns rebuilt from it.
#include "chat_page.h"

#include "chat_message_format.h"
#include "chat_room_directory.h"

#include <liveview/presence.h>

#include <QDateTime>
#include <QTimer>

namespace livedeck::chat {

void ChatPage::handleInfo(const QVariant &info)
{
    const QVariantMap m = info.toMap();
    if (liveview::Presence::isDiff(info)) {
        refreshOnline();
    } else if (m.contains(QStringLiteral("chat_tick"))) {
        if (m_typing.expire(QDateTime::currentMSecsSinceEpoch()))
            refreshTyping();
        scheduleTypingExpiry();
    } else if (m.contains(QStringLiteral("typing"))) {
        receiveTyping(m);
    } else if (m.contains(QStringLiteral("room_created"))) {
        const QString name = m.value(QStringLiteral("room_created")).toString();
        if (ChatRoomDirectory::isValidName(name) && !m_roomNames.contains(name)) {
            m_roomNames << name;
            m_roomNames.sort(Qt::CaseInsensitive);
            refreshRooms();
        }
    } else if (m.contains(QStringLiteral("body"))) {
        receiveMessage(m);
    }
}

void ChatPage::receiveMessage(const QVariantMap &message)
{
    const QString topic = message.value(QStringLiteral("room")).toString();
    const QString room = topic.mid(ChatRoomDirectory::messageTopic(QString()).size());
    if (room == m_room) {
        streamInsert(QStringLiteral("messages"), ChatMessageFormat::display(message));
        if (m_typing.remove(message.value(QStringLiteral("user")).toString()))
            refreshTyping();
        return;
    }
    if (!m_joined.contains(room))
        return;
    m_unread[room] += 1;
    if (!m_roomNames.contains(room)) // made on a node whose announcement we missed
        m_roomNames = m_services.rooms->names();
    refreshRooms();
}

void ChatPage::receiveTyping(const QVariantMap &notice)
{
    const QString who = notice.value(QStringLiteral("typing")).toString();
    if (notice.value(QStringLiteral("room")).toString() != m_room || who == m_nickname)
        return;
    if (m_typing.touch(who, QDateTime::currentMSecsSinceEpoch()))
        refreshTyping();
    scheduleTypingExpiry();
}

void ChatPage::scheduleTypingExpiry()
{
    if (!m_typingExpiry)
        return;
    const qint64 next = m_typing.nextExpiry();
    if (next == 0) {
        m_typingExpiry->stop();
        return;
    }
    m_typingExpiry->start(int(qBound<qint64>(0, next - QDateTime::currentMSecsSinceEpoch() + 20,
                                             ChatTyping::lifetimeMs + 20)));
}

void ChatPage::refreshTyping()
{
    const QStringList names = m_typing.names();
    assign(QStringLiteral("typing_text"), ChatTyping::sentence(names));
}

void ChatPage::refreshRooms()
{
    QVariantList rooms;
    for (const QString &name : std::as_const(m_roomNames)) {
        const bool current = name == m_room;
        const int unread = current ? 0 : m_unread.value(name);
        QString cls = QStringLiteral("chat-room");
        if (current)
            cls += QStringLiteral(" is-current");
        if (unread > 0)
            cls += QStringLiteral(" has-unread");
        rooms << QVariantMap{
            {QStringLiteral("name"), name},
            {QStringLiteral("unread"), unread},
            {QStringLiteral("unread_text"),
             unread > 99 ? QStringLiteral("99+") : QString::number(unread)},
            {QStringLiteral("class"), cls},
            {QStringLiteral("current"), current ? QStringLiteral("page") : QString()}};
    }
    assign(QStringLiteral("rooms"), rooms);
}

void ChatPage::refreshOnline()
{
    QVariantList people;
    const QVariantMap online = liveview::Presence::list(presenceTopic(m_room));
    for (auto it = online.cbegin(); it != online.cend(); ++it)
        people << QVariantMap{{QStringLiteral("name"), it.key()},
                              {QStringLiteral("initial"), it.key().left(1).toUpper()},
                              {QStringLiteral("hue"), ChatMessageFormat::hueOf(it.key())},
                              {QStringLiteral("me"), it.key() == m_nickname}};
    assign(QStringLiteral("online"), people);
    assign(QStringLiteral("online_count"), people.size());
}

} // namespace livedeck::chat
