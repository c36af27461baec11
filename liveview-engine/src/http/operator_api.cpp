// /metrics and /admin/api/*: loopback (or listed addresses) only, the admin API with a token.
#include "operator_api.h"

#include "liveview/monitor.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace liveview::internal {
namespace {

const QByteArray jsonType = "application/json";

OperatorResponse json(int status, const QJsonObject &body)
{
    return {status, jsonType, QJsonDocument(body).toJson(QJsonDocument::Compact)};
}

OperatorResponse error(int status, const QString &message)
{
    return json(status, {{QStringLiteral("error"), message}});
}

bool sameToken(const QByteArray &a, const QByteArray &b)
{
    // Constant time: how much of a guess matched must not show in the answer's timing.
    if (a.size() != b.size() || a.isEmpty())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

OperatorResponse adminAction(const QString &action, const QJsonObject &body)
{
    QString why;
    if (action == u"disconnect-session") {
        const QJsonValue id = body.value(QStringLiteral("id"));
        if (!id.isDouble())
            return error(400, QStringLiteral("\"id\" must be a session id"));
        if (!Admin::disconnectSession(quint64(id.toDouble()), &why))
            return error(Monitor::instance()->isReadOnly() ? 403 : 404, why);
        return json(200, {{QStringLiteral("ok"), true}});
    }
    if (action == u"disconnect-user") {
        const int sockets =
            Admin::disconnectUser(body.value(QStringLiteral("user")).toString(), &why);
        if (!why.isEmpty())
            return error(Monitor::instance()->isReadOnly() ? 403 : 400, why);
        return json(200, {{QStringLiteral("ok"), true}, {QStringLiteral("sockets"), sockets}});
    }
    if (action == u"broadcast") {
        if (!Admin::broadcast(body.value(QStringLiteral("topic")).toString(),
                              body.value(QStringLiteral("message")).toVariant(), &why))
            return error(Monitor::instance()->isReadOnly() ? 403 : 400, why);
        return json(200, {{QStringLiteral("ok"), true}});
    }
    if (action == u"drain") {
        const QJsonValue draining = body.value(QStringLiteral("draining"));
        if (!draining.isBool())
            return error(400, QStringLiteral("\"draining\" must be true or false"));
        if (!Admin::setDraining(draining.toBool(), &why))
            return error(403, why);
        return json(200, {{QStringLiteral("ok"), true}});
    }
    return error(404, QStringLiteral("no admin action %1").arg(action));
}

OperatorResponse adminRequest(const QHttpServerRequest &request, const QString &what)
{
    using Method = QHttpServerRequest::Method;
    const QUrlQuery query(request.url());
    if (request.method() == Method::Get || request.method() == Method::Head) {
        Monitor *monitor = Monitor::instance();
        if (what == u"snapshot")
            return json(200, monitorSnapshotToJson(monitor->snapshot()));
        if (what == u"session") {
            bool ok = false;
            const quint64 id = query.queryItemValue(QStringLiteral("id")).toULongLong(&ok);
            if (!ok)
                return error(400, QStringLiteral("?id= must be a session id"));
            const SessionInfo session = monitor->session(id);
            if (session.id == 0)
                return error(404, QStringLiteral("no session %1").arg(id));
            return json(200, sessionInfoToJson(session));
        }
        if (what == u"log") {
            const quint64 after = query.queryItemValue(QStringLiteral("after")).toULongLong();
            const int max =
                std::clamp(query.queryItemValue(QStringLiteral("max")).toInt(), 1, 5000);
            const quint64 session = query.queryItemValue(QStringLiteral("session")).toULongLong();
            QJsonArray entries;
            for (const LogEntry &e : monitor->log(
                     after, query.hasQueryItem(QStringLiteral("max")) ? max : 1000, session))
                entries.append(logEntryToJson(e));
            return json(200, {{QStringLiteral("entries"), entries},
                              {QStringLiteral("last"), double(monitor->lastLogSeq())}});
        }
        return error(404, QStringLiteral("no admin resource %1").arg(what));
    }
    if (request.method() != Method::Post)
        return error(405, QStringLiteral("GET or POST"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parseError);
    if (!doc.isObject())
        return error(400, QStringLiteral("the body must be a JSON object"));
    return adminAction(what, doc.object());
}

} // namespace

bool operatorAddressAllowed(const QHostAddress &peer, const QStringList &allowed)
{
    if (peer.isLoopback())
        return true;
    for (const QString &entry : allowed) {
        if (entry == u"*")
            return true;
        if (entry.contains(QLatin1Char('/'))) {
            const auto subnet = QHostAddress::parseSubnet(entry);
            if (subnet.second >= 0 && peer.isInSubnet(subnet))
                return true;
        } else if (peer.isEqual(QHostAddress(entry), QHostAddress::TolerantConversion)) {
            return true;
        }
    }
    return false;
}

std::optional<OperatorResponse> answerOperatorRequest(const QHttpServerRequest &request,
                                                      const QHostAddress &peer,
                                                      const EndpointContext &context)
{
    const QString path = request.url().path();
    if (path == u"/metrics") {
        if (!context.metricsEnabled)
            return std::nullopt; // an ordinary 404: nothing tells that it exists
        if (!operatorAddressAllowed(peer, context.metricsAllowed))
            return OperatorResponse{403, "text/plain; charset=utf-8",
                                    "metrics are served to loopback and --metrics-allow only\n"};
        return OperatorResponse{
            200, "text/plain; version=0.0.4; charset=utf-8",
            prometheusMetrics(Monitor::instance()->snapshot(), context.metricsPrefix)};
    }
    static const QString adminPrefix = QString::fromLatin1(operatorApiPrefix);
    if (!path.startsWith(adminPrefix))
        return std::nullopt;
    if (context.adminToken.isEmpty())
        return error(404, QStringLiteral("the admin API is off"));
    if (!operatorAddressAllowed(peer, context.adminAllowed))
        return error(403,
                     QStringLiteral("the admin API is served to loopback and --admin-allow only"));
    const QByteArray auth = request.value("authorization");
    if (!auth.startsWith("Bearer ") || !sameToken(auth.mid(7).trimmed(), context.adminToken))
        return error(401, QStringLiteral("a valid admin token is required"));
    return adminRequest(request, path.mid(adminPrefix.size()));
}

QByteArray loadOrCreateAdminToken(const QString &dataDirectory, QString *error)
{
    QFile file(QDir(dataDirectory).filePath(QStringLiteral("admin.token")));
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray token = file.readAll().trimmed();
        if (token.size() >= 32)
            return token;
        file.close();
    }
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(
        reinterpret_cast<quint32 *>(random.data()),
        reinterpret_cast<quint32 *>(random.data() + random.size()));
    const QByteArray token = random.toHex();
    QDir().mkpath(dataDirectory);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return {};
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(token + '\n');
    return token;
}

} // namespace liveview::internal
