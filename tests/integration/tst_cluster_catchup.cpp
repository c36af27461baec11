// Catching up over a real redis-server (ClusterOptions::replayedTopics): broadcasts on a replayed
// topic are kept in a capped Redis stream; a node that starts reads what was said while it was
// down, a node whose subscription was cut reads only what it missed, and a node that broadcast
// while Redis was away sends it once Redis is back. A plain hiredis client plays the other node.
#include <liveview/cluster.h>
#include <liveview/pubsub.h>
#include <liveview/subscription.h>
#include <redis_server.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace liveview;
using testsupport::RedisClient;
using testsupport::RedisServer;

namespace {
const QString replayed = QStringLiteral("log:replayed");
const QByteArray channel = "liveview:pubsub:log:replayed";
const QByteArray stream = "liveview:replay:log:replayed";
const QString otherNode = QStringLiteral("node-b");

QByteArray fromNode(const QString &node, const QString &id)
{
    return QJsonDocument(QJsonObject{{"v", 1}, {"node", node}, {"msg", QJsonObject{{"id", id}}}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

class tst_ClusterCatchUp : public QObject
{
    Q_OBJECT
    RedisServer redis;
    std::unique_ptr<RedisCluster> cluster;
    Subscription subscription;
    QStringList received; // ids of what reached this node's subscriber, in order

    void startNode()
    {
        ClusterOptions options;
        options.redisUrl = QUrl(redis.url());
        options.heartbeat = std::chrono::milliseconds(100);
        options.nodeTimeout = std::chrono::milliseconds(1500);
        options.replayedTopics = {replayed};
        options.replayLength = 100;
        cluster = std::make_unique<RedisCluster>(options);
        QString error;
        QVERIFY2(cluster->start(&error), qPrintable(error));
        QTRY_VERIFY(cluster->isConnected());
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(redis.start(&error), qPrintable(error));
        subscription.subscribe(replayed);
        connect(&subscription, &Subscription::received, this,
                [this](const QString &, const QVariant &message) {
                    received << message.toMap().value("id").toString();
                });
        startNode();
    }

    void cleanupTestCase() { cluster.reset(); }

    void broadcastsOnAReplayedTopicAreKeptInRedis()
    {
        RedisClient other(redis.port());
        PubSub::broadcast(QStringLiteral("log:not-replayed"), QVariantMap{{"id", "elsewhere"}});
        PubSub::broadcast(replayed, QVariantMap{{"id", "a1"}});
        QTRY_COMPARE(other.command({"XLEN", stream}), QByteArray("1"));
        // Sent in order on one connection: the other topic's broadcast went before, unkept.
        QCOMPARE(other.command({"EXISTS", "liveview:replay:log:not-replayed"}), QByteArray("0"));
        QTRY_COMPARE(received, QStringList{"a1"}); // delivered here at once, and only once
    }

    void aNodeThatStartsReceivesWhatWasSaidWhileItWasDown()
    {
        const QString before = cluster->nodeId();
        cluster.reset(); // this node is down...
        RedisClient other(redis.port());
        // ...while node B speaks (kept in the stream as B's node keeps them; nobody hears the
        // publications), and one entry is garbage.
        for (const char *id : {"b1", "b2"})
            QVERIFY(!other.command({"XADD", stream, "*", "p", fromNode(otherNode, id)})
                         .startsWith("ERR"));
        other.command({"XADD", stream, "*", "p", "{not json"});
        other.command({"XADD", stream, "*", "p", fromNode(otherNode, "b3")});
        received.clear();

        startNode(); // a new run: another node id, nothing read yet
        QVERIFY(cluster->nodeId() != before);
        // Everything kept, in order: the previous run's own message too (it was made under
        // another id; subscribers recognise repeats by their own ids), the garbage dropped.
        QTRY_COMPARE(received, (QStringList{"a1", "b1", "b2", "b3"}));
        QTRY_COMPARE(cluster->rejectedMessages(), 1);
    }

    void aNodeCutOffReceivesOnlyWhatItMissed()
    {
        RedisClient other(redis.port());
        received.clear();
        // B's message is kept, but its publication does not reach this node (it is cut off).
        other.command({"XADD", stream, "*", "p", fromNode(otherNode, "b4")});
        QCOMPARE(received, QStringList());
        // The cut: Redis drops this node's subscription; the node resubscribes by itself and
        // reads the stream from where it left off, so b1..b3 do not come again.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("lost the Redis connection"));
        QCOMPARE(other.command({"CLIENT", "KILL", "TYPE", "pubsub"}), QByteArray("1"));
        QTRY_COMPARE(received, QStringList{"b4"});
        // Live publications go on as before.
        other.command({"XADD", stream, "*", "p", fromNode(otherNode, "b5")});
        other.command({"PUBLISH", channel, fromNode(otherNode, "b5")});
        QTRY_COMPARE(received, (QStringList{"b4", "b5"}));
    }

    void broadcastsMadeWhileRedisIsAwayGoOutWhenItIsBack()
    {
        redis.kill();
        QTRY_VERIFY(!cluster->isConnected());
        received.clear();
        PubSub::broadcast(replayed, QVariantMap{{"id", "held"}});
        QTRY_COMPARE(received, QStringList{"held"}); // this node's subscribers have it at once

        QString error;
        QVERIFY2(redis.start(&error), qPrintable(error)); // an empty Redis, as after a crash
        QTRY_VERIFY_WITH_TIMEOUT(cluster->isConnected(), 10000);
        RedisClient other(redis.port());
        QTRY_COMPARE(other.command({"XLEN", stream}), QByteArray("1"));
        const QByteArray kept = other.command({"XRANGE", stream, "-", "+"});
        QVERIFY2(kept.contains("\"id\":\"held\"") && kept.contains(cluster->nodeId().toUtf8()),
                 kept.constData());
        // Read back from the stream, it is this node's own: not delivered here a second time.
        // (The marker may come twice, live and read from the stream, when the node's catch-up
        // read runs after it was added: at least once is the promise.)
        other.command({"XADD", stream, "*", "p", fromNode(otherNode, "marker")});
        other.command({"PUBLISH", channel, fromNode(otherNode, "marker")});
        QTRY_VERIFY(received.contains("marker"));
        QCOMPARE(received.count("held"), 1);
    }

    void theStreamIsCapped()
    {
        RedisClient other(redis.port());
        for (int i = 0; i < 1000; ++i)
            PubSub::broadcast(replayed, QVariantMap{{"id", QString::number(i)}});
        const auto ours = [this] { return received.filter(QRegularExpression("^\\d+$")).size(); };
        QTRY_COMPARE(ours(), 1000);
        // Every broadcast has been sent once this last one is in the stream.
        QTRY_VERIFY(
            other.command({"XREVRANGE", stream, "+", "-", "COUNT", "1"}).contains("\"999\""));
        const int length = other.command({"XLEN", stream}).toInt();
        // "MAXLEN ~ 100": Redis trims whole blocks, so a little more than 100 stays.
        QVERIFY2(length >= 100 && length < 1000, QByteArray::number(length).constData());
    }
};

QTEST_GUILESS_MAIN(tst_ClusterCatchUp)
#include "tst_cluster_catchup.moc"
