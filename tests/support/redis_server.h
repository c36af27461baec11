#pragma once
// A real redis-server for tests, on a free loopback port in a temporary directory, plus a small
// synchronous hiredis client that plays "another node" (publishes, subscribes, reads).

#include <QByteArrayList>
#include <QProcess>
#include <QTemporaryDir>
#include <memory>

struct redisContext;

namespace testsupport {

class RedisServer
{
public:
    RedisServer();
    ~RedisServer();
    // Starts (or starts again, on the same port); false with the reason in `error`.
    bool start(QString *error);
    // SIGKILL: the server vanishes mid-conversation.
    void kill();
    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("redis://127.0.0.1:%1").arg(m_port); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

class RedisClient
{
public:
    explicit RedisClient(quint16 port);
    ~RedisClient();
    bool isConnected() const;
    // Runs a command; the reply as text (integers in decimal, lists as lines), or "ERR ..." for
    // errors.
    QByteArray command(const QByteArrayList &args);
    // Subscribe mode: every later readMessage() returns [channel, payload] of the next message.
    bool psubscribe(const QByteArray &pattern);
    // Waits up to `timeoutMs` for the next message; empty on timeout.
    QByteArrayList readMessage(int timeoutMs);

private:
    redisContext *m_context = nullptr;
};

} // namespace testsupport
