// Loopback or the admin token (see operator_access.h).
#include "operator_access.h"

#include <QHostAddress>
#include <QMutex>

namespace livedeck::dashboards {

namespace {
QMutex tokenLock;
QByteArray &storedToken()
{
    static QByteArray token;
    return token;
}

// Compares in time independent of where the first difference is.
bool sameSecret(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

bool fromLoopback(const QVariantMap &session)
{
    const QHostAddress address(session.value(QStringLiteral("remote_address")).toString());
    return !address.isNull() && address.isLoopback();
}
} // namespace

void OperatorAccess::setToken(const QByteArray &token)
{
    QMutexLocker locker(&tokenLock);
    storedToken() = token;
}

bool OperatorAccess::byToken(const QVariantMap &, const QVariantMap &params)
{
    const QByteArray presented = params.value(QStringLiteral("token")).toString().toUtf8();
    QMutexLocker locker(&tokenLock);
    return sameSecret(presented, storedToken());
}

bool OperatorAccess::permits(const QVariantMap &session, const QVariantMap &params)
{
    return fromLoopback(session) || byToken(session, params);
}

} // namespace livedeck::dashboards
