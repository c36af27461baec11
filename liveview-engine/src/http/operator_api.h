#pragma once
// The operator's HTTP surface: /metrics (Prometheus) and /admin/api/* (the monitor as JSON and
// the admin actions, for an admin window attached from elsewhere).

#include "../channel/endpoint_context.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <optional>

namespace liveview::internal {

// The admin API's path prefix, and the body size its actions take (small JSON objects).
inline constexpr char operatorApiPrefix[] = "/admin/api/";
inline constexpr qint64 operatorApiBodyBytes = 64 * 1024;

struct OperatorResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
};

// The answer for `request` when its path is one of the operator routes, else nothing.
std::optional<OperatorResponse> answerOperatorRequest(const QHttpServerRequest &request,
                                                      const QHostAddress &peer,
                                                      const EndpointContext &context);

// True when `peer` may reach an operator route: loopback always, others when listed (an address,
// a subnet "10.0.0.0/8", or "*").
bool operatorAddressAllowed(const QHostAddress &peer, const QStringList &allowed);

// The admin token of a data directory (`admin.token`, 0600), made on first use.
QByteArray loadOrCreateAdminToken(const QString &dataDirectory, QString *error);

} // namespace liveview::internal
