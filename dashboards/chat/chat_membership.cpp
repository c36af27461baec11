// chat_members rows; the room's newest message id is read in the same statement that stores it.
#include "chat_membership.h"

#include "chat_room_directory.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace livedeck::chat {

void ChatMembership::joinAndMarkRead(const QString &sessionId, const QString &room)
{
    if (sessionId.isEmpty())
        return; // a page without a browser session (a test's raw socket) keeps nothing
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral(
        "INSERT INTO chat_members (session_id, room, last_read) SELECT ?, ?, COALESCE(MAX(id), "
        "0) FROM chat_messages WHERE room = ? ON CONFLICT (session_id, room) DO UPDATE SET "
        "last_read = MAX(last_read, excluded.last_read)"));
    q.addBindValue(sessionId);
    q.addBindValue(room);
    q.addBindValue(ChatRoomDirectory::messageTopic(room));
    if (!q.exec())
        qWarning() << "chat read mark not stored:" << q.lastError().text();
}

QStringList ChatMembership::joinedRooms(const QString &sessionId) const
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT room FROM chat_members WHERE session_id = ?"));
    q.addBindValue(sessionId);
    QStringList out;
    if (q.exec())
        while (q.next())
            out << q.value(0).toString();
    return out;
}

QHash<QString, int> ChatMembership::unreadCounts(const QString &sessionId) const
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral(
        "SELECT m.room, (SELECT COUNT(*) FROM chat_messages c WHERE c.room = 'chat:' || m.room "
        "AND c.id > m.last_read) FROM chat_members m WHERE m.session_id = ?"));
    q.addBindValue(sessionId);
    QHash<QString, int> out;
    if (q.exec())
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toInt());
    return out;
}

} // namespace livedeck::chat
