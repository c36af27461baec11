// PubSub and Presence over a real redis-server: this test process is one node, a plain hiredis
// client plays a second node. Messages cross both ways, presence merges and a silent node's
// presences leave, bad input from Redis is dropped and logged, and a Redis restart is survived.
#include <liveview/cluster.h>
#include <liveview/live_view.h>
#include <liveview/monitor.h>
#include <liveview/presence.h>
#include <liveview/testing/live_view_test.h>
#include <redis_server.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;
using testsupport::RedisClient;
using testsupport::RedisServer;

namespace {
const QString room = QStringLiteral("room:cluster");
const QString otherNode = QStringLiteral("node-b");

// Shows what arrives on the room and who is there; `say` broadcasts to the whole cluster.
class RoomView : public LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &) override
    {
        m_user = params.value("user").toString();
        assign("said", QVariantList());
        assign("online", QString());
    }
    void connected() override
    {
        subscribe(room);
        trackPresence(room, m_user, {{"device", "test"}});
        refresh();
    }
    void handleEvent(const QString &event, const QVariantMap &value) override
    {
        if (event == u"say")
            broadcastFrom(room, QVariantMap{{"text", value.value("text")}, {"from", m_user}});
    }
    void handleInfo(const QVariant &message) override
    {
        if (Presence::isDiff(message))
            return refresh();
        QVariantList said = assigned("said").toList();
        said.append(message.toMap().value("text"));
        assign("said", said);
    }
    Template render() const override
    {
        static const Template t =
            Template::compile("<ul id=\"said\"><li :for={s <- @said}>{s}</li></ul>"
                              "<p id=\"online\">{@online}</p>");
        return t;
    }

private:
    void refresh()
    {
        QStringList online = Presence::list(room).keys();
        online.sort();
        assign("online", online.join(","));
    }
    QString m_user;
};

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray presenceMessage(const QString &type, qint64 seq, const QJsonArray &joins = {})
{
    QJsonObject o{{"v", 1}, {"node", otherNode}, {"type", type}, {"seq", seq}};
    if (!joins.isEmpty())
        o.insert("joins", joins);
    return json(o);
}

QJsonObject entry(const QString &key, const QString &ref)
{
    return {{"topic", room}, {"key", key}, {"meta", QJsonObject{{"phx_ref", ref}}}};
}
} // namespace

class tst_Cluster : public QObject
{
    Q_OBJECT
    RedisServer redis;
    std::unique_ptr<RedisCluster> cluster;
    std::shared_ptr<Router> router = [] {
        auto r = std::make_shared<Router>();
        r->live<RoomView>("/room");
        return r;
    }();
    LiveTestApp app{router};

    // The other node's published messages, read until one satisfies `wanted`.
    static QJsonObject readUntil(RedisClient &subscriber,
                                 const std::function<bool(const QJsonObject &)> &wanted)
    {
        for (int i = 0; i < 200; ++i) {
            const QByteArrayList m = subscriber.readMessage(5000);
            if (m.isEmpty())
                return {};
            const QJsonObject o = QJsonDocument::fromJson(m.at(1)).object();
            if (wanted(o))
                return o;
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(redis.start(&error), qPrintable(error));
        ClusterOptions options;
        options.redisUrl = QUrl(redis.url());
        options.heartbeat = std::chrono::milliseconds(100);
        options.nodeTimeout = std::chrono::milliseconds(1500);
        options.maxMessageBytes = 4096;
        cluster = std::make_unique<RedisCluster>(options);
        QVERIFY2(cluster->start(&error), qPrintable(error));
        QTRY_VERIFY(cluster->isConnected());
    }

    void cleanupTestCase() { cluster.reset(); }

    void badOptionsAreRefused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("timeoutMs");
        QTest::newRow("not redis") << "http://127.0.0.1:6379" << 5000;
        QTest::newRow("no host") << "redis://" << 5000;
        QTest::newRow("timeout below heartbeat") << "redis://127.0.0.1:1" << 500;
    }
    void badOptionsAreRefused()
    {
        QFETCH(QString, url);
        QFETCH(int, timeoutMs);
        ClusterOptions options;
        options.redisUrl = QUrl(url);
        options.nodeTimeout = std::chrono::milliseconds(timeoutMs);
        RedisCluster other(options);
        QString error;
        QVERIFY(!other.start(&error));
        QVERIFY(!error.isEmpty());
    }

