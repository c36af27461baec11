#pragma once
// Plain HTTP routes next to the live ones (Router::get/post): a form that posts to the server
// (phx-trigger-action), a webhook, a JSON answer. A handler gets the request whole (its body
// already within the route's limit) and returns the whole answer.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantMap>
#include <functional>
#include <utility>

namespace liveview {

struct HttpRequest
{
    QByteArray method; // "GET", "HEAD", "POST", ...
    QString path;
    QVariantMap pathParameters; // the route's `:name` segments
    QVariantMap query;          // decoded with Plug's nesting rules (`a[b]=1`)
    // A urlencoded body decoded the same way (empty for any other content type); `body` keeps
    // the bytes as sent.
    QVariantMap form;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers; // names in lower case

    QByteArray header(const QByteArray &lowerCaseName) const;
    // Query, then form, then path parameters merged, later ones winning (Phoenix's `params`).
    QVariantMap params() const;
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;

    static HttpResponse text(int status, const QByteArray &body);
    static HttpResponse json(const QVariant &value, int status = 200);
};

struct HttpRouteOptions
{
    // Body bytes the route takes (0: the endpoint's maxBodyBytes); more is refused with 413
    // before the body is read.
    qint64 maxBodyBytes = 0;
    // Requests other than GET/HEAD must carry the page's CSRF token (a `_csrf_token` form field
    // or an `x-csrf-token` header) matching the browser's session cookie, else 403: what
    // Phoenix's protect_from_forgery does. Off only for routes other sites may post to.
    bool verifyCsrf = true;
};

// Runs on the worker thread that read the request: it must be safe to call from several
// threads at once. An exception becomes a 500 and is logged; the server goes on.
using HttpHandler = std::function<HttpResponse(const HttpRequest &request)>;

} // namespace liveview
