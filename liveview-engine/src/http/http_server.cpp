// Request dispatch over QAbstractHttpServer: one small switch instead of QHttpServer's templates.
#include "http_server.h"

#include "browser_session_cookie.h"
#include "http_routes.h"
#include "liveview/dev_reloader.h"
#include "operator_api.h"
#include "page_renderer.h"

#include <QFile>

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QTcpSocket>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace liveview::internal {
namespace {

using Status = QHttpServerResponder::StatusCode;
using Method = QHttpServerRequest::Method;

void writeResponse(QHttpServerResponder &responder, Status status, const QByteArray &contentType,
                   const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers,
                   bool headOnly)
{
    responder.writeStatusLine(status);
    responder.writeHeader("Content-Type", contentType);
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    responder.writeHeader("X-Content-Type-Options", "nosniff");
    for (const auto &[name, value] : headers)
        responder.writeHeader(name, value);
    responder.writeBody(headOnly ? QByteArray() : body);
}

bool acceptsGzip(const QHttpServerRequest &request)
{
    return request.value("accept-encoding").contains("gzip");
}

} // namespace

qint64 requestBodyLimit(QByteArrayView path, const EndpointContext &context)
{
    if (path.startsWith(QByteArrayView(operatorApiPrefix)))
        return operatorApiBodyBytes;
    if (context.router->largestBodyLimit() == 0) // no route declares one: skip the decoding
        return context.maxBodyBytes;
    const qint64 declared = context.router->bodyLimitOf(
        QUrl::fromPercentEncoding(QByteArray::fromRawData(path.data(), path.size())));
    return declared > 0 ? declared : context.maxBodyBytes;
}

qint64 largestRequestBody(const EndpointContext &context)
{
    return qMax(qMax(operatorApiBodyBytes, context.maxBodyBytes),
                context.router->largestBodyLimit());
}

HttpServer::HttpServer(std::shared_ptr<const EndpointContext> context,
                       std::shared_ptr<const StaticAssets> assets, QObject *parent)
    : QAbstractHttpServer(parent), m_context(std::move(context)), m_assets(std::move(assets))
{
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();
    if (path == QLatin1String(socketPath)) {
        // Writing nothing lets QAbstractHttpServer hand the socket to its WebSocket upgrade;
        // Origin and cookie are checked on the upgraded socket (see ServerWorker).
        if (request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
            return true;
        QHttpServerResponder responder = makeResponder(request, socket);
        writeResponse(responder, Status::BadRequest, "text/plain; charset=utf-8",
                      "WebSocket upgrade expected\n", {}, false);
        return true;
    }
    if (auto answer = answerOperatorRequest(request, socket->peerAddress(), *m_context)) {
        QHttpServerResponder responder = makeResponder(request, socket);
        writeResponse(responder, Status(answer->status), answer->contentType, answer->body,
                      {{"Cache-Control", "no-store"}}, request.method() == Method::Head);
        return true;
    }
    const bool isGet = request.method() == Method::Get || request.method() == Method::Head;
    // Development mode serves our own CSS/JS from the source tree, uncached, so edits show at once.
    if (const DevReloader *dev = DevReloader::instance();
        dev && isGet && path.startsWith(u"/assets/")) {
        QFile file(dev->assetFile(path));
        if (!file.fileName().isEmpty() && file.open(QIODevice::ReadOnly)) {
            QHttpServerResponder responder = makeResponder(request, socket);
            writeResponse(responder, Status::Ok, StaticAssets::contentTypeFor(path), file.readAll(),
                          {{"Cache-Control", "no-store"}}, request.method() == Method::Head);
            return true;
        }
    }
    if (const StaticAsset *asset = m_assets->find(path)) {
        if (!isGet) {
            QHttpServerResponder responder = makeResponder(request, socket);
            writeResponse(responder, Status::MethodNotAllowed, "text/plain; charset=utf-8",
                          "Method not allowed\n", {{"Allow", "GET, HEAD"}}, false);
            return true;
        }
        serveAsset(request, socket, *asset);
        return true;
    }
    if (const Router::FileMatch file = m_context->router->matchFile(path); file.isValid()) {
        serveStoredFile(request, socket, file, isGet);
        return true;
    }
    const Router::HttpMatch plain = m_context->router->matchHttp(httpMethodName(request), path);
    if (plain.isValid()) {
        const HttpResponse answer = answerHttpRoute(request, plain, *m_context);
        QHttpServerResponder responder = makeResponder(request, socket);
        writeResponse(responder, Status(answer.status), answer.contentType, answer.body,
                      answer.headers, request.method() == Method::Head);
        return true;
    }
    const Router::Match match = m_context->router->match(path);
    if (match.isValid() && isGet) {
        serveLivePage(request, socket, match);
        return true;
    }
    if (!match.isValid() && plain.allowedMethods.isEmpty())
        return false;
    QByteArrayList allowed = plain.allowedMethods;
    for (const QByteArray &method : {QByteArrayLiteral("GET"), QByteArrayLiteral("HEAD")})
        if (match.isValid() && !allowed.contains(method))
            allowed << method;
    QHttpServerResponder responder = makeResponder(request, socket);
    writeResponse(responder, Status::MethodNotAllowed, "text/plain; charset=utf-8",
                  "Method not allowed\n", {{"Allow", allowed.join(", ")}}, false);
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const PageResult page =
        renderErrorPage(404, QStringLiteral("Not found"),
                        QStringLiteral("There is no page at %1.").arg(request.url().path()));
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!m_context->contentSecurityPolicy.isEmpty())
        headers.append({"Content-Security-Policy", m_context->contentSecurityPolicy});
    QHttpServerResponder responder = makeResponder(request, socket);
    writeResponse(responder, Status::NotFound, "text/html; charset=utf-8", page.html, headers,
                  request.method() == Method::Head);
}

void HttpServer::serveAsset(const QHttpServerRequest &request, QTcpSocket *socket,
                            const StaticAsset &asset)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    const bool headOnly = request.method() == Method::Head;
    const QList<std::pair<QByteArray, QByteArray>> common{
        {"ETag", asset.etag}, {"Cache-Control", asset.cacheControl}, {"Vary", "Accept-Encoding"}};
    if (request.value("if-none-match") == asset.etag) {
        responder.writeStatusLine(Status::NotModified);
        for (const auto &[name, value] : common)
            responder.writeHeader(name, value);
        responder.writeHeader("Content-Length", "0");
        responder.writeBody(QByteArray());
        return;
    }
    if (!asset.gzipBody.isEmpty() && acceptsGzip(request)) {
        auto headers = common;
        headers.append(std::pair<QByteArray, QByteArray>("Content-Encoding", "gzip"));
        writeResponse(responder, Status::Ok, asset.contentType, asset.gzipBody, headers, headOnly);
        return;
    }
    writeResponse(responder, Status::Ok, asset.contentType, asset.body, common, headOnly);
}