    void broadcastsCrossNodesBothWays()
    {
        RedisClient subscriber(redis.port());
        QVERIFY(subscriber.psubscribe("liveview:pubsub:*"));
        LiveViewTest alice = live(app, "/room?user=alice");

        alice.renderEvent("say", {{"text", "hello from A"}});
        const QJsonObject out = readUntil(subscriber, [](const QJsonObject &o) {
            return o.value("msg").toObject().value("text").toString() == u"hello from A";
        });
        QCOMPARE(out.value("node").toString(), cluster->nodeId());
        QCOMPARE(out.value("msg").toObject().value("from").toString(), QStringLiteral("alice"));
        RedisClient nodeB(redis.port());
        const QJsonObject fromB{
            {"v", 1}, {"node", otherNode}, {"msg", QJsonObject{{"text", "<b>hi</b> from B"}}}};
        QCOMPARE(nodeB.command({"PUBLISH", "liveview:pubsub:" + room.toUtf8(), json(fromB)}),
                 QByteArray("2")); // this node's subscription and the test's
        QTRY_VERIFY(alice.processPending().contains("&lt;b&gt;hi&lt;/b&gt; from B"));
        // B's message was published after ours, so our own copy came back from Redis before it
        // and was not delivered again (it was delivered here when it was broadcast; and
        // broadcastFrom skips the sender's own view).
        QVERIFY(!alice.render().contains("hello from A"));
        LiveViewTest bob = live(app, "/room?user=bob");
        bob.renderEvent("say", {{"text", "once only"}});
        nodeB.command(
            {"PUBLISH", "liveview:pubsub:" + room.toUtf8(),
             json({{"v", 1}, {"node", otherNode}, {"msg", QJsonObject{{"text", "marker"}}}})});
        QTRY_VERIFY(alice.processPending().contains("marker"));
        QCOMPARE(alice.render().count("once only"), 1);
    }

    void badInputFromRedisIsDroppedAndLogged_data()
    {
        QTest::addColumn<QByteArray>("channel");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("reason");
        const QByteArray pubsub = "liveview:pubsub:" + room.toUtf8();
        QTest::newRow("not json") << pubsub << QByteArray("{\"v\":1,") << "not JSON";
        QTest::newRow("not an object") << pubsub << QByteArray("[1,2]") << "not a JSON object";
        QTest::newRow("oversized")
            << pubsub << json({{"v", 1}, {"node", otherNode}, {"msg", QString(5000, QChar('x'))}})
            << "exceeds the limit";
        QTest::newRow("other version")
            << pubsub << json({{"v", 99}, {"node", otherNode}, {"msg", 1}})
            << "unknown protocol version";
        QTest::newRow("no node") << pubsub << json({{"v", 1}, {"msg", 1}}) << "no sending node";
        QTest::newRow("no message")
            << pubsub << json({{"v", 1}, {"node", otherNode}}) << "no message";
        QTest::newRow("presence type")
            << QByteArray("liveview:presence")
            << json({{"v", 1}, {"node", otherNode}, {"type", "gossip"}, {"seq", 1}})
            << "unknown presence message type";
        QTest::newRow("presence entry")
            << QByteArray("liveview:presence")
            << json({{"v", 1},
                     {"node", otherNode},
                     {"type", "state"},
                     {"seq", 1},
                     {"joins", QJsonArray{QJsonObject{{"topic", room}}}}})
            << "without topic, key or phx_ref";
        QTest::newRow("binary garbage") << pubsub << QByteArray("\x00\xff\xfe", 3) << "not JSON";
    }
    void badInputFromRedisIsDroppedAndLogged()
    {
        QFETCH(QByteArray, channel);
        QFETCH(QByteArray, payload);
        QFETCH(QString, reason);
        LiveViewTest watcher = live(app, "/room?user=watcher");
        const QString before = watcher.render();
        const int rejected = cluster->rejectedMessages();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("dropped a message on .*" +
                                                              QRegularExpression::escape(reason)));
        RedisClient nodeB(redis.port());
        nodeB.command({"PUBLISH", channel, payload});
        QTRY_COMPARE(cluster->rejectedMessages(), rejected + 1);
        QCOMPARE(watcher.processPending(), before);

