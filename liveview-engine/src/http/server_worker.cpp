// Per-thread server: accepts on the shared port, upgrades sockets, enforces Origin and the cap.
#include "server_worker.h"

#include "../monitor/server_status.h"
#include "broadcast_scopes.h"
#include "browser_session_cookie.h"
#include "direct_write_socket.h"
#include "http_server.h"
#include "liveview/monitor.h"
#include "websocket_transport.h"

#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
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
class DirectWriteTcpServer : public QTcpServer
{
public:
    DirectWriteTcpServer(const ConnectionBudget *budget, QObject *parent)
        : QTcpServer(parent), m_budget(budget)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (m_budget->open.load() >= m_budget->limit) {
            ::close(int(descriptor));
            return;
        }
        auto *socket = new DirectWriteSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        const QString key = peerKey(socket->peerAddress(), socket->peerPort());
        m_byPeer.insert(key, socket);
        connect(socket, &QObject::destroyed, this, [this, key] { m_byPeer.remove(key); });
        addPendingConnection(socket);
    }

public:
    // The accepted socket a QWebSocket was upgraded from (QWebSocket does not expose it).
    DirectWriteSocket *socketOf(const QHostAddress &peer, quint16 port) const
    {
        return m_byPeer.value(peerKey(peer, port));
    }

private:
    static QString peerKey(const QHostAddress &address, quint16 port)
    {
        return address.toString() + QLatin1Char('/') + QString::number(port);
    }

    const ConnectionBudget *m_budget;
    QHash<QString, QPointer<DirectWriteSocket>> m_byPeer;
};

} // namespace

ServerWorker::ServerWorker(std::shared_ptr<const EndpointContext> context,
                           std::shared_ptr<const StaticAssets> assets,
                           std::shared_ptr<ConnectionBudget> budget, QStringList allowedOrigins)
    : m_context(std::move(context)), m_assets(std::move(assets)), m_budget(std::move(budget)),
      m_allowedOrigins(std::move(allowedOrigins))
{
}

ServerWorker::~ServerWorker() = default;

bool ServerWorker::adoptListenSocket(int descriptor)
{
    installBroadcastScopes(); // this thread's views get PubSub's batches from now on
    m_tcpServer = new DirectWriteTcpServer(m_budget.get(), this);
    if (!m_tcpServer->setSocketDescriptor(descriptor)) {
        qCCritical(lcHttp) << "cannot adopt listening socket:" << m_tcpServer->errorString();
        return false;
    }
    m_http = new HttpServer(m_context, m_assets, this);
    m_http->bind(m_tcpServer);
    connect(m_http, &QAbstractHttpServer::newWebSocketConnection, this,
            &ServerWorker::acceptWebSockets);
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

void ServerWorker::acceptWebSockets()
{
    while (m_http->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_http->nextPendingWebSocketConnection();
        if (!socket)
            continue;
        const QNetworkRequest request = socket->request();
        if (m_stopping) {
            socket->close(QWebSocketProtocol::CloseCode(quint16(CloseCode::ServiceRestart)));
            socket.release()->deleteLater();
            continue;
        }
        if (Admin::isDraining()) {
            qCInfo(lcHttp) << "refused a WebSocket: server draining";
            // Clients retry with back-off, so they come back once the operator resumes.
            socket->close(QWebSocketProtocol::CloseCode(quint16(CloseCode::TryAgainLater)),
                          QStringLiteral("server draining"));
            socket.release()->deleteLater();
            continue;
        }
        if (!originAllowed(socket->origin(), request.rawHeader("Host"))) {
            qCWarning(lcHttp).noquote()
                << "refused a WebSocket from foreign origin" << socket->origin();
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          QStringLiteral("origin not allowed"));
            socket.release()->deleteLater();
            continue;
        }
        const BrowserSession session =
            readSessionCookie(*m_context->signer, request.rawHeader("Cookie"));
        socket->setParent(nullptr);
        DirectWriteSocket *direct = static_cast<DirectWriteTcpServer *>(m_tcpServer)
                                        ->socketOf(socket->peerAddress(), socket->peerPort());
        auto *transport =
            new WebSocketTransport(std::move(socket), m_context, session, direct, this);
        m_budget->open.fetch_add(1);
        ServerStatus::instance().connections.fetch_add(1, std::memory_order_relaxed);
        connect(transport, &WebSocketTransport::finished, this, [this, transport] {
            transport->deleteLater();
            m_budget->open.fetch_sub(1);
            ServerStatus::instance().connections.fetch_sub(1, std::memory_order_relaxed);
            emit connectionCountChanged();
        });
        emit connectionCountChanged();
    }
    updateAccepting();
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
    if (m_tcpServer)
        m_tcpServer->close();
    // Closing with 1012 tells browsers to reconnect (to this server restarted, or another node).
    const auto transports = findChildren<WebSocketTransport *>(Qt::FindDirectChildrenOnly);
    for (WebSocketTransport *t : transports)
        t->closeConnection(CloseCode::ServiceRestart, QStringLiteral("server shutting down"));
}

} // namespace liveview::internal
