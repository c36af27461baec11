// Chat messages in SQLite: prepared statements only, so message text never becomes SQL.
#include "chat_history.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace livedeck::examples {

qint64 ChatHistory::append(const QString &room, const QString &user, const QString &body)
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral(
        "INSERT INTO chat_messages (room, user, body, sent_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(room);
    q.addBindValue(user);
    q.addBindValue(body);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        qWarning() << "chat message not stored:" << q.lastError().text();
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

bool ChatHistory::appendRemote(const QString &room, const QString &user, const QString &body,
                               const QString &origin)
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO chat_messages (room, user, body, sent_at, "
                             "origin) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(room);
    q.addBindValue(user);
    q.addBindValue(body);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(origin);
    if (!q.exec()) {
        qWarning() << "chat message from another node not stored:" << q.lastError().text();
        return false;
    }
    return true;
}

QVariantList ChatHistory::recent(const QString &room, int count) const
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral(
        "SELECT COALESCE(origin, id), user, body FROM (SELECT id, origin, user, body FROM "
        "chat_messages WHERE room = ? ORDER BY id DESC LIMIT ?) ORDER BY id"));
    q.addBindValue(room);
    q.addBindValue(count);
    QVariantList out;
    if (!q.exec())
        return out;
    while (q.next())
        out << QVariantMap{{QStringLiteral("id"), q.value(0)},
                           {QStringLiteral("user"), q.value(1)},
                           {QStringLiteral("body"), q.value(2)}};
    return out;
}

} // namespace livedeck::examples