void HttpServer::serveStoredFile(const QHttpServerRequest &request, QTcpSocket *socket,
                                 const Router::FileMatch &file, bool isGet)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    if (!isGet) {
        writeResponse(responder, Status::MethodNotAllowed, "text/plain; charset=utf-8",
                      "Method not allowed\n", {{"Allow", "GET, HEAD"}}, false);
        return;
    }
    QFile stored(file.filePath);
    if (!stored.open(QIODevice::ReadOnly)) {
        writeResponse(responder, Status::NotFound, "text/plain; charset=utf-8", "Not found\n", {},
                      request.method() == Method::Head);
        return;
    }
    // Files users sent: never a document of this origin (a sandbox without scripts even if a
    // browser were talked into rendering one), and only images open in the browser.
    QList<std::pair<QByteArray, QByteArray>> headers{
        {"Cache-Control", "private, max-age=86400"},
        {"Content-Security-Policy", "default-src 'none'; sandbox"}};
    if (!file.contentType.startsWith("image/"))
        headers.append(std::pair<QByteArray, QByteArray>("Content-Disposition", "attachment"));
    writeResponse(responder, Status::Ok, file.contentType, stored.readAll(), headers,
                  request.method() == Method::Head);
}

void HttpServer::serveLivePage(const QHttpServerRequest &request, QTcpSocket *socket,
                               const Router::Match &match)
{
    QList<std::pair<QByteArray, QByteArray>> headers{{"Cache-Control", "no-store"},
                                                     {"X-Frame-Options", "SAMEORIGIN"}};
    if (!m_context->contentSecurityPolicy.isEmpty())
        headers.append({"Content-Security-Policy", m_context->contentSecurityPolicy});
    BrowserSession session = readSessionCookie(*m_context->signer, m_context->sessionCookieName,
                                               request.value("cookie"));
    if (!session.isValid()) {
        session = newBrowserSession();
        headers.append(std::pair<QByteArray, QByteArray>(
            "Set-Cookie",
            sessionSetCookie(*m_context->signer, m_context->sessionCookieName, session)));
    }
    // A full-page redirect from a live view carries its flash in a cookie set by the client;
    // it is read once and cleared.
    bool hadFlashCookie = false;
    const QVariantMap flash =
        readFlashCookie(*m_context->signer, request.value("cookie"), &hadFlashCookie);
    if (hadFlashCookie)
        headers.append(std::pair<QByteArray, QByteArray>("Set-Cookie",
                                                         "__phoenix_flash__=; Max-Age=0; Path=/"));
    const PageResult page =
        renderLivePage(*m_context, match, request.url(), session, flash, socket->peerAddress());
    QHttpServerResponder responder = makeResponder(request, socket);
    writeResponse(responder, Status(page.status), "text/html; charset=utf-8", page.html, headers,
                  request.method() == Method::Head);
}

} // namespace liveview::internal
