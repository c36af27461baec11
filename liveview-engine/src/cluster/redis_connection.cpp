// hiredis's event hooks mapped onto QSocketNotifier, plus reconnection with backoff.
#include "redis_connection.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QUrl>
#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <hiredis/sds.h>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcCluster)

namespace liveview::internal {
namespace {

constexpr int firstBackoffMs = 100;
constexpr int maxBackoffMs = 5000;
// A connect that neither succeeds nor fails (a dropped SYN) is abandoned after this long.
constexpr int connectTimeoutMs = 3000;

RedisConnection *owner(const redisAsyncContext *context)
{
    return static_cast<RedisConnection *>(context->data);
}

} // namespace

bool RedisAddress::parse(const QUrl &url, RedisAddress *out, QString *error)
{
    if (!url.isValid() || url.scheme() != u"redis" || url.host().isEmpty()) {
        *error = QStringLiteral("expected redis://[:password@]host[:port], got \"%1\"")
                     .arg(url.toString(QUrl::RemovePassword));
        return false;
    }
    out->host = url.host();
    out->port = quint16(url.port(6379));
    out->password = url.password().toUtf8();
    return true;
}

RedisConnection::RedisConnection(RedisAddress address, QString name, QObject *parent)
    : QObject(parent), m_address(std::move(address)), m_name(std::move(name)),
      m_reconnectTimer(this), m_connectTimeout(this) // children: they follow moveToThread
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &RedisConnection::attach);
    m_connectTimeout.setSingleShot(true);
    m_connectTimeout.setInterval(connectTimeoutMs);
    connect(&m_connectTimeout, &QTimer::timeout, this, [this] {
        if (m_context && !m_connected) {
            redisAsyncContext *context = std::exchange(m_context, nullptr);
            context->data = nullptr;
            redisAsyncFree(context); // not connected: no disconnect callback
            lost(QStringLiteral("connect timed out"));
        }
    });
}

RedisConnection::~RedisConnection()
{
    close();
}

void RedisConnection::open()
{
    m_wanted = true;
    if (!m_context)
        attach();
}

void RedisConnection::close()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    m_connectTimeout.stop();
    if (redisAsyncContext *context = std::exchange(m_context, nullptr)) {
        // Pending reply handlers are called with nullptr by redisAsyncFree.
        context->data = nullptr;
        redisAsyncFree(context);
    }
    if (std::exchange(m_connected, false))
        emit disconnected(QStringLiteral("closed"));
}

void RedisConnection::closeGracefully(int timeoutMs)
{
    if (!m_context || !m_connected) {
        close();
        return;
    }
    m_wanted = false;
    m_reconnectTimer.stop();
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    connect(this, &RedisConnection::disconnected, &loop, &QEventLoop::quit);
    redisAsyncDisconnect(m_context); // writes what is queued, then closes
    if (m_context)
        loop.exec();
    close();
}

void RedisConnection::attach()
{
    if (!m_wanted || m_context)
        return;
    redisAsyncContext *context =
        redisAsyncConnect(m_address.host.toUtf8().constData(), m_address.port);
    if (!context || context->err) {
        const QString reason =
            context ? QString::fromUtf8(context->errstr) : QStringLiteral("out of memory");
        if (context)
            redisAsyncFree(context);
        lost(reason);
        return;
    }
    m_context = context;
    context->data = this;
    context->ev.data = this;
    context->ev.addRead = &RedisConnection::addRead;
    context->ev.delRead = &RedisConnection::delRead;
    context->ev.addWrite = &RedisConnection::addWrite;
    context->ev.delWrite = &RedisConnection::delWrite;
    context->ev.cleanup = &RedisConnection::cleanup;
    redisAsyncSetConnectCallback(context, &RedisConnection::onConnect);
    redisAsyncSetDisconnectCallback(context, &RedisConnection::onDisconnect);
    m_connectTimeout.start();
    // hiredis waits for writability to learn the outcome of the non-blocking connect.
    addWrite(this);
}

void RedisConnection::onConnect(const redisAsyncContext *context, int status)
{
    RedisConnection *self = owner(context);
    if (!self)
        return;
    self->m_connectTimeout.stop();
    if (status != REDIS_OK) {
        // hiredis frees the context right after this callback.
        self->m_context = nullptr;
        self->lost(QString::fromUtf8(context->errstr));
        return;
    }
    self->m_backoffMs = 0;
    self->m_connected = true;
    // A peer that vanished without a FIN (host down, cable cut) is noticed in seconds, not after
    // the kernel's retransmission timeout.
    redisEnableKeepAlive(&self->m_context->c);
    if (!self->m_address.password.isEmpty()) {
        self->command({"AUTH", self->m_address.password}, [self](redisReply *reply) {
            if (reply && reply->type == REDIS_REPLY_ERROR) {
                qCWarning(lcCluster).noquote()
                    << self->m_name << "AUTH refused:" << QByteArray(reply->str, int(reply->len));
                if (self->m_context)
                    redisAsyncDisconnect(self->m_context);
            }
        });
    }
    self->sendSubscription();
    qCInfo(lcCluster).noquote() << self->m_name << "connected to" << self->m_address.host
                                << self->m_address.port;
    emit self->connected();
}

void RedisConnection::onDisconnect(const redisAsyncContext *context, int status)
{
    RedisConnection *self = owner(context);
    if (!self)
        return;
    self->m_context = nullptr; // freed by hiredis after this callback
    self->lost(status == REDIS_OK ? QStringLiteral("closed by us")
                                  : QString::fromUtf8(context->errstr));
}

