#pragma once
// One hiredis asynchronous connection driven by the Qt event loop of the thread that owns it:
// socket notifiers call hiredis when the socket is readable or writable. It reconnects by itself
// (with backoff) until close(), so callers only see connected()/disconnected() come and go.

#include <QByteArrayList>
#include <QObject>
#include <QSocketNotifier>
#include <QTimer>
#include <functional>

struct redisAsyncContext;
struct redisReply;

namespace liveview::internal {

struct RedisAddress
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 6379;
    QByteArray password; // AUTH before anything else when set

    // redis://[:password@]host[:port]; false (with a reason) for anything else.
    static bool parse(const QUrl &url, RedisAddress *out, QString *error);
};

class RedisConnection : public QObject
{
    Q_OBJECT
public:
    // `name` tells the connections apart in log lines.
    RedisConnection(RedisAddress address, QString name, QObject *parent = nullptr);
    ~RedisConnection() override;

    void open();
    void close();
    // Sends what is queued, then closes; waits at most `timeoutMs` (running this thread's events).
    void closeGracefully(int timeoutMs);
    bool isConnected() const { return m_connected; }
    static constexpr size_t maxPendingBytes = 64 * 1024 * 1024;

    // Sends a command given as arguments (binary safe). `onReply` gets the reply, or nullptr when
    // the connection dropped first. False when not connected: the command was not sent. A
    // connection whose unsent output passes maxPendingBytes (Redis stopped reading) is dropped
    // and made again rather than let the buffer grow without bound.
    using ReplyHandler = std::function<void(redisReply *)>;
    bool command(const QByteArrayList &args, ReplyHandler onReply = {});
    // PSUBSCRIBE: `onMessage(channel, payload)` for every message on a matching channel. The
    // subscription is made again after each reconnect.
    void psubscribe(const QByteArray &pattern,
                    std::function<void(const QByteArray &, const QByteArray &)> onMessage);

signals:
    void connected();
    void disconnected(const QString &reason);

private:
    static void onConnect(const redisAsyncContext *context, int status);
    static void onDisconnect(const redisAsyncContext *context, int status);
    static void onCommandReply(redisAsyncContext *context, void *reply, void *handler);
    static void onSubscriptionReply(redisAsyncContext *context, void *reply, void *self);
    static void addRead(void *self);
    static void delRead(void *self);
    static void addWrite(void *self);
    static void delWrite(void *self);
    static void cleanup(void *self);

    void attach();
    void setWatching(QSocketNotifier::Type type, bool on);
    void lost(const QString &reason);
    void scheduleReconnect();
    void sendSubscription();

    RedisAddress m_address;
    QString m_name;
    redisAsyncContext *m_context = nullptr;
    QSocketNotifier *m_reader = nullptr;
    QSocketNotifier *m_writer = nullptr;
    bool m_connected = false;
    bool m_wanted = false;
    int m_backoffMs = 0;
    QTimer m_reconnectTimer;
    QTimer m_connectTimeout;
    QByteArray m_pattern;
    std::function<void(const QByteArray &, const QByteArray &)> m_onMessage;
};

} // namespace liveview::internal
