// Operator actions: close sessions' sockets on their own threads, broadcast, drain.
#include "liveview/monitor.h"
#include "liveview/pubsub.h"

#include "log_ring.h"
#include "server_status.h"
#include "session_registry.h"

#include <QMetaObject>

namespace liveview {
namespace {

bool refusedWhileReadOnly(const QString &action, QString *error)
{
    if (!Monitor::instance()->isReadOnly())
        return false;
    const QString message = QStringLiteral("%1 refused: the server is read-only").arg(action);
    Monitor::instance()->appendLog(LogLevel::Warning, QStringLiteral("admin"), message);
    if (error)
        *error = message;
    return true;
}

void logAction(const QString &message, quint64 sessionId = 0)
{
    Monitor::instance()->appendLog(LogLevel::Info, QStringLiteral("admin"), message, sessionId,
                                   QStringLiteral("admin"));
}

// Posted under the registry shard's lock: the connection lives at least until its records are
// removed, which takes the same lock, and Qt drops events posted to an object that is deleted.
void postDisconnect(const internal::SessionRecord &record)
{
    if (QObject *connection = record.connectionObject)
        QMetaObject::invokeMethod(connection, "closeByOperator", Qt::QueuedConnection);
}

} // namespace

bool Admin::disconnectSession(quint64 sessionId, QString *error)
{
    if (refusedWhileReadOnly(QStringLiteral("disconnect session %1").arg(sessionId), error))
        return false;
    const int found = internal::SessionRegistry::visit(
        [sessionId](const internal::SessionRecord &r) { return r.id == sessionId; },
        postDisconnect);
    if (!found) {
        if (error)
            *error = QStringLiteral("no joined session %1").arg(sessionId);
        return false;
    }
    logAction(QStringLiteral("disconnected session %1").arg(sessionId), sessionId);
    return true;
}

int Admin::disconnectUser(const QString &user, QString *error)
{
    if (refusedWhileReadOnly(QStringLiteral("disconnect user %1").arg(user), error))
        return 0;
    if (user.isEmpty()) {
        if (error)
            *error = QStringLiteral("no user given");
        return 0;
    }
    // Several views of one socket are one disconnect.
    QSet<const QObject *> sockets;
    internal::SessionRegistry::visit(
        [&user](const internal::SessionRecord &r) { return r.hasUser(user); },
        [&sockets](const internal::SessionRecord &r) {
            if (!sockets.contains(r.connectionObject)) {
                sockets.insert(r.connectionObject);
                postDisconnect(r);
            }
        });
    logAction(QStringLiteral("disconnected %1 socket(s) of user %2").arg(sockets.size()).arg(user));
    return int(sockets.size());
}

bool Admin::broadcast(const QString &topic, const QVariant &message, QString *error)
{
    if (refusedWhileReadOnly(QStringLiteral("broadcast to %1").arg(topic), error))
        return false;
    if (topic.isEmpty()) {
        if (error)
            *error = QStringLiteral("no topic given");
        return false;
    }
    PubSub::broadcast(topic, message);
    logAction(QStringLiteral("broadcast to %1").arg(topic));
    return true;
}

bool Admin::setDraining(bool draining, QString *error)
{
    if (refusedWhileReadOnly(draining ? QStringLiteral("drain") : QStringLiteral("resume"), error))
        return false;
    if (internal::ServerStatus::instance().draining.exchange(draining) != draining) {
        logAction(draining ? QStringLiteral("draining: new sockets are refused")
                           : QStringLiteral("resumed: new sockets are accepted"));
        internal::markMonitorChanged();
    }
    return true;
}

bool Admin::isDraining()
{
    return internal::ServerStatus::instance().draining.load();
}

} // namespace liveview
