// Per-thread server: accepts on the shared port, upgrades sockets, enforces Origin and the cap.
#include "server_worker.h"

#include "../channel/address_rate_limiter.h"
#include "../monitor/server_status.h"
#include "broadcast_scopes.h"
#include "browser_session_cookie.h"
#include "connection_balancer.h"
#include "direct_write_socket.h"
#include "http_server.h"
#include "liveview/monitor.h"
#include "request_guard.h"
#include "websocket_transport.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <sys/socket.h>
#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace liveview::internal {
namespace {

// Accepted sockets are DirectWriteSockets: they do not keep Qt's 32 KiB write chunk alive per
// connection. (Opening them with QIODevice::Unbuffered, tried before, changes nothing in Qt 6.4:
// setSocketDescriptor() leaves QAbstractSocket buffered.)
//
// It also enforces the connection cap: pausing is announced to the other workers through their
// event loops, so a connection can still arrive at a busy worker after the cap was reached; it is
// closed at once rather than let the process run into the fd limit.
//
// Every accepted socket gets a RequestGuard before QAbstractHttpServer sees it: its readyRead
// slot then runs ahead of Qt's. Refusals (cap, per-address rate) are a one-line HTTP answer
// sent straight on the new descriptor: a clear word to the client, no spin, no Qt object.
class DirectWriteTcpServer : public QTcpServer
{
public:
    DirectWriteTcpServer(ConnectionBudget *budget, std::shared_ptr<const EndpointContext> context,
                         int index, WebSocketAcceptor *acceptor, QObject *parent)
        : QTcpServer(parent), m_budget(budget), m_context(std::move(context)), m_acceptor(acceptor),
          m_index(index)
    {
    }

    // A connection another worker accepted for this one (on this worker's thread).
    void adoptHandedOver(qintptr descriptor)
    {
        if (!adopt(descriptor, m_index))
            return;
        // As QTcpServer does after its own accepts: QAbstractHttpServer listens to the private
        // signal (reachable through the meta-object only), the request guards to newConnection.
        if (!QMetaObject::invokeMethod(this, "pendingConnectionAvailable", Qt::DirectConnection))
            qCCritical(lcHttp) << "cannot announce a handed-over connection";
        emit newConnection();
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (m_budget->open.load() >= m_budget->limit ||
            m_budget->http.load(std::memory_order_relaxed) >= m_budget->httpLimit) {
            refuse(descriptor, "503 Service Unavailable", "connection limit reached");
            return;
        }
        if (m_budget->connectRate) {
            sockaddr_storage peer{};
            socklen_t length = sizeof peer;
            if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&peer), &length) == 0) {
                const QHostAddress address(reinterpret_cast<const sockaddr *>(&peer));
                if (!m_budget->connectRate->allow(address)) {
                    qCInfo(lcHttp).noquote() << "refused a connection from" << address.toString()
                                             << "- too many a second";
                    refuse(descriptor, "429 Too Many Requests", "too many new connections");
                    return;
                }
            }
        }
        ConnectionBalancer *balancer = m_budget->balancer.get();
        const int worker = balancer ? balancer->assign(m_index) : m_index;
        if (worker != m_index) {
            balancer->handOff(worker, descriptor);
            return;
        }
        adopt(descriptor, worker);
    }

    // The socket for an accepted descriptor, counted for `worker` (this one) until it closes.
    bool adopt(qintptr descriptor, int worker)
    {
        ConnectionBalancer *balancer = m_budget->balancer.get();
        auto *socket = new DirectWriteSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            ::close(int(descriptor));
            if (balancer)
                balancer->released(worker);
            return false;
        }
        if (balancer)
            connect(socket, &QObject::destroyed,
                    [balancer = m_budget->balancer, worker] { balancer->released(worker); });
        m_unfollowed.emplace_back(
            RequestGuard::install(socket, m_context, &m_budget->http, m_acceptor));
        addPendingConnection(socket);
        return true;
    }

public:
    // Called after QAbstractHttpServer's newConnection handler has connected to the sockets.
    void guardsFollowParser()
    {
        for (const QPointer<RequestGuard> &guard : std::exchange(m_unfollowed, {}))
            if (guard)
                guard->followParser();
    }

