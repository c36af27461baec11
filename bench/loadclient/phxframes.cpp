// Builds join/heartbeat frames and classifies replies; JSON shapes follow protocol doc §2-3.
#include "phxframes.h"

#include "pageparse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

QString joinFrame(const LivePage &p, const QString &pageUrl)
{
    const QJsonObject params{{QStringLiteral("_csrf_token"), p.csrf},
                             {QStringLiteral("_mounts"), 0},
                             {QStringLiteral("_mount_attempts"), 0}};
    // An empty data-phx-static is sent as null, exactly like the JS client.
    const QJsonValue staticToken =
        p.staticToken.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(p.staticToken);
    const QJsonObject payload{{QStringLiteral("url"), pageUrl},
                              {QStringLiteral("params"), params},
                              {QStringLiteral("session"), p.session},
                              {QStringLiteral("static"), staticToken},
                              {QStringLiteral("sticky"), false}};
    const QJsonArray msg{kJoinRef, kJoinRef, QStringLiteral("lv:") + p.containerId,
                         QStringLiteral("phx_join"), payload};
    return QString::fromUtf8(QJsonDocument(msg).toJson(QJsonDocument::Compact));
}

QString heartbeatFrame(const QString &ref)
{
    return QStringLiteral("[null,\"%1\",\"phoenix\",\"heartbeat\",{}]").arg(ref);
}

PhxReply parseReply(const QString &frame)
{
    PhxReply r;
    const QJsonArray msg = QJsonDocument::fromJson(frame.toUtf8()).array();
    if (msg.at(3).toString() != QLatin1String("phx_reply"))
        return r;
    r.isReply = true;
    r.ref = msg.at(1).toString();
    const QJsonObject payload = msg.at(4).toObject();
    r.ok = payload.value(QStringLiteral("status")).toString() == QLatin1String("ok");
    r.hasRendered =
        payload.value(QStringLiteral("response")).toObject().contains(QStringLiteral("rendered"));
    if (!r.ok || !r.hasRendered)
        r.summary =
            QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact).left(120));
    return r;
}
