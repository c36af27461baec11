// chat_nicknames rows, keyed by browser session id.
#include "chat_nicknames.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace livedeck::chat {

QString ChatNicknames::normalized(const QString &wanted)
{
    const QString name = wanted.simplified();
    if (name.isEmpty() || name.size() > maxLength)
        return {};
    for (const QChar c : name)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return {}; // no invisible or direction-changing characters in who said what
    return name;
}

QString ChatNicknames::guestName(const QString &sessionId)
{
    const QByteArray digest =
        QCryptographicHash::hash(sessionId.toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("guest-") + QString::fromLatin1(digest.toHex().left(4));
}

QString ChatNicknames::nicknameOf(const QString &sessionId) const
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT nickname FROM chat_nicknames WHERE session_id = ?"));
    q.addBindValue(sessionId);
    if (!sessionId.isEmpty() && q.exec() && q.next())
        return q.value(0).toString();
    return guestName(sessionId);
}

bool ChatNicknames::remember(const QString &sessionId, const QString &nickname)
{
    if (sessionId.isEmpty() || normalized(nickname) != nickname)
        return false;
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("INSERT INTO chat_nicknames (session_id, nickname, updated_at) "
                             "VALUES (?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET nickname = "
                             "excluded.nickname, updated_at = excluded.updated_at"));
    q.addBindValue(sessionId);
    q.addBindValue(nickname);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        qWarning() << "chat nickname not stored:" << q.lastError().text();
        return false;
    }
    return true;
}

} // namespace livedeck::chat
