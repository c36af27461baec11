// The server side of RFC 6455 on a real port, as a raw client sees it: the handshake and its
// refusals, pings, fragments with control frames between them, the close handshake, and every
// broken rule closing only the socket that broke it with the code the RFC gives.
#include "limits_client.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace liveview;
using namespace limits_test;

class tst_WebSocketProtocol : public LimitsTestBase
{
    Q_OBJECT

    // Reads until a frame of `opcode` arrives; its payload, or a null array.
    static QByteArray awaitFrame(QTcpSocket &socket, QByteArray &pending, int opcode)
    {
        // One frame at a time: frames behind the awaited one stay in `pending` for the next
        // call (a pong and a join reply may arrive in one read).
        for (;;) {
            std::pair<int, QByteArray> frame;
            while (takeFrame(pending, &frame))
                if (frame.first == opcode)
                    return frame.second.isNull() ? QByteArray("") : frame.second;
            if (!socket.waitForReadyRead(5000))
                return {};
            pending += socket.readAll();
        }
    }

    static QString joinStatus(QTcpSocket &socket, QByteArray &pending)
    {
        for (;;) {
            std::pair<int, QByteArray> taken;
            while (takeFrame(pending, &taken)) {
                const QJsonArray frame = QJsonDocument::fromJson(taken.second).array();
                if (taken.first == 0x1 && frame.at(3) == QStringLiteral("phx_reply"))
                    return frame.at(4).toObject().value("status").toString();
            }
            if (!socket.waitForReadyRead(5000))
                return QStringLiteral("no reply");
            pending += socket.readAll();
        }
    }

    static int closeCode(const QByteArray &payload)
    {
        return payload.size() >= 2 ? (quint8(payload[0]) << 8) | quint8(payload[1]) : -1;
    }

private slots:
    void initTestCase()
    {
        router = std::make_shared<Router>();
        testviews::registerTestViews(*router);
        start();
    }
    void cleanupTestCase() { endpoint.reset(); }

    void pingIsAnsweredWithItsPayload()
    {
        const Page page = openPage(port(), "/test/counter");
        QTcpSocket ws;
        QByteArray pending;
        QVERIFY(upgrade(ws, port(), page, page.csrf, &pending));
        ws.write(clientFrame(0x9, "are you there"));
        QCOMPARE(awaitFrame(ws, pending, 0xA), QByteArray("are you there"));
    }

    void fragmentedJoinWithAPingBetween()
    {
        const Page page = openPage(port(), "/test/counter");
        QTcpSocket ws;
        QByteArray pending;
        QVERIFY(upgrade(ws, port(), page, page.csrf, &pending));
        const QByteArray join = joinFrame(page, "/test/counter", "1");
        const qsizetype third = join.size() / 3;
        ws.write(clientFrame(0x1, join.left(third), false));
        ws.write(clientFrame(0x9, "between"));
        ws.write(clientFrame(0x0, join.mid(third, third), false));
        ws.write(clientFrame(0x0, join.mid(2 * third)));
        QCOMPARE(awaitFrame(ws, pending, 0xA), QByteArray("between"));
        QCOMPARE(joinStatus(ws, pending), QStringLiteral("ok"));
    }

    void framesSentWithTheHandshake()
    {
        // A client may send its first frame right behind the upgrade request, in one segment.
        const Page page = openPage(port(), "/test/counter");
        QTcpSocket ws;
        ws.connectToHost(QHostAddress::LocalHost, port());
        QVERIFY(ws.waitForConnected(5000));
        ws.write("GET /live/websocket?vsn=2.0.0&_csrf_token=" + QUrl::toPercentEncoding(page.csrf) +
                 " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                 "Cookie: " +
                 page.cookie + "\r\n\r\n" + clientTextFrame(joinFrame(page, "/test/counter", "1")));
        QByteArray received;
        while (!received.contains("\r\n\r\n") && ws.waitForReadyRead(5000))
            received += ws.readAll();
        QVERIFY(received.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
        QVERIFY(received.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
        QByteArray pending = received.mid(received.indexOf("\r\n\r\n") + 4);
        QCOMPARE(joinStatus(ws, pending), QStringLiteral("ok"));
    }

    void clientCloseIsAnsweredAndTheSocketGoes()
    {
        const Page page = openPage(port(), "/test/counter");
        QTcpSocket ws;
        QByteArray pending;
        QVERIFY(upgrade(ws, port(), page, page.csrf, &pending));
        ws.write(clientTextFrame(joinFrame(page, "/test/counter", "1")));
        QCOMPARE(joinStatus(ws, pending), QStringLiteral("ok"));
        QTRY_COMPARE(endpoint->connectionCount(), 1);
        ws.write(clientFrame(0x8, QByteArray("\x03\xe8") + "leaving"));
        QCOMPARE(closeCode(awaitFrame(ws, pending, 0x8)), 1000);
        // The server hangs up once the close handshake is complete.
        QTRY_COMPARE(ws.state(), QAbstractSocket::UnconnectedState);
        QTRY_COMPARE(endpoint->connectionCount(), 0);
    }

    void brokenRulesCloseOnlyThatSocket_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("code");
        QTest::newRow("unmasked frame") << clientFrame(0x1, "[]", true, false) << 1002;
        QTest::newRow("unknown opcode") << clientFrame(0x5, "x") << 1002;
        QTest::newRow("continuation without a start") << clientFrame(0x0, "x") << 1002;
        QTest::newRow("text that is not UTF-8") << clientFrame(0x1, "\xff\xfe\xfd") << 1007;
        // The default message limit is 256 KiB; the header alone announces more.
        QTest::newRow("message over the limit")
            << QByteArray("\x82\xff\x00\x00\x00\x00\x00\x10\x00\x00mask", 14) << 1009;
        QTest::newRow("close with a reserved code") << clientFrame(0x8, "\x03\xed") << 1002;
    }
    void brokenRulesCloseOnlyThatSocket()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, code);
        const Page bystanderPage = openPage(port(), "/test/counter");
        QTcpSocket bystander;
        QByteArray bystanderPending;
        QVERIFY(upgrade(bystander, port(), bystanderPage, bystanderPage.csrf, &bystanderPending));
        bystander.write(clientTextFrame(joinFrame(bystanderPage, "/test/counter", "1")));
        QCOMPARE(joinStatus(bystander, bystanderPending), QStringLiteral("ok"));

