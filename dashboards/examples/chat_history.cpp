// Chat messages in SQLite: prepared statements only, so message text never becomes SQL.
#include "chat_history.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace livedeck::examples {
namespace {
QVariant attachmentColumn(const QVariantMap &attachment)
{
    if (attachment.isEmpty())
        return QVariant(QMetaType::fromType<QString>()); // NULL
    return QString::fromUtf8(
        QJsonDocument(QJsonObject::fromVariantMap(attachment)).toJson(QJsonDocument::Compact));
}

// The columns every paging query selects, in this order.
constexpr auto pageColumns = "COALESCE(origin, id), id, user, body, sent_at, attachment";

QVariantList readPage(QSqlQuery &q)
{
    QVariantList out;
    if (!q.exec()) {
        qWarning() << "chat history not read:" << q.lastError().text();
        return out;
    }
    while (q.next()) {
        QVariantMap m{{QStringLiteral("id"), q.value(0)},
                      {QStringLiteral("row"), q.value(1)},
                      {QStringLiteral("user"), q.value(2)},
                      {QStringLiteral("body"), q.value(3)},
                      {QStringLiteral("sent_at"), q.value(4)}};
        const QString attachment = q.value(5).toString();
        if (!attachment.isEmpty())
            m.insert(QStringLiteral("attachment"),
                     QJsonDocument::fromJson(attachment.toUtf8()).object().toVariantMap());
        out << m;
    }
    return out;
}
} // namespace

qint64 ChatHistory::append(const QString &room, const QString &user, const QString &body,
                           const QString &node, const QVariantMap &attachment)
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
    q.prepare(QStringLiteral("INSERT INTO chat_messages (room, user, body, sent_at, attachment) "
                             "VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(room);
    q.addBindValue(user);
    q.addBindValue(body);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(attachmentColumn(attachment));
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
                             "origin, attachment) VALUES (?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QVariantMap m = messages.at(i).toMap();
        for (const char *key : {"room", "user", "body"})
            q.addBindValue(m.value(QLatin1String(key)).toString());
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        q.addBindValue(m.value(QStringLiteral("id")).toString());
        q.addBindValue(attachmentColumn(m.value(QStringLiteral("attachment")).toMap()));
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

QVariantList ChatHistory::before(const QString &room, qint64 beforeRow, int count) const
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT %1 FROM (SELECT * FROM chat_messages WHERE room = ? AND id "
                             "< ? ORDER BY id DESC LIMIT ?) ORDER BY id")
                  .arg(QLatin1String(pageColumns)));
    q.addBindValue(room);
    q.addBindValue(beforeRow > 0 ? beforeRow : std::numeric_limits<qint64>::max());
    q.addBindValue(count);
    return readPage(q);
}

QVariantList ChatHistory::after(const QString &room, qint64 afterRow, int count) const
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT %1 FROM chat_messages WHERE room = ? AND id > ? ORDER BY id "
                             "LIMIT ?")
                  .arg(QLatin1String(pageColumns)));
    q.addBindValue(room);
    q.addBindValue(afterRow);
    q.addBindValue(count);
    return readPage(q);
}

int ChatHistory::countAfter(const QString &room, qint64 afterRow) const
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM chat_messages WHERE room = ? AND id > ?"));
    q.addBindValue(room);
    q.addBindValue(afterRow);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

qint64 ChatHistory::newestRow(const QString &room) const
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM chat_messages WHERE room = ?"));
    q.addBindValue(room);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace livedeck::examples