        // The node goes on: the next good message is delivered.
        nodeB.command(
            {"PUBLISH", "liveview:pubsub:" + room.toUtf8(),
             json({{"v", 1}, {"node", otherNode}, {"msg", QJsonObject{{"text", "ok"}}}})});
        QTRY_VERIFY(watcher.processPending().contains("<li>ok</li>"));
    }

    void presenceMergesAcrossNodesAndLeavesWithADeadNode()
    {
        RedisClient subscriber(redis.port());
        QVERIFY(subscriber.psubscribe("liveview:presence"));
        RedisClient nodeB(redis.port());
        LiveViewTest alice = live(app, "/room?user=alice");

        // Node B appears: its heartbeat makes this node ask for B's state...
        QTimer heartbeat;
        qint64 seqB = 1;
        connect(&heartbeat, &QTimer::timeout, [&] {
            nodeB.command({"PUBLISH", "liveview:presence", presenceMessage("heartbeat", seqB)});
        });
        heartbeat.start(50);
        nodeB.command({"PUBLISH", "liveview:presence", presenceMessage("heartbeat", seqB)});
        QVERIFY(!readUntil(subscriber, [&](const QJsonObject &o) {
                     return o.value("type").toString() == u"sync" &&
                            o.value("to").toString() == otherNode;
                 }).isEmpty());
        // ...and merges the answer: bob (two tabs) is on node B.
        nodeB.command({"PUBLISH", "liveview:presence",
                       presenceMessage("state", seqB, {entry("bob", "b-1"), entry("bob", "b-2")})});
        QTRY_VERIFY(alice.processPending().contains("alice,bob"));
        QCOMPARE(Presence::list(room).value("bob").toMap().value("metas").toList().size(), 2);
        QTRY_COMPARE(cluster->peers(), QStringList{otherNode});

        // This node's changes reach B as deltas in sequence.
        LiveViewTest carol = live(app, "/room?user=carol");
        const QJsonObject delta = readUntil(subscriber, [&](const QJsonObject &o) {
            return o.value("type").toString() == u"delta" && o.value("node") == cluster->nodeId() &&
                   o.value("joins").toArray().first().toObject().value("key").toString() ==
                       u"carol";
        });
        QVERIFY(!delta.isEmpty());
        QVERIFY(!delta.value("joins")[0]["meta"]["phx_ref"].toString().isEmpty());

        // B's delta: one tab closes.
        ++seqB;
        nodeB.command({"PUBLISH", "liveview:presence",
                       json({{"v", 1},
                             {"node", otherNode},
                             {"type", "delta"},
                             {"seq", seqB},
                             {"leaves", QJsonArray{entry("bob", "b-2")}}})});
        QTRY_COMPARE(Presence::list(room).value("bob").toMap().value("metas").toList().size(), 1);

        // B dies: no more heartbeats. Its presences leave within the node timeout.
        heartbeat.stop();
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression("node node-b silent for .* removing"));
        QTRY_VERIFY_WITH_TIMEOUT(!alice.processPending().contains("bob"), 5000);
        QCOMPARE(alice.element("#online").element().textContent(), QStringLiteral("alice,carol"));
        QVERIFY(cluster->peers().isEmpty());
    }

    void monitorListsTheNodesWithTheirSessionsAndPresences()
    {
        LiveViewTest dora = live(app, "/room?user=dora");
        RedisClient nodeB(redis.port());
        const auto heartbeatB = [&] {
            nodeB.command({"PUBLISH", "liveview:presence",
                           json({{"v", 1},
                                 {"node", otherNode},
                                 {"type", "heartbeat"},
                                 {"seq", 0},
                                 {"status", QJsonObject{{"sessions", 7},
                                                        {"url", "http://10.0.0.2:4000"}}}})});
        };
        QTimer heartbeat;
        connect(&heartbeat, &QTimer::timeout, heartbeatB);
        heartbeat.start(50);
        heartbeatB();
        const auto nodeNamed = [](const QString &id) -> std::optional<NodeInfo> {
            for (const NodeInfo &n : Monitor::instance()->snapshot(Monitor::Nodes).nodes)
                if (n.id == id)
                    return n;
            return std::nullopt;
        };
        QTRY_VERIFY(nodeNamed(otherNode).has_value());
        const NodeInfo b = *nodeNamed(otherNode);
        QCOMPARE(b.sessions, 7);
        QCOMPARE(b.address, QStringLiteral("http://10.0.0.2:4000"));
        QVERIFY(b.alive);
        QVERIFY(!b.self);
        QVERIFY(b.lastHeartbeat.isValid());
        const auto self = nodeNamed(cluster->nodeId());
        QVERIFY(self && self->self);
        QVERIFY(self->sessions >= 1); // dora
        const ServerInfo server = Monitor::instance()->server();
        QCOMPARE(server.nodeId, cluster->nodeId());
        QCOMPARE(server.redisLink, QStringLiteral("connected"));
        // Dora's presence is listed with this node and the time it was tracked.
        const auto presences = Monitor::instance()->snapshot(Monitor::Presences).presences;
        QVERIFY(std::any_of(presences.cbegin(), presences.cend(), [&](const PresenceInfo &p) {
            return p.topic == room && p.key == u"dora" && p.node == cluster->nodeId() &&
                   p.since.isValid();
        }));
        // B goes silent: it leaves the list after the node timeout.
        heartbeat.stop();
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression("node node-b silent for .* removing"));
        QTRY_VERIFY_WITH_TIMEOUT(!nodeNamed(otherNode).has_value(), 5000);
    }

    void redisRestartIsSurvived()
    {
        LiveViewTest alice = live(app, "/room?user=alice");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("lost the Redis connection"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("lost the Redis connection"));
        redis.kill();
        QTRY_VERIFY(!cluster->isConnected());
        // Broadcasting meanwhile still reaches this node's subscribers.
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression("reached this node's subscribers only"));
        LiveViewTest bob = live(app, "/room?user=bob");
        bob.renderEvent("say", {{"text", "while Redis is down"}});
        QTRY_VERIFY(alice.processPending().contains("while Redis is down"));

        QString error;
        QVERIFY2(redis.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(cluster->isConnected(), 10000);
        RedisClient nodeB(redis.port());
        QTRY_VERIFY(nodeB.command({"PUBLISH", "liveview:pubsub:" + room.toUtf8(),
                                   json({{"v", 1},
                                         {"node", otherNode},
                                         {"msg", QJsonObject{{"text", "after the restart"}}}})}) ==
                    "1");
        QTRY_VERIFY(alice.processPending().contains("after the restart"));
    }

    void stopSaysGoodbye()
    {
        // Last: it stops this node. The others learn at once that its presences are gone.
        LiveViewTest dora = live(app, "/room?user=dora");
        RedisClient subscriber(redis.port());
        QVERIFY(subscriber.psubscribe("liveview:presence"));
        const QString self = cluster->nodeId();
        cluster->stop();
        const QJsonObject bye = readUntil(subscriber, [&](const QJsonObject &o) {
            return o.value("node").toString() == self && o.value("type").toString() == u"state";
        });
        QVERIFY(!bye.isEmpty());
        QVERIFY(bye.value("joins").toArray().isEmpty());
        QVERIFY(!cluster->isConnected());
    }
};

QTEST_GUILESS_MAIN(tst_Cluster)
#include "tst_cluster.moc"