        const Page page = openPage(port(), "/test/counter");
        QTcpSocket ws;
        QByteArray pending;
        QVERIFY(upgrade(ws, port(), page, page.csrf, &pending));
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression("closing a WebSocket from"));
        ws.write(frame);
        QCOMPARE(closeCode(awaitFrame(ws, pending, 0x8)), code);
        // The client does not answer the close: the server drops the connection after its grace.
        QTRY_COMPARE_WITH_TIMEOUT(ws.state(), QAbstractSocket::UnconnectedState, 5000);

        // The other socket's view still answers, and the server still serves pages.
        bystander.write(clientFrame(0x9, "still here"));
        QCOMPARE(awaitFrame(bystander, bystanderPending, 0xA), QByteArray("still here"));
        QCOMPARE(bystanderStatus(), 200);
        bystander.write(clientFrame(0x8, QByteArray("\x03\xe8")));
        QTRY_COMPARE(endpoint->connectionCount(), 0);
    }

    void handshakeRefusals_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<int>("status");
        QTest::newRow("version 8") << QByteArray("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                                 "Sec-WebSocket-Version: 8\r\n")
                                   << 426;
        QTest::newRow("no key") << QByteArray("Sec-WebSocket-Version: 13\r\n") << 400;
        QTest::newRow("short key") << QByteArray("Sec-WebSocket-Key: c2hvcnQ=\r\n"
                                                 "Sec-WebSocket-Version: 13\r\n")
                                   << 400;
        QTest::newRow("no Connection: Upgrade")
            << QByteArray("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                          "Sec-WebSocket-Version: 13\r\nConnection: keep-alive\r\n")
            << 400;
    }
    void handshakeRefusals()
    {
        QFETCH(QByteArray, fields);
        QFETCH(int, status);
        const bool withConnection = fields.contains("Connection:");
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression("refused a request from"));
        const QByteArray response = exchange(
            port(), "GET /live/websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n" +
                        (withConnection ? QByteArray() : QByteArray("Connection: Upgrade\r\n")) +
                        fields + "\r\n");
        QCOMPARE(statusOf(response), status);
        QCOMPARE(bystanderStatus(), 200);
    }

    void upgradeElsewhereIsRefused_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("a page") << QByteArray("/test/counter");
        QTest::newRow("the socket path with a slash") << QByteArray("/live/websocket/");
        QTest::newRow("long poll") << QByteArray("/live/longpoll");
    }
    void upgradeElsewhereIsRefused()
    {
        // Only the LiveView socket speaks WebSocket; Qt's parser would upgrade any path and
        // leave the socket with nobody to read it.
        QFETCH(QByteArray, path);
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression("refused a request from"));
        const QByteArray response =
            exchange(port(), "GET " + path +
                                 " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                 "Connection: Upgrade\r\nSec-WebSocket-Key: "
                                 "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QCOMPARE(statusOf(response), 404);
        QCOMPARE(endpoint->connectionCount(), 0);
        QCOMPARE(bystanderStatus(), 200);
    }

    void heartbeatBringsAPing()
    {
        // The server pings at each client heartbeat to measure the round trip (the monitor's
        // ping time); the ping carries its send time.
        const Page page = openPage(port(), "/test/counter");
        QTcpSocket ws;
        QByteArray pending;
        QVERIFY(upgrade(ws, port(), page, page.csrf, &pending));
        ws.write(clientTextFrame(R"([null,"2","phoenix","heartbeat",{}])"));
        const QByteArray ping = awaitFrame(ws, pending, 0x9);
        bool numeric = false;
        ping.toLongLong(&numeric);
        QVERIFY2(numeric, ping.constData());
        ws.write(clientFrame(0xA, ping));
        ws.write(clientFrame(0x9, "after the pong"));
        QCOMPARE(awaitFrame(ws, pending, 0xA), QByteArray("after the pong"));
    }
};

QTEST_GUILESS_MAIN(tst_WebSocketProtocol)
#include "tst_websocket_protocol.moc"
