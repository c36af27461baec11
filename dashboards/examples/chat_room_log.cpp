#include "chat_room_log.h"

#include "chat_history.h"

namespace livedeck::examples {
namespace {
QString idOf(const QVariant &message)
{
    return message.toMap().value(QStringLiteral("id")).toString();
}
} // namespace

ChatRoomLog::ChatRoomLog(std::shared_ptr<ChatHistory> history, int keep, int slack)
    : m_history(std::move(history)), m_keep(keep), m_slack(slack)
{
}

ChatRoomLog::Room &ChatRoomLog::roomLocked(const QString &room)
{
    auto it = m_rooms.find(room);
    if (it != m_rooms.end())
        return *it;
    Room r;
    if (m_history)
        r.messages = m_history->recent(room, m_keep);
    for (const QVariant &m : std::as_const(r.messages))
        r.ids.insert(idOf(m));
    return *m_rooms.insert(room, r);
}

QVariantList ChatRoomLog::recent(const QString &room)
{
    QMutexLocker locker(&m_mutex);
    return roomLocked(room).messages;
}

QVariantList ChatRoomLog::add(const QString &room, const QVariant &message)
{
    QMutexLocker locker(&m_mutex);
    Room &r = roomLocked(room);
    addLocked(r, message);
    return r.messages;
}

void ChatRoomLog::addIfLoaded(const QString &room, const QVariant &message)
{
    QMutexLocker locker(&m_mutex);
    const auto it = m_rooms.find(room);
    if (it != m_rooms.end())
        addLocked(*it, message);
}

void ChatRoomLog::addLocked(Room &r, const QVariant &message)
{
    const QString id = idOf(message);
    if (r.ids.contains(id))
        return;
    r.messages.append(message);
    r.ids.insert(id);
    if (r.messages.size() >= m_keep + m_slack) {
        const qsizetype drop = r.messages.size() - m_keep;
        for (qsizetype k = 0; k < drop; ++k)
            r.ids.remove(idOf(r.messages.at(k)));
        r.messages.remove(0, drop);
    }
}

} // namespace livedeck::examples