private:
    static void refuse(qintptr descriptor, const char *status, const char *reason)
    {
        const QByteArray body = QByteArray(reason) + '\n';
        const QByteArray answer = "HTTP/1.1 " + QByteArray(status) +
                                  "\r\nRetry-After: 1\r\nContent-Type: text/plain\r\n"
                                  "Content-Length: " +
                                  QByteArray::number(body.size()) +
                                  "\r\nConnection: close\r\n\r\n" + body;
        // A new socket's send buffer is empty: the answer fits, and nothing waits for it.
        (void)::send(int(descriptor), answer.constData(), size_t(answer.size()),
                     MSG_NOSIGNAL | MSG_DONTWAIT);
        ::shutdown(int(descriptor), SHUT_WR);
        // A request already received but unread would turn the close into a reset, which can
        // destroy the answer before the client reads it; drop what is there (no waiting).
        char sink[4096];
        for (int i = 0; i < 16; ++i)
            if (::recv(int(descriptor), sink, sizeof sink, MSG_DONTWAIT) <= 0)
                break;
        ::close(int(descriptor));
    }

    ConnectionBudget *m_budget;
    std::shared_ptr<const EndpointContext> m_context;
    WebSocketAcceptor *m_acceptor;
    int m_index;
    std::vector<QPointer<RequestGuard>> m_unfollowed;
};

} // namespace

ServerWorker::ServerWorker(std::shared_ptr<const EndpointContext> context,
                           std::shared_ptr<const StaticAssets> assets,
                           std::shared_ptr<ConnectionBudget> budget, QStringList allowedOrigins,
                           int index)
    : m_context(std::move(context)), m_assets(std::move(assets)), m_budget(std::move(budget)),
      m_allowedOrigins(std::move(allowedOrigins)), m_index(index)
{
}

ServerWorker::~ServerWorker() = default;

bool ServerWorker::adoptListenSocket(int descriptor)
{
    installBroadcastScopes(); // this thread's views get PubSub's batches from now on
    auto *server = new DirectWriteTcpServer(m_budget.get(), m_context, m_index, this, this);
    m_tcpServer = server;
    if (!m_tcpServer->setSocketDescriptor(descriptor)) {
        qCCritical(lcHttp) << "cannot adopt listening socket:" << m_tcpServer->errorString();
        return false;
    }
    m_http = new HttpServer(m_context, m_assets, this);
    m_http->bind(m_tcpServer);
    // Connected after bind(): runs once Qt's own handler has connected to the new sockets.
    connect(m_tcpServer, &QTcpServer::newConnection, this,
            [server = static_cast<DirectWriteTcpServer *>(m_tcpServer)] {
                server->guardsFollowParser();
            });
    // One sweep over the sockets a few times per timeout, rather than a timer per socket.
    m_heartbeatSweep.setInterval(qMax(10, m_context->heartbeatTimeoutMs / 4));
    connect(&m_heartbeatSweep, &QTimer::timeout, this, &ServerWorker::closeSilentSockets);
    m_heartbeatSweep.start();
    if (m_budget->balancer)
        m_budget->balancer->attach(m_index, [server = QPointer(server)](qintptr descriptor) {
            // Posted to this worker's thread; dropped (and closed) if it is gone.
            if (!server ||
                !QMetaObject::invokeMethod(
                    server.get(), [server, descriptor] { server->adoptHandedOver(descriptor); },
                    Qt::QueuedConnection))
                ::close(int(descriptor));
        });
    return true;
}

bool ServerWorker::originAllowed(const QString &origin, const QByteArray &host) const
{
    if (origin.isEmpty())
        return true; // not a browser: Origin protects browsers from cross-site pages only
    if (m_allowedOrigins.contains(QStringLiteral("*")) || m_allowedOrigins.contains(origin))
        return true;
    const QUrl url(origin);
    const QString hostPort =
        url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
    return !host.isEmpty() && hostPort.compare(QString::fromLatin1(host), Qt::CaseInsensitive) == 0;
}

