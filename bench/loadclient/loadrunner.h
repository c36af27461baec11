// Drives N simulated LiveView browsers: page GET, WebSocket upgrade, phx_join, heartbeats.
#pragma once

#include <QElapsedTimer>
#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <vector>

struct HttpResult;

struct RunConfig
{
    QUrl pageUrl;
    QHostAddress address; // resolved once, so N clients don't each hit the resolver
    QString socketPath = QStringLiteral("/live");
    int connections = 1;
    int concurrency = 200;  // clients between GET start and join reply
    int getConcurrency = 8; // page GETs in flight; a handful keeps the HTTP side realistic
    int timeoutMs = 30000;  // per client, from GET start to join reply
    int heartbeatMs = 30000;
};

struct RunStats
{
    int joined = 0;
    int httpErrors = 0;
    int wsErrors = 0;
    int joinErrors = 0;
    int timeouts = 0;
    int dropped = 0; // joined sockets that closed before the end of the run
    qint64 heartbeatsSent = 0;
    qint64 heartbeatsOk = 0;
    qint64 heartbeatsBad = 0;  // error replies
    qint64 heartbeatsLate = 0; // previous heartbeat still unanswered when the next was due
    qint64 otherMessages = 0;  // server pushes the client ignores (diffs, phx_error, …)
    qint64 joinAllMs = 0;
    std::vector<float> latenciesMs; // per joined client: GET start to join reply
    QMap<QString, int> errorSamples;

    int errors() const { return httpErrors + wsErrors + joinErrors + timeouts; }
};

class LoadRunner : public QObject
{
    Q_OBJECT
public:
    explicit LoadRunner(RunConfig config, QObject *parent = nullptr);
    ~LoadRunner() override;

    void start();
    // Sends close frames on every open socket; the caller should wait briefly before exiting.
    void closeAll();
    const RunStats &stats() const { return m_stats; }
    int openSockets() const;

    // For probes that act once everyone has joined (see FanoutProbe).
    std::vector<int> joinedConnections() const;
    QString topicOf(int connection) const;
    QString nextRefOf(int connection);
    void sendText(int connection, const QString &frame);
    // The connection's socket descriptor (-1 if unknown), its frames flushed to the kernel now.
    int descriptorOf(int connection);
    void flush(int connection);
    void stopHeartbeats() { m_wheelTimer.stop(); }
    // Sees every frame before the runner does; returning true consumes it.
    std::function<bool(int connection, const QString &frame)> messageTap;

signals:
    void allAttempted(); // every client has either joined or failed

private:
    struct Conn;
    enum class Failure
    {
        Http,
        Ws,
        Join,
        Timeout
    };

    void pump();
    void schedulePump();
    void startConn(Conn *c);
    void onPage(Conn *c, HttpResult &r);
    void sendJoin(Conn *c);
    void onMessage(Conn *c, const QString &msg);
    void onClosed(Conn *c, const QString &why);
    void fail(Conn *c, Failure kind, const QString &why);
    void finishAttempt(Conn *c);
    void noteError(const QString &why);
    void sweepTimeouts();
    void heartbeatTick();

    RunConfig m_cfg;
    QByteArray m_hostHeader;
    QByteArray m_pathAndQuery;
    QString m_origin;
    QUrl m_wsBase;
    QString m_joinUrl;

    std::vector<std::unique_ptr<Conn>> m_conns;
    int m_nextToStart = 0;
    int m_inFlight = 0;
    int m_getsInFlight = 0;
    int m_attempted = 0;
    bool m_pumpQueued = false;

    // Heartbeat wheel: one timer for all sockets instead of one QTimer each; a joined client
    // stays in one slot, so it is visited once per interval.
    std::vector<std::vector<Conn *>> m_wheel;
    size_t m_wheelPos = 0;
    QTimer m_wheelTimer;
    QTimer m_sweepTimer;
    QElapsedTimer m_clock;
    RunStats m_stats;
};
