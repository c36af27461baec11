// Frame codec: vsn 2.0.0 arrays, binary pushes, and a clear refusal for every malformed input.
#include "channel/frame.h"

#include <QJsonDocument>
#include <QtTest>

using namespace liveview::internal;

class tst_Frame : public QObject
{
    Q_OBJECT
private slots:
    void decodeValid()
    {
        QString error;
        auto f = decodeTextFrame(R"(["4","8","lv:phx-1","event",{"type":"click"}])", &error);
        QVERIFY2(f, qPrintable(error));
        QCOMPARE(f->joinRef.toString(), QStringLiteral("4"));
        QCOMPARE(f->ref.toString(), QStringLiteral("8"));
        QCOMPARE(f->topic, QStringLiteral("lv:phx-1"));
        QCOMPARE(f->event, QStringLiteral("event"));
        QCOMPARE(f->payload.value("type").toString(), QStringLiteral("click"));
        auto heartbeat = decodeTextFrame(R"([null,"13","phoenix","heartbeat",{}])", &error);
        QVERIFY(heartbeat && heartbeat->joinRef.isNull());
    }

    void decodeInvalid_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << QByteArray("[\"4\",") << "not JSON";
        QTest::newRow("garbage bytes") << QByteArray("\xff\xfe\x00garbage", 10) << "not JSON";
        QTest::newRow("object framing (vsn 1)")
            << QByteArray(R"({"topic":"x","event":"y","payload":{},"ref":"1"})")
            << "not a JSON array";
        QTest::newRow("four elements") << QByteArray(R"(["1","1","t","e"])") << "4 elements";
        QTest::newRow("six elements") << QByteArray(R"(["1","1","t","e",{},1])") << "6 elements";
        QTest::newRow("numeric ref") << QByteArray(R"([1,"1","t","e",{}])") << "wrong types";
        QTest::newRow("payload not object")
            << QByteArray(R"(["1","1","t","e",[]])") << "wrong types";
        QTest::newRow("empty topic") << QByteArray(R"(["1","1","","e",{}])") << "empty topic";
    }
    void decodeInvalid()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!decodeTextFrame(data, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void binaryPush()
    {
        // The chunk frame the 1.2.12 client sends for upload entry 0 (protocol doc §2.2).
        QByteArray data("\x00\x02\x02\x05\x05", 5);
        data += "2425lvu:0chunkhello world";
        QString error;
        auto f = decodeBinaryFrame(data, &error);
        QVERIFY2(f, qPrintable(error));
        QCOMPARE(f->joinRef.toString(), QStringLiteral("24"));
        QCOMPARE(f->ref.toString(), QStringLiteral("25"));
        QCOMPARE(f->topic, QStringLiteral("lvu:0"));
        QCOMPARE(f->event, QStringLiteral("chunk"));
        QCOMPARE(f->binaryPayload, QByteArray("hello world"));
    }

    void binaryGarbage_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("too short") << QByteArray("\x00\x01", 2);
        QTest::newRow("reply kind") << QByteArray("\x01\x00\x00\x01\x01te", 7);
        QTest::newRow("lengths past end") << QByteArray("\x00\x09\x09\x09\x09"
                                                        "abc",
                                                        8);
        QTest::newRow("empty topic") << QByteArray("\x00\x00\x00\x00\x01"
                                                   "e",
                                                   6);
    }
    void binaryGarbage()
    {
        QFETCH(QByteArray, data);
        QString error;
        QVERIFY(!decodeBinaryFrame(data, &error));
        QVERIFY(!error.isEmpty());
    }

    void encode()
    {
        QCOMPARE(
            encodeReply(QJsonValue("4"), QJsonValue("9"), "lv:x", "ok",
                        {{"diff", QJsonObject{{"0", "1"}}}}),
            QByteArray(
                R"(["4","9","lv:x","phx_reply",{"response":{"diff":{"0":"1"}},"status":"ok"}])"));
        QCOMPARE(encodeFrame(QJsonValue("4"), QJsonValue(), "lv:x", "diff", {{"0", "\"q\""}}),
                 QByteArray("[\"4\",null,\"lv:x\",\"diff\",{\"0\":\"\\\"q\\\"\"}]"));
        // What we encode must decode back to the same frame.
        QString error;
        auto f =
            decodeTextFrame(encodeFrame(QJsonValue(), QJsonValue("1\"2"), "t\"o", "e", {}), &error);
        QVERIFY(f);
        QCOMPARE(f->ref.toString(), QStringLiteral("1\"2"));
        QCOMPARE(f->topic, QStringLiteral("t\"o"));
    }
};

QTEST_GUILESS_MAIN(tst_Frame)
#include "tst_frame.moc"
