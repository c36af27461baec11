// PubSub throughput: messages per second delivered in-process (to subscribers on two event-loop
// threads, as the server has), and over a real redis-server in both directions (this node
// publishing, another node's messages arriving here). Prints figures; asserts nothing.
#include "http/broadcast_scopes.h"
#include "pubsub/info_mailbox.h"
#include "pubsub/mailbox_pubsub.h"

#include <liveview/cluster.h>
#include <liveview/pubsub.h>
#include <redis_server.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <atomic>
#include <cstdio>
#include <hiredis/hiredis.h>
#include <thread>

using namespace liveview;
using internal::InfoMailbox;

namespace {

// Subscribers that only count, each attached to an object on one of the given threads.
struct Subscribers
{
    std::vector<std::unique_ptr<QObject>> owners;
    std::vector<std::shared_ptr<InfoMailbox>> boxes;
    std::atomic<qint64> received{0};

    Subscribers(const QString &topic, int count, const std::vector<QThread *> &threads)
    {
        for (int i = 0; i < count; ++i) {
            auto owner = std::make_unique<QObject>();
            owner->moveToThread(threads[size_t(i) % threads.size()]);
            auto box = std::make_shared<InfoMailbox>();
            // Attached on the owner's thread, as a view's channel does (that thread gets its hub).
            QObject *o = owner.get();
            QMetaObject::invokeMethod(
                o,
                [this, box, o] {
                    internal::installBroadcastScopes(); // batches cost what they cost on a socket
                                                        // thread
                    box->attach(o, [this](const QVariant &) { ++received; });
                },
                Qt::BlockingQueuedConnection);
            internal::MailboxPubSub::subscribe(topic, box);
            owners.push_back(std::move(owner));
            boxes.push_back(box);
        }
    }
    ~Subscribers()
    {
        for (const auto &box : boxes) {
            internal::MailboxPubSub::unsubscribeAll(box.get());
            box->detach();
        }
        for (auto &owner : owners)
            QMetaObject::invokeMethod(owner.release(), &QObject::deleteLater);
    }
};

bool waitFor(const std::atomic<qint64> &counter, qint64 target, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (counter.load() < target && t.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        std::this_thread::yield();
    }
    return counter.load() >= target;
}

const QVariant chatMessage = QVariantMap{{"id", 42}, {"user", "alice"}, {"body", "hello, bench"}};

void inProcess(const std::vector<QThread *> &threads, int subscribers, int messages)
{
    const QString topic = QStringLiteral("bench:%1").arg(subscribers);
    Subscribers subs(topic, subscribers, threads);
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < messages; ++i)
        PubSub::broadcast(topic, chatMessage);
    const bool ok = waitFor(subs.received, qint64(subscribers) * messages, 60000);
    const double s = double(t.nsecsElapsed()) / 1e9;
    std::printf("in-process  %5d subscriber(s): %8d broadcasts in %6.3f s = %9.0f broadcasts/s, "
                "%10.0f deliveries/s%s\n",
                subscribers, messages, s, messages / s, double(subs.received) / s,
                ok ? "" : "  (INCOMPLETE)");
}

// Another node publishing into this one: pipelined PUBLISH from a raw client.
void redisInbound(quint16 port, int messages)
{
    const QString topic = QStringLiteral("bench:redis-in");
    QThread worker;
    worker.start();
    Subscribers subs(topic, 1, {&worker});
    redisContext *c = redisConnect("127.0.0.1", port);
    const QByteArray channel = "liveview:pubsub:" + topic.toUtf8();
    const QByteArray payload =
        QJsonDocument(QJsonObject{{"v", 1},
                                  {"node", "bench-node"},
                                  {"msg", QJsonObject::fromVariantMap(chatMessage.toMap())}})
            .toJson(QJsonDocument::Compact);
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < messages; ++i)
        redisAppendCommand(c, "PUBLISH %b %b", channel.constData(), size_t(channel.size()),
                           payload.constData(), size_t(payload.size()));
    for (int i = 0; i < messages; ++i) {
        void *reply = nullptr;
        redisGetReply(c, &reply);
        freeReplyObject(reply);
    }
    const bool ok = waitFor(subs.received, messages, 60000);
    const double s = double(t.nsecsElapsed()) / 1e9;
    std::printf("redis in    1 subscriber:     %8d messages in %6.3f s = %9.0f messages/s%s\n",
                messages, s, double(subs.received) / s, ok ? "" : "  (INCOMPLETE)");
    redisFree(c);
    worker.quit();
    worker.wait();
}

// This node publishing to the others: a raw subscriber counts what arrives through Redis.
void redisOutbound(quint16 port, int messages)
{
    const QString topic = QStringLiteral("bench:redis-out");
    std::atomic<qint64> arrived{0};
    std::atomic<bool> subscribed{false};
    std::thread reader([&] {
        redisContext *c = redisConnect("127.0.0.1", port);
        const QByteArray channel = "liveview:pubsub:" + topic.toUtf8();
        freeReplyObject(
            redisCommand(c, "SUBSCRIBE %b", channel.constData(), size_t(channel.size())));
        subscribed = true;
        while (arrived < messages) {
            void *reply = nullptr;
            if (redisGetReply(c, &reply) != REDIS_OK)
                break;
            freeReplyObject(reply);
            ++arrived;
        }
        redisFree(c);
    });
    while (!subscribed)
        std::this_thread::yield();
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < messages; ++i)
        PubSub::broadcast(topic, chatMessage);
    const bool ok = waitFor(arrived, messages, 60000);
    const double s = double(t.nsecsElapsed()) / 1e9;
    std::printf("redis out   1 remote node:    %8d messages in %6.3f s = %9.0f messages/s%s\n",
                messages, s, double(arrived) / s, ok ? "" : "  (INCOMPLETE)");
    reader.join();
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QThread a, b;
    a.start();
    b.start();
    inProcess({&a, &b}, 1, 200000);
    inProcess({&a, &b}, 100, 20000);
    inProcess({&a, &b}, 5000, 200);

    testsupport::RedisServer redis;
    QString error;
    if (!redis.start(&error)) {
        std::printf("redis: skipped (%s)\n", qPrintable(error));
        return 0;
    }
    ClusterOptions options;
    options.redisUrl = QUrl(redis.url());
    RedisCluster cluster(options);
    if (!cluster.start(&error))
        return std::printf("cluster: %s\n", qPrintable(error)), 1;
    QElapsedTimer t;
    t.start();
    while (!cluster.isConnected() && t.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    redisInbound(redis.port(), 100000);
    redisOutbound(redis.port(), 100000);
    cluster.stop();
    a.quit();
    b.quit();
    a.wait();
    b.wait();
    return 0;
}