void ServerWorker::acceptWebSocket(DirectWriteSocket *socket, const WebSocketUpgrade &upgrade)
{
    const QByteArray answer = upgrade.answer();
    if (m_stopping) {
        WebSocketTransport::refuse(socket, answer, CloseCode::ServiceRestart,
                                   QStringLiteral("server shutting down"));
        return;
    }
    if (Admin::isDraining()) {
        qCInfo(lcHttp) << "refused a WebSocket: server draining";
        // Clients retry with back-off, so they come back once the operator resumes.
        WebSocketTransport::refuse(socket, answer, CloseCode::TryAgainLater,
                                   QStringLiteral("server draining"));
        return;
    }
    const QString origin = QString::fromUtf8(upgrade.origin);
    if (!originAllowed(origin, upgrade.host)) {
        qCWarning(lcHttp).noquote() << "refused a WebSocket from foreign origin" << origin;
        WebSocketTransport::refuse(socket, answer, CloseCode::PolicyViolation,
                                   QStringLiteral("origin not allowed"));
        return;
    }
    BrowserSession session =
        readSessionCookie(*m_context->signer, m_context->sessionCookieName, upgrade.cookie);
    // As Phoenix's connect_info session: the page's CSRF token in the socket URL must match
    // the cookie, or the socket has no session and every join is refused as stale (the
    // LiveView client then reloads the page, which brings a fresh token).
    if (session.isValid() &&
        !TokenSigner::csrfMatches(upgrade.queryValue("_csrf_token"), session.csrfSecret)) {
        qCInfo(lcHttp) << "a WebSocket without a valid CSRF token: its session is dropped";
        session = BrowserSession{};
    }
    // Frames are small and written whole: Nagle's algorithm would hold one back until the
    // previous is acknowledged (a leave's phx_close, and the join reply behind it, waited for
    // the client's delayed ACK). Phoenix's Cowboy sockets are nodelay too.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    socket->writeNow(answer);
    auto *transport = new WebSocketTransport(socket, m_context, session, upgrade.userAgent, this);
    m_budget->open.fetch_add(1);
    ServerStatus::instance().connections.fetch_add(1, std::memory_order_relaxed);
    connect(transport, &WebSocketTransport::finished, this, [this, transport] {
        transport->deleteLater();
        m_budget->open.fetch_sub(1);
        ServerStatus::instance().connections.fetch_sub(1, std::memory_order_relaxed);
        emit connectionCountChanged();
    });
    emit connectionCountChanged();
    updateAccepting();
}

void ServerWorker::closeSilentSockets()
{
    const qint64 cutoff = QDeadlineTimer::current().deadline() - m_context->heartbeatTimeoutMs;
    const auto transports = findChildren<WebSocketTransport *>(Qt::FindDirectChildrenOnly);
    for (WebSocketTransport *t : transports) {
        if (t->lastHeardMs() >= cutoff)
            continue;
        qCInfo(lcHttp) << "closing a WebSocket whose heartbeat stopped";
        t->closeConnection(CloseCode::HeartbeatTimeout, QStringLiteral("heartbeat timeout"));
    }
}

void ServerWorker::updateAccepting()
{
    if (!m_tcpServer)
        return;
    const bool full = m_budget->open.load() >= m_budget->limit;
    if (full && !m_paused) {
        m_tcpServer->pauseAccepting();
        m_paused = true;
        qCWarning(lcHttp) << "connection limit" << m_budget->limit << "reached: not accepting";
    } else if (!full && m_paused && !m_stopping) {
        m_tcpServer->resumeAccepting();
        m_paused = false;
    }
}

void ServerWorker::shutdown()
{
    m_stopping = true;
    if (m_budget->balancer)
        m_budget->balancer->detach(m_index);
    if (m_tcpServer)
        m_tcpServer->close();
    // Closing with 1012 tells browsers to reconnect (to this server restarted, or another node).
    const auto transports = findChildren<WebSocketTransport *>(Qt::FindDirectChildrenOnly);
    for (WebSocketTransport *t : transports)
        t->closeConnection(CloseCode::ServiceRestart, QStringLiteral("server shutting down"));
}

} // namespace liveview::internal
