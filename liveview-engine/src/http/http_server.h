#pragma once
// The HTTP surface on one event-loop thread: live pages, static assets, socket upgrades.

#include "../channel/endpoint_context.h"
#include "static_assets.h"

#include <QAbstractHttpServer>

namespace liveview::internal {

class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    HttpServer(std::shared_ptr<const EndpointContext> context,
               std::shared_ptr<const StaticAssets> assets, QObject *parent = nullptr);

    static constexpr const char *socketPath = "/live/websocket";

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void serveAsset(const QHttpServerRequest &request, QTcpSocket *socket,
                    const StaticAsset &asset);
    void serveLivePage(const QHttpServerRequest &request, QTcpSocket *socket,
                       const Router::Match &match);
    // A file of a Router::files() directory (404 when it is not there).
    void serveStoredFile(const QHttpServerRequest &request, QTcpSocket *socket,
                         const Router::FileMatch &file, bool isGet);

    std::shared_ptr<const EndpointContext> m_context;
    std::shared_ptr<const StaticAssets> m_assets;
};

// How many body bytes a request to `path` may carry: the routes that take bodies say so here,
// every other route takes up to the endpoint's default.
qint64 requestBodyLimit(QByteArrayView path, const EndpointContext &context);
// The largest of those: how far ahead of its parser Qt may buffer a request.
qint64 largestRequestBody(const EndpointContext &context);

} // namespace liveview::internal
