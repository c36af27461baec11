#pragma once
// The server: HTTP pages, static assets and the LiveView socket on one port, served by
// event-loop worker threads apart from the thread that owns the Endpoint (the GUI, later).

#include "liveview/router.h"

#include <QHostAddress>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <memory>

namespace liveview {

namespace internal {
class EndpointPrivate;
} // namespace internal
class ResumableUploads;

struct EndpointOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 4000;   // 0 picks a free port
    QString dataDirectory; // keys, database and temporary files live here
    int workerThreads = 0; // 0: one per core
    // WebSockets at most; 0: as many as the file-descriptor limit allows (the soft limit is raised
    // to the hard one at start, and 1,000 descriptors are kept for everything else). A larger
    // number is lowered to that too.
    int maxConnections = 0;
    qint64 maxFrameBytes = 256 * 1024;
    QStringList allowedOrigins; // besides the server's own origin; "*" allows any
    int listenBacklog = 4096;
    qint64 checkpointLifetimeSeconds = 24 * 3600; // view checkpoints (LiveView::checkpointVersion)
    // How long a resumable upload may take from its last preparation (its URL's expiry too);
    // its stored bytes are swept after that (liveview/resumable_uploads.h).
    qint64 resumableUploadLifetimeSeconds = 24 * 3600;
    // The worker threads' event loops run on epoll (EpollEventDispatcher); false keeps Qt's
    // poll()-based dispatcher, whose cost grows with every open socket.
    bool epollEventLoop = true;
    // The application's resources, searched before the engine's own (the pinned clients, a plain
    // root layout and error page): template roots for Template::load and the layouts (Qt resource
    // paths such as ":/app/templates", or directories; see TemplateLibrary::addTemplateRoot), and
    // asset roots served under /assets/ (the first root with a file wins).
    QStringList templateRoots;
    QStringList assetRoots;
    // The page around every live view: a template with @title, @csrf_token, @view_id,
    // @session_token, @static_token and @inner_content (see the engine's layout/root.heex).
    QString rootLayout = QStringLiteral("layout/root.heex");
    QString defaultTitle = QStringLiteral("LiveView"); // for views that set no page title
    // Names the engine puts where other applications may see them: the browser session cookie
    // and the prefix of the /metrics families. An application sets its own, so that two of them
    // on one host (one cookie jar, one Prometheus) do not collide.
    QByteArray sessionCookieName = QByteArrayLiteral("_liveview_session");
    QString metricsPrefix = QStringLiteral("liveview");
    // Sent as the Content-Security-Policy header of every HTML page (live pages and error pages);
    // empty sends none. strictContentSecurityPolicy() suits pages without inline script or style.
    QString contentSecurityPolicy;
    // Prometheus text at /metrics (off by default), reachable from loopback and these addresses
    // or subnets ("10.0.0.0/8", "*").
    bool metrics = false;
    QStringList metricsAllowed;
    // The admin HTTP API (docs/admin-api.md) with the token in <dataDirectory>/admin.token,
    // reachable from loopback and these addresses or subnets.
    bool adminApi = true;
    QStringList adminAllowed;

    // The front door: what one client may cost before it is refused (docs/limits.md).
    int maxRequestLineBytes = 8 * 1024; // longer request line: 414
    int maxHeaderBytes = 16 * 1024;     // request line and headers together; more: 431
    int maxHeaderCount = 100;           // more header lines: 431
    qint64 maxBodyBytes = 8 * 1024;     // body limit of routes that declare none; more: 413
    int requestTimeoutMs = 5000;        // a request must arrive whole within this, else 408
    int idleTimeoutMs = 30000;          // a keep-alive connection without a request is closed
    int maxHttpConnections = 1000;  // plain HTTP ones open at once besides WebSockets; more: 503
    int heartbeatTimeoutMs = 60000; // a WebSocket silent this long is closed (clients: 30 s)
    qint64 maxSendQueueBytes = 1024 * 1024; // a WebSocket whose client stops reading: closed
    // New connections and joins per second from one address (0: unlimited). Loopback is exempt
    // unless rateLimitLoopback is set: a reverse proxy there would be one "address" for all.
    int connectionsPerSecond = 100;
    int joinsPerSecond = 100;
    bool rateLimitLoopback = false;
};

// Same-origin scripts, styles, images, fonts and sockets only; no inline script or style, no
// plugins, no framing, forms post to this origin. The pinned LiveView client works under it.
QString strictContentSecurityPolicy();

class Endpoint : public QObject
{
    Q_OBJECT
public:
    Endpoint(std::shared_ptr<Router> router, EndpointOptions options, QObject *parent = nullptr);
    ~Endpoint() override;

    // Loads or creates the signing key in the data directory, opens the port, starts the workers.
    bool start(QString *error);
    // Closes every socket with 1012 (service restart: browsers reconnect) and stops the workers.
    void stop();

    quint16 port() const;
    QUrl url() const;
    int connectionCount() const;
    // The store behind /uploads/resumable/ (null before start() or without a data directory).
    std::shared_ptr<ResumableUploads> resumableUploads() const;
    // The admin API's bearer token (empty when the API is off or there is no data directory).
    QByteArray adminToken() const;

signals:
    void connectionCountChanged(int count);

private:
    std::unique_ptr<internal::EndpointPrivate> d;
};

} // namespace liveview
