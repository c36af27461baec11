// Rooms in chat_rooms; INSERT OR IGNORE makes a creation announced twice (or by two nodes at
// once) harmless.
#include "chat_room_directory.h"

#include <liveview/pubsub.h>

#include <QDateTime>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace livedeck::chat {
namespace {
const QString createdKey = QStringLiteral("room_created");
}

ChatRoomDirectory::ChatRoomDirectory(std::shared_ptr<liveview::Store> store)
    : m_store(std::move(store))
{
    m_subscription.subscribe(topic());
    connect(&m_subscription, &liveview::Subscription::received, this,
            [this](const QString &, const QVariant &message) {
                const QString name = message.toMap().value(createdKey).toString();
                if (isValidName(name)) // ours are stored already: ignored
                    insert(name, message.toMap().value(QStringLiteral("by")).toString());
            });
}

bool ChatRoomDirectory::isValidName(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_-]{1,40}$"));
    return plain.match(name).hasMatch();
}

QString ChatRoomDirectory::nameRule()
{
    return QStringLiteral("A room name is 1 to 40 letters, digits, - or _.");
}

QString ChatRoomDirectory::topic()
{
    return QStringLiteral("chat:rooms");
}

QString ChatRoomDirectory::messageTopic(const QString &name)
{
    return QStringLiteral("chat:") + name;
}

bool ChatRoomDirectory::insert(const QString &name, const QString &createdBy) const
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO chat_rooms (name, created_at, created_by) VALUES (?, ?, ?)"));
    q.addBindValue(name);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(createdBy.left(40));
    if (!q.exec()) {
        qWarning() << "chat room not stored:" << q.lastError().text();
        return false;
    }
    return q.numRowsAffected() > 0;
}

ChatRoomDirectory::Creation ChatRoomDirectory::create(const QString &name, const QString &createdBy)
{
    if (!isValidName(name))
        return Creation::InvalidName;
    if (exists(name))
        return Creation::AlreadyThere;
    if (!insert(name, createdBy))
        return exists(name) ? Creation::AlreadyThere : Creation::StoreFailed;
    liveview::PubSub::broadcast(topic(), QVariantMap{{createdKey, name}, {"by", createdBy}});
    return Creation::Created;
}

bool ChatRoomDirectory::exists(const QString &name) const
{
    if (!isValidName(name))
        return false;
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT 1 FROM chat_rooms WHERE name = ?"));
    q.addBindValue(name);
    return q.exec() && q.next();
}

QStringList ChatRoomDirectory::names() const
{
    QSqlQuery q(m_store->database());
    QStringList out;
    if (!q.exec(QStringLiteral("SELECT name FROM chat_rooms ORDER BY name COLLATE NOCASE")))
        return out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

} // namespace livedeck::chat
