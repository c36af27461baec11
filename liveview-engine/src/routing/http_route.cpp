// The plain HTTP route's request and answer helpers.
#include "liveview/http_route.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace liveview {

QByteArray HttpRequest::header(const QByteArray &lowerCaseName) const
{
    for (const auto &[name, value] : headers)
        if (name == lowerCaseName)
            return value;
    return QByteArray();
}

QVariantMap HttpRequest::params() const
{
    QVariantMap merged = query;
    merged.insert(form);
    merged.insert(pathParameters);
    return merged;
}

HttpResponse HttpResponse::text(int status, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    return r;
}

HttpResponse HttpResponse::json(const QVariant &value, int status)
{
    HttpResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("application/json");
    const QJsonValue json = QJsonValue::fromVariant(value);
    r.body = json.isObject() ? QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact)
             : json.isArray()
                 ? QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact)
                 : QJsonDocument(QJsonArray{json}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
    return r;
}

} // namespace liveview
