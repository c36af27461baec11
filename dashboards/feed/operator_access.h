#pragma once
// Who may open the operator pages (every /dashboard page) and act on the server from them: a
// browser on loopback, or one that presents the admin token (`?token=` in the page's URL; the
// token is <data dir>/admin.token, printed at start). Decided on the server from the request's
// address and the page's parameters, at mount; an ordinary page never gets an operator's power.

#include <QByteArray>
#include <QString>
#include <QVariantMap>

namespace livedeck::dashboards {

class OperatorAccess
{
public:
    // The admin token pages may present (empty: loopback only). Set once at start.
    static void setToken(const QByteArray &token);
    // `session` is the mount session (its "remote_address"), `params` the page's parameters.
    static bool permits(const QVariantMap &session, const QVariantMap &params);
    // Whether the page was let in by its token (its links then carry it along).
    static bool byToken(const QVariantMap &session, const QVariantMap &params);
};

} // namespace livedeck::dashboards
