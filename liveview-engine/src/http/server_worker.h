#pragma once
// One event-loop thread's share of the server: its own accept socket, HTTP server and WebSockets.

#include "../channel/endpoint_context.h"
#include "request_guard.h"
#include "static_assets.h"

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <atomic>
#include <memory>

class QTcpServer;

namespace liveview::internal {

class HttpServer;
class AddressRateLimiter;
class ConnectionBalancer;

// Counts WebSockets across workers; at the cap every worker stops accepting (fd exhaustion makes
// Qt spin at 100 % CPU otherwise) until connections close.
struct ConnectionBudget
{
    std::atomic<int> open{0};
    int limit = 18000;
    // Plain HTTP connections (not upgraded) across workers: each is an fd too, and a flood of
    // half-sent requests must meet a refusal before the process meets its fd limit.
    std::atomic<int> http{0};
    int httpLimit = 1000;
    // New connections per second and address; null when unlimited.
    std::shared_ptr<AddressRateLimiter> connectRate;
    // Which worker serves an accepted connection; null: the one that accepted it.
    std::shared_ptr<ConnectionBalancer> balancer;
};

class ServerWorker : public QObject, public WebSocketAcceptor
{
    Q_OBJECT
public:
    ServerWorker(std::shared_ptr<const EndpointContext> context,
                 std::shared_ptr<const StaticAssets> assets,
                 std::shared_ptr<ConnectionBudget> budget, QStringList allowedOrigins,
                 int index = 0);
    ~ServerWorker() override;

    // Runs in the worker thread.
    Q_INVOKABLE bool adoptListenSocket(int descriptor);
    Q_INVOKABLE void shutdown();
    Q_INVOKABLE void updateAccepting();

signals:
    void connectionCountChanged();

private:
    void acceptWebSocket(DirectWriteSocket *socket, const WebSocketUpgrade &upgrade) override;
    void closeSilentSockets();
    bool originAllowed(const QString &origin, const QByteArray &host) const;

    std::shared_ptr<const EndpointContext> m_context;
    std::shared_ptr<const StaticAssets> m_assets;
    std::shared_ptr<ConnectionBudget> m_budget;
    QStringList m_allowedOrigins;
    QTcpServer *m_tcpServer = nullptr;
    HttpServer *m_http = nullptr;
    QTimer m_heartbeatSweep{this}; // a child: it moves to the worker thread with this
    int m_index;
    bool m_paused = false;
    bool m_stopping = false;
};

} // namespace liveview::internal