void RedisConnection::lost(const QString &reason)
{
    const bool wasConnected = std::exchange(m_connected, false);
    if (wasConnected) {
        if (m_wanted)
            qCWarning(lcCluster).noquote() << m_name << "lost the Redis connection:" << reason;
        else
            qCInfo(lcCluster).noquote() << m_name << "disconnected from Redis";
        emit disconnected(reason);
    } else if (m_backoffMs == 0 || m_backoffMs == maxBackoffMs) {
        // Logged on the first failure and then once per slowest retry, not on every attempt.
        qCWarning(lcCluster).noquote() << m_name << "cannot reach Redis at" << m_address.host
                                       << m_address.port << ":" << reason;
    }
    scheduleReconnect();
}

void RedisConnection::scheduleReconnect()
{
    if (!m_wanted)
        return;
    m_backoffMs = m_backoffMs == 0 ? firstBackoffMs : std::min(m_backoffMs * 2, maxBackoffMs);
    m_reconnectTimer.start(m_backoffMs);
}

bool RedisConnection::command(const QByteArrayList &args, ReplyHandler onReply)
{
    if (!m_context || !m_connected)
        return false;
    if (m_context->c.obuf && sdslen(m_context->c.obuf) > maxPendingBytes) {
        qCWarning(lcCluster).noquote() << m_name << "Redis is not reading what we send:"
                                       << "reconnecting";
        redisAsyncContext *context = std::exchange(m_context, nullptr);
        context->data = nullptr;
        redisAsyncFree(context);
        lost(QStringLiteral("output not drained"));
        return false;
    }
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &arg : args) {
        argv.push_back(arg.constData());
        lengths.push_back(size_t(arg.size()));
    }
    auto *handler = onReply ? new ReplyHandler(std::move(onReply)) : nullptr;
    const int status =
        redisAsyncCommandArgv(m_context, handler ? &RedisConnection::onCommandReply : nullptr,
                              handler, int(argv.size()), argv.data(), lengths.data());
    if (status != REDIS_OK) {
        delete handler;
        return false;
    }
    return true;
}

void RedisConnection::onCommandReply(redisAsyncContext *, void *reply, void *handler)
{
    auto *h = static_cast<ReplyHandler *>(handler);
    (*h)(static_cast<redisReply *>(reply));
    delete h;
}

void RedisConnection::psubscribe(
    const QByteArray &pattern,
    std::function<void(const QByteArray &, const QByteArray &)> onMessage)
{
    m_pattern = pattern;
    m_onMessage = std::move(onMessage);
    sendSubscription();
}

void RedisConnection::sendSubscription()
{
    if (!m_context || !m_connected || m_pattern.isEmpty())
        return;
    const char *argv[] = {"PSUBSCRIBE", m_pattern.constData()};
    const size_t lengths[] = {10, size_t(m_pattern.size())};
    redisAsyncCommandArgv(m_context, &RedisConnection::onSubscriptionReply, this, 2, argv, lengths);
}

void RedisConnection::onSubscriptionReply(redisAsyncContext *context, void *reply, void *)
{
    RedisConnection *self = owner(context);
    const auto *r = static_cast<const redisReply *>(reply);
    if (!self || !r)
        return; // the connection is going away
    // ["pmessage", pattern, channel, payload]; the "psubscribe" confirmation is skipped.
    if (r->type != REDIS_REPLY_ARRAY || r->elements != 4)
        return;
    const redisReply *kind = r->element[0];
    if (kind->type != REDIS_REPLY_STRING || QByteArray(kind->str, int(kind->len)) != "pmessage")
        return;
    const redisReply *channel = r->element[2];
    const redisReply *payload = r->element[3];
    if (channel->type == REDIS_REPLY_STRING && payload->type == REDIS_REPLY_STRING &&
        self->m_onMessage)
        self->m_onMessage(QByteArray(channel->str, int(channel->len)),
                          QByteArray(payload->str, int(payload->len)));
}

// Event hooks: hiredis tells which direction it waits for; the notifiers call it back.
void RedisConnection::setWatching(QSocketNotifier::Type type, bool on)
{
    QSocketNotifier *&notifier = type == QSocketNotifier::Read ? m_reader : m_writer;
    if (!notifier && on) {
        notifier = new QSocketNotifier(m_context->c.fd, type, this);
        QObject::connect(notifier, &QSocketNotifier::activated, this, [this, type] {
            if (!m_context)
                return;
            if (type == QSocketNotifier::Read)
                redisAsyncHandleRead(m_context);
            else
                redisAsyncHandleWrite(m_context);
        });
    }
    if (notifier)
        notifier->setEnabled(on);
}

void RedisConnection::addRead(void *p)
{
    static_cast<RedisConnection *>(p)->setWatching(QSocketNotifier::Read, true);
}

void RedisConnection::delRead(void *p)
{
    static_cast<RedisConnection *>(p)->setWatching(QSocketNotifier::Read, false);
}

void RedisConnection::addWrite(void *p)
{
    static_cast<RedisConnection *>(p)->setWatching(QSocketNotifier::Write, true);
}

void RedisConnection::delWrite(void *p)
{
    static_cast<RedisConnection *>(p)->setWatching(QSocketNotifier::Write, false);
}

void RedisConnection::cleanup(void *p)
{
    // Called while hiredis frees the context, possibly from inside a notifier's own signal:
    // disable now, delete once control is back in the event loop.
    auto *self = static_cast<RedisConnection *>(p);
    for (QSocketNotifier *n :
         {std::exchange(self->m_reader, nullptr), std::exchange(self->m_writer, nullptr)}) {
        if (n) {
            n->setEnabled(false);
            n->disconnect();
            n->deleteLater();
        }
    }
}

} // namespace liveview::internal
