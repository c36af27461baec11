#include "redis_server.h"

#include <QDeadlineTimer>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>
#include <hiredis/hiredis.h>
#include <sys/time.h>

namespace testsupport {
namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QByteArray replyText(const redisReply *r)
{
    if (!r)
        return "ERR no reply";
    switch (r->type) {
    case REDIS_REPLY_INTEGER:
        return QByteArray::number(r->integer);
    case REDIS_REPLY_NIL:
        return {};
    case REDIS_REPLY_ERROR:
        return "ERR " + QByteArray(r->str, int(r->len));
    case REDIS_REPLY_ARRAY: { // nested lists as lines (XRANGE: id, field, value, ...)
        QByteArrayList lines;
        for (size_t i = 0; i < r->elements; ++i)
            lines << replyText(r->element[i]);
        return lines.join('\n');
    }
    default:
        return QByteArray(r->str, int(r->len));
    }
}

} // namespace

RedisServer::RedisServer() = default;

RedisServer::~RedisServer()
{
    kill();
}

bool RedisServer::start(QString *error)
{
    const QString binary = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
    if (binary.isEmpty()) {
        *error = QStringLiteral("redis-server is not installed (apt install redis-server)");
        return false;
    }
    if (m_port == 0)
        m_port = freePort();
    m_process.setWorkingDirectory(m_dir.path());
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(binary, {QStringLiteral("--port"), QString::number(m_port),
                             QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                             QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                             QStringLiteral("no"), QStringLiteral("--dir"), m_dir.path()});
    if (!m_process.waitForStarted(5000)) {
        *error = m_process.errorString();
        return false;
    }
    // Ready when it answers PING; polls the port, bounded by a deadline.
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        RedisClient probe(m_port);
        if (probe.isConnected() && probe.command({"PING"}) == "PONG")
            return true;
        if (m_process.state() != QProcess::Running)
            break;
        QThread::msleep(20);
    }
    *error = QStringLiteral("redis-server did not come up: ") +
             QString::fromLocal8Bit(m_process.readAll());
    return false;
}

void RedisServer::kill()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

RedisClient::RedisClient(quint16 port)
{
    const timeval timeout{2, 0};
    m_context = redisConnectWithTimeout("127.0.0.1", port, timeout);
}

RedisClient::~RedisClient()
{
    if (m_context)
        redisFree(m_context);
}

bool RedisClient::isConnected() const
{
    return m_context && !m_context->err;
}

QByteArray RedisClient::command(const QByteArrayList &args)
{
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        lengths.push_back(size_t(a.size()));
    }
    auto *reply = static_cast<redisReply *>(
        redisCommandArgv(m_context, int(argv.size()), argv.data(), lengths.data()));
    const QByteArray text = replyText(reply);
    if (reply)
        freeReplyObject(reply);
    return text;
}

bool RedisClient::psubscribe(const QByteArray &pattern)
{
    auto *reply = static_cast<redisReply *>(
        redisCommand(m_context, "PSUBSCRIBE %b", pattern.constData(), size_t(pattern.size())));
    const bool ok = reply && reply->type == REDIS_REPLY_ARRAY;
    if (reply)
        freeReplyObject(reply);
    return ok;
}

QByteArrayList RedisClient::readMessage(int timeoutMs)
{
    const timeval timeout{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    redisSetTimeout(m_context, timeout);
    void *raw = nullptr;
    if (redisGetReply(m_context, &raw) != REDIS_OK || !raw) {
        // A timeout leaves the context in an error state: reconnecting is not needed for the
        // tests, which treat a timeout as the end of the conversation.
        return {};
    }
    auto *reply = static_cast<redisReply *>(raw);
    QByteArrayList out;
    if (reply->type == REDIS_REPLY_ARRAY && reply->elements == 4)
        out = {replyText(reply->element[2]), replyText(reply->element[3])};
    freeReplyObject(reply);
    return out;
}

} // namespace testsupport
