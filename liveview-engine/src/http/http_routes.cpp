// Plain HTTP routes: the request as the handler sees it, forgery refused before it runs.
#include "http_routes.h"

#include "../form/form_params.h"
#include "browser_session_cookie.h"

#include <QHttpServerRequest>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace liveview::internal {
namespace {

HttpRequest decodeRequest(const QHttpServerRequest &request, const Router::HttpMatch &match)
{
    HttpRequest r;
    r.method = httpMethodName(request);
    r.path = request.url().path();
    r.pathParameters = match.pathParameters;
    r.query = decodeFormParams(request.url().query(QUrl::FullyEncoded));
    for (const auto &[name, value] : request.headers())
        r.headers.append({name.toLower(), value});
    r.body = request.body();
    if (r.header("content-type").startsWith("application/x-www-form-urlencoded"))
        r.form = decodeFormParams(QString::fromUtf8(r.body));
    return r;
}

bool carriesValidCsrfToken(const HttpRequest &request, const EndpointContext &context)
{
    const BrowserSession session =
        readSessionCookie(*context.signer, context.sessionCookieName, request.header("cookie"));
    if (!session.isValid())
        return false;
    QByteArray token = request.header("x-csrf-token");
    if (token.isEmpty())
        token = request.form.value(QStringLiteral("_csrf_token")).toString().toLatin1();
    return TokenSigner::csrfMatches(token, session.csrfSecret);
}

} // namespace

QByteArray httpMethodName(const QHttpServerRequest &request)
{
    using Method = QHttpServerRequest::Method;
    switch (request.method()) {
    case Method::Get:
        return QByteArrayLiteral("GET");
    case Method::Head:
        return QByteArrayLiteral("HEAD");
    case Method::Post:
        return QByteArrayLiteral("POST");
    case Method::Put:
        return QByteArrayLiteral("PUT");
    case Method::Delete:
        return QByteArrayLiteral("DELETE");
    case Method::Patch:
        return QByteArrayLiteral("PATCH");
    default:
        return QByteArrayLiteral("OTHER");
    }
}

HttpResponse answerHttpRoute(const QHttpServerRequest &request, const Router::HttpMatch &match,
                             const EndpointContext &context)
{
    const HttpRequest decoded = decodeRequest(request, match);
    const bool safeMethod = decoded.method == "GET" || decoded.method == "HEAD";
    if (!safeMethod && match.options.verifyCsrf && !carriesValidCsrfToken(decoded, context)) {
        qCInfo(lcHttp).noquote() << decoded.method << decoded.path
                                 << "refused: missing or invalid CSRF token";
        return HttpResponse::text(403, "Invalid CSRF token\n");
    }
    try {
        return match.handler(decoded);
    } catch (const std::exception &e) {
        qCCritical(lcHttp).noquote() << decoded.method << decoded.path << "failed:" << e.what();
    } catch (...) {
        qCCritical(lcHttp).noquote() << decoded.method << decoded.path << "failed";
    }
    return HttpResponse::text(500, "Internal server error\n");
}

} // namespace liveview::internal
