// Chat messages in SQLite: prepared statements only, so message text never becomes SQL.
#include "chat_history.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace livedeck::examples {

qint64 ChatHistory::append(const QString &room, const QString &user, const QString &body,
                           const QString &node)
{
    QSqlDatabase db = m_store->database();
    // The row and its cluster-wide id in one transaction: a crash in between would leave a row
    // that a replay of the same message stores a second time.
    const bool clustered = !node.isEmpty();
    if (clustered && !db.transaction()) {
        qWarning() << "chat message not stored:" << db.lastError().text();
        return 0;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO chat_messages (room, user, body, sent_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(room);
    q.addBindValue(user);
    q.addBindValue(body);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        qWarning() << "chat message not stored:" << q.lastError().text();
        if (clustered)
            db.rollback();
        return 0;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    if (!clustered)
        return id;
    QSqlQuery origin(db);
    origin.prepare(QStringLiteral("UPDATE chat_messages SET origin = ? WHERE id = ?"));
    origin.addBindValue(node + u'-' + QString::number(id));
    origin.addBindValue(id);
    if (!origin.exec() || !db.commit()) {
        qWarning() << "chat message not stored:" << origin.lastError().text()
                   << db.lastError().text();
        db.rollback();
        return 0;
    }
    return id;
}

QList<ChatHistory::Stored> ChatHistory::appendRemote(const QVariantList &messages)
{
    QSqlDatabase db = m_store->database();
    QList<Stored> out(messages.size(), Stored::Failed);
    if (!db.transaction()) {
        qWarning() << "chat messages from other nodes not stored:" << db.lastError().text();
        return out;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO chat_messages (room, user, body, sent_at, "
                             "origin) VALUES (?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QVariantMap m = messages.at(i).toMap();
        for (const char *key : {"room", "user", "body"})
            q.addBindValue(m.value(QLatin1String(key)).toString());
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        q.addBindValue(m.value(QStringLiteral("id")).toString());
        if (!q.exec()) {
            qWarning() << "chat message from another node not stored:" << q.lastError().text();
            continue;
        }
        out[i] = q.numRowsAffected() > 0 ? Stored::New : Stored::Repeat;
    }
    if (!db.commit()) {
        qWarning() << "chat messages from other nodes not stored:" << db.lastError().text();
        db.rollback();
        out.fill(Stored::Failed);
    }
    return out;
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
