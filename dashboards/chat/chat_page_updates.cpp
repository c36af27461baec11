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
        if (m.value(QStringLiteral("topic")).toString() == presenceTopic(m_room))
            applyPresenceDiff(m);
    } else if (m.contains(QStringLiteral("chat_online"))) {
        showOnline();
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
        // Formatted by the sender's page; a message from elsewhere (an older node) is here.
        streamInsert(QStringLiteral("messages"), message.contains(QStringLiteral("parts"))
                                                     ? message
                                                     : ChatMessageFormat::display(message));
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

namespace {
QStringList presenceRefs(const QVariant &presence)
{
    QStringList refs;
    for (const QVariant &meta : presence.toMap().value(QStringLiteral("metas")).toList())
        refs << meta.toMap().value(QStringLiteral("phx_ref")).toString();
    return refs;
}
} // namespace

void ChatPage::loadOnline()
{
    m_online.clear();
    const QVariantMap online = liveview::Presence::list(presenceTopic(m_room));
    for (auto it = online.cbegin(); it != online.cend(); ++it)
        for (const QString &ref : presenceRefs(it.value()))
            m_online[it.key()].insert(ref);
    showOnline();
}

void ChatPage::applyPresenceDiff(const QVariantMap &diff)
{
    // A diff names only who came and went: O(change) here, whatever the room's size.
    const QVariantMap joins = diff.value(QStringLiteral("joins")).toMap();
    for (auto it = joins.cbegin(); it != joins.cend(); ++it)
        for (const QString &ref : presenceRefs(it.value()))
            m_online[it.key()].insert(ref);
    const QVariantMap leaves = diff.value(QStringLiteral("leaves")).toMap();
    for (auto it = leaves.cbegin(); it != leaves.cend(); ++it) {
        const auto found = m_online.find(it.key());
        if (found == m_online.end())
            continue;
        for (const QString &ref : presenceRefs(it.value()))
            found->remove(ref);
        if (found->isEmpty())
            m_online.erase(found);
    }
    if (m_onlineRefresh && !m_onlineRefresh->isActive())
        m_onlineRefresh->start();
}

void ChatPage::showOnline()
{
    QVariantList people;
    for (auto it = m_online.cbegin(); it != m_online.cend() && people.size() < listedOnline; ++it)
        people << QVariantMap{{QStringLiteral("name"), it.key()},
                              {QStringLiteral("initial"), it.key().left(1).toUpper()},
                              {QStringLiteral("hue"), ChatMessageFormat::hueOf(it.key())},
                              {QStringLiteral("me"), it.key() == m_nickname}};
    assign(QStringLiteral("online"), people);
    assign(QStringLiteral("online_count"), int(m_online.size()));
    assign(QStringLiteral("online_more"), qMax(0, int(m_online.size()) - listedOnline));
}

} // namespace livedeck::chat
