// Cluster wire messages: round trips for every kind, and a reason for every rejected input.
#include "cluster/cluster_message.h"

#include <QJsonDocument>
#include <QtTest>

using namespace liveview::internal;
using namespace liveview::internal::cluster;

class tst_ClusterMessage : public QObject
{
    Q_OBJECT
private slots:
    void broadcastRoundTrip_data()
    {
        QTest::addColumn<QVariant>("message");
        QTest::newRow("map") << QVariant(QVariantMap{{"id", 7}, {"body", "<b>hi</b> é"}});
        QTest::newRow("list") << QVariant(QVariantList{1, "two", true});
        QTest::newRow("string") << QVariant("plain");
        QTest::newRow("number") << QVariant(2.5);
        QTest::newRow("null") << QVariant();
    }
    void broadcastRoundTrip()
    {
        QFETCH(QVariant, message);
        QByteArray payload;
        QVERIFY(encodeBroadcast("node-a", message, &payload));
        Broadcast b;
        QString error;
        QVERIFY2(decodeBroadcast(pubsubPrefix + "room:1", payload, 1 << 20, &b, &error),
                 qPrintable(error));
        QCOMPARE(b.node, QStringLiteral("node-a"));
        QCOMPARE(b.topic, QStringLiteral("room:1"));
        QCOMPARE(QJsonValue::fromVariant(b.message), QJsonValue::fromVariant(message));
    }

    void messagesWithoutJsonFormAreNotEncoded()
    {
        QByteArray payload;
        QVERIFY(!encodeBroadcast("n", QVariant::fromValue(static_cast<void *>(this)), &payload));
    }

    void rejectedBroadcasts_data()
    {
        QTest::addColumn<QByteArray>("channel");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("reason");
        const QByteArray ok = "liveview:pubsub:t";
        QTest::newRow("no topic") << QByteArray("liveview:pubsub:") << QByteArray("{}")
                                  << "not a PubSub channel";
        QTest::newRow("too big") << ok << QByteArray(101, ' ') << "exceeds the limit of 100";
        QTest::newRow("truncated") << ok << QByteArray("{\"v\":1") << "not JSON";
        QTest::newRow("array") << ok << QByteArray("[]") << "not a JSON object";
        QTest::newRow("no version")
            << ok << QByteArray(R"({"node":"n","msg":1})") << "unknown protocol version";
        QTest::newRow("string version")
            << ok << QByteArray(R"({"v":"1","node":"n","msg":1})") << "unknown protocol version";
        QTest::newRow("empty node")
            << ok << QByteArray(R"({"v":1,"node":"","msg":1})") << "no sending node";
        QTest::newRow("no msg") << ok << QByteArray(R"({"v":1,"node":"n"})") << "no message";
    }
    void rejectedBroadcasts()
    {
        QFETCH(QByteArray, channel);
        QFETCH(QByteArray, payload);
        QFETCH(QString, reason);
        Broadcast b;
        QString error;
        QVERIFY(!decodeBroadcast(channel, payload, 100, &b, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void presenceRoundTrip_data()
    {
        QTest::addColumn<int>("type");
        QTest::newRow("heartbeat") << int(PresenceMessage::Type::Heartbeat);
        QTest::newRow("delta") << int(PresenceMessage::Type::Delta);
        QTest::newRow("sync") << int(PresenceMessage::Type::Sync);
        QTest::newRow("state") << int(PresenceMessage::Type::State);
    }
    void presenceRoundTrip()
    {
        QFETCH(int, type);
        PresenceMessage m;
        m.type = PresenceMessage::Type(type);
        m.node = "node-a";
        m.seq = 42;
        m.to = "node-b";
        m.joins = {{"room", "alice", {{"phx_ref", "r1"}, {"tab", 1}}}};
        m.leaves = {{"room", "bob", {{"phx_ref", "r2"}}}};
        PresenceMessage back;
        QString error;
        QVERIFY2(decodePresence(encodePresence(m), 1 << 20, &back, &error), qPrintable(error));
        QCOMPARE(int(back.type), type);
        QCOMPARE(back.node, m.node);
        QCOMPARE(back.seq, m.seq);
        QCOMPARE(back.to, m.to);
        QCOMPARE(back.joins.size(), size_t(1));
        QVERIFY(back.joins[0].sameAs(m.joins[0]));
        QCOMPARE(back.joins[0].meta.value("tab").toInt(), 1);
        QVERIFY(back.leaves[0].sameAs(m.leaves[0]));
    }

    void rejectedPresence_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unknown type") << QByteArray(R"({"v":1,"node":"n","type":"x","seq":1})")
                                      << "unknown presence message type";
        QTest::newRow("no seq") << QByteArray(R"({"v":1,"node":"n","type":"heartbeat"})")
                                << "without a sequence number";
        QTest::newRow("negative seq")
            << QByteArray(R"({"v":1,"node":"n","type":"heartbeat","seq":-1})")
            << "without a sequence number";
        // Found by fuzzing (UBSan: 1e+300 is outside the range of long long).
        QTest::newRow("seq beyond qint64")
            << QByteArray(R"({"v":1,"node":"n","type":"state","seq":1e300})")
            << "impossible sequence number";
        QTest::newRow("seq beyond 2^53")
            << QByteArray(R"({"v":1,"node":"n","type":"heartbeat","seq":9007199254740994})")
            << "impossible sequence number";
        QTest::newRow("sync to nobody") << QByteArray(R"({"v":1,"node":"n","type":"sync","seq":0})")
                                        << "sync without the node asked";
        QTest::newRow("joins not a list")
            << QByteArray(R"({"v":1,"node":"n","type":"delta","seq":1,"joins":{}})")
            << "not a list";
        QTest::newRow("entry without ref")
            << QByteArray(
                   R"({"v":1,"node":"n","type":"delta","seq":1,"joins":[{"topic":"t","key":"k","meta":{}}]})")
            << "without topic, key or phx_ref";
    }
    void rejectedPresence()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, reason);
        PresenceMessage m;
        QString error;
        QVERIFY(!decodePresence(payload, 1 << 20, &m, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_ClusterMessage)
#include "tst_clustermessage.moc"
