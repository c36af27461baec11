// chat_members rows, written behind in batches (see the header for why).
#include "chat_membership.h"

#include "chat_room_directory.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace livedeck::chat {

ChatMembership::ChatMembership(std::shared_ptr<liveview::Store> store) : m_store(std::move(store))
{
    m_sinceFlush.start();
}

ChatMembership::~ChatMembership()
{
    flush();
}

qint64 ChatMembership::newestRow(const QString &room) const
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM chat_messages WHERE room = ?"));
    q.addBindValue(ChatRoomDirectory::messageTopic(room));
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

void ChatMembership::joinAndMarkRead(const QString &sessionId, const QString &room)
{
    if (sessionId.isEmpty())
        return; // a page without a browser session (a test's raw socket) keeps nothing
    const qint64 newest = newestRow(room);
    bool due = false;
    {
        QMutexLocker locker(&m_mutex);
        qint64 &mark = m_pending[sessionId][room];
        mark = qMax(mark, newest);
        due = m_sinceFlush.elapsed() >= flushIntervalMs;
    }
    if (due)
        flush();
}

void ChatMembership::flush()
{
    QHash<QString, QHash<QString, qint64>> pending;
    {
        QMutexLocker locker(&m_mutex);
        pending.swap(m_pending);
        m_sinceFlush.restart();
    }
    if (pending.isEmpty())
        return;
    QSqlDatabase db = m_store->database();
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO chat_members (session_id, room, last_read) VALUES (?, "
                             "?, ?) ON CONFLICT (session_id, room) DO UPDATE SET last_read = "
                             "MAX(last_read, excluded.last_read)"));
    for (auto s = pending.cbegin(); s != pending.cend(); ++s)
        for (auto r = s->cbegin(); r != s->cend(); ++r) {
            q.addBindValue(s.key());
            q.addBindValue(r.key());
            q.addBindValue(r.value());
            if (!q.exec())
                qWarning() << "chat read mark not stored:" << q.lastError().text();
        }
    if (!db.commit())
        qWarning() << "chat read marks not stored:" << db.lastError().text();
}

QHash<QString, qint64> ChatMembership::pendingOf(const QString &sessionId) const
{
    QMutexLocker locker(&m_mutex);
    return m_pending.value(sessionId);
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
    for (const QString &room : pendingOf(sessionId).keys())
        if (!out.contains(room))
            out << room;
    return out;
}

QHash<QString, int> ChatMembership::unreadCounts(const QString &sessionId) const
{
    QHash<QString, qint64> marks;
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT room, last_read FROM chat_members WHERE session_id = ?"));
    q.addBindValue(sessionId);
    if (q.exec())
        while (q.next())
            marks.insert(q.value(0).toString(), q.value(1).toLongLong());
    const QHash<QString, qint64> pending = pendingOf(sessionId);
    for (auto it = pending.cbegin(); it != pending.cend(); ++it)
        marks[it.key()] = qMax(marks.value(it.key()), it.value());
    QHash<QString, int> out;
    QSqlQuery count(m_store->database());
    count.prepare(QStringLiteral("SELECT COUNT(*) FROM chat_messages WHERE room = ? AND id > ?"));
    for (auto it = marks.cbegin(); it != marks.cend(); ++it) {
        count.addBindValue(ChatRoomDirectory::messageTopic(it.key()));
        count.addBindValue(it.value());
        out.insert(it.key(), count.exec() && count.next() ? count.value(0).toInt() : 0);
    }
    return out;
}

} // namespace livedeck::chat
