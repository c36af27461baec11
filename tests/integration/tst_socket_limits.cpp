// The WebSocket front door on a real port: per-address join rate, the CSRF token checked at
// connect, the heartbeat timeout (4001) and clients that stop reading (4002), with a bystander
// still served and the process's memory bounded.
#include "limits_client.h"

#include <liveview/live_view.h>
#include <liveview/pubsub.h>
#include <test_router.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>
#include <atomic>

using namespace liveview;
using namespace limits_test;

namespace {

const QString roomTopic = QStringLiteral("limits:room");

// A chat room reduced to its fan-out: every broadcast becomes a diff to every member.
class RoomView : public LiveView
{
    void mount(const QVariantMap &, const QVariantMap &) override { assign("last", QString()); }
    void connected() override { subscribe(roomTopic); }
    void handleInfo(const QVariant &message) override { assign("last", message.toString()); }
    Template render() const override
    {
        static const Template t = Template::compile(QStringLiteral("<p id=\"last\">{@last}</p>"));
        return t;
    }
};

std::atomic<int> queueFullLogs{0};
QtMessageHandler previousHandler = nullptr;

void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1String("send queue full")))
        queueFullLogs.fetch_add(1);
    else
        previousHandler(type, context, message);
}

} // namespace

class tst_SocketLimits : public LimitsTestBase
{
    Q_OBJECT

    static int closeCodeIn(QByteArray bytes)
    {
        for (const auto &[opcode, payload] : takeFrames(bytes))
            if (opcode == 0x8)
                return (quint8(payload[0]) << 8) | quint8(payload[1]);
        return 0;
    }

    static QString closeCodeOf(QTcpSocket &socket, QByteArray pending)
    {
        for (;;) {
            for (const auto &[opcode, payload] : takeFrames(pending))
                if (opcode == 0x8)
                    return QString::number((quint8(payload[0]) << 8) | quint8(payload[1]));
            if (!socket.waitForReadyRead(5000))
                return QStringLiteral("no close frame");
            pending += socket.readAll();
        }
    }
private slots:
    void initTestCase()
    {
        router = std::make_shared<Router>();
        testviews::registerTestViews(*router);
        router->live<RoomView>("/limits/room");
    }
    void cleanupTestCase() { endpoint.reset(); }

    void joinRatePerAddress()
    {
        start([](EndpointOptions &o) {
            o.joinsPerSecond = 2;
            o.rateLimitLoopback = true;
        });
        const Page page = openPage(port(), "/test/counter");
        QTcpSocket ws;
        QByteArray pending;
        QVERIFY(upgrade(ws, port(), page, page.csrf, &pending));
        QStringList answers;
        for (int i = 0; i < 4; ++i) {
            ws.write(clientTextFrame(joinFrame(page, "/test/counter", QByteArray::number(i))));
            QString status;
            while (status.isEmpty()) {
                for (const auto &[opcode, payload] : takeFrames(pending)) {
                    const QJsonArray frame = QJsonDocument::fromJson(payload).array();
                    if (frame.at(3) == QStringLiteral("phx_reply"))
                        status = frame.at(4)
                                     .toObject()
                                     .value("response")
                                     .toObject()
                                     .value("reason")
                                     .toString(QStringLiteral("ok"));
                }
                if (status.isEmpty() && !ws.waitForReadyRead(5000))
                    QFAIL("no join reply");
                pending += ws.readAll();
            }
            answers.append(status);
        }
        QCOMPARE(answers, QStringList({"ok", "ok", "rate limited", "rate limited"}));
    }

    void csrfCheckedAtConnect_data()
    {
        QTest::addColumn<bool>("forged");
        QTest::newRow("page's token") << false;
        QTest::newRow("forged token") << true;
    }
    void csrfCheckedAtConnect()
    {
        QFETCH(bool, forged);
        start();
        const Page page = openPage(port(), "/test/counter");
        const Page other = openPage(port(), "/test/counter"); // another browser's token
        QTcpSocket ws;
        QByteArray pending;
        QVERIFY(upgrade(ws, port(), page, forged ? other.csrf : page.csrf, &pending));
        // Every join carries the right token; only the socket's differs.
        ws.write(clientTextFrame(joinFrame(page, "/test/counter", "1")));
        QString reason;
        while (reason.isEmpty() && ws.waitForReadyRead(5000)) {
            pending += ws.readAll();
            for (const auto &[opcode, payload] : takeFrames(pending))
                reason = QJsonDocument::fromJson(payload)
                             .array()
                             .at(4)
                             .toObject()
                             .value("response")
                             .toObject()
                             .value("reason")
                             .toString(QStringLiteral("joined"));
        }
        QCOMPARE(reason, forged ? QStringLiteral("stale") : QStringLiteral("joined"));
    }

    void silentWebSocketIsClosed()
    {
        start([](EndpointOptions &o) { o.heartbeatTimeoutMs = 400; });
        const Page page = openPage(port(), "/test/counter");
        QTcpSocket silent;
        QByteArray pending;
        QVERIFY(upgrade(silent, port(), page, page.csrf, &pending));
        silent.write(clientTextFrame(joinFrame(page, "/test/counter", "1")));
        // The bystander beats every 100 ms, as browsers do every 30 s.
        const Page mine = openPage(port(), "/test/counter");
        QTcpSocket beating;
        QVERIFY(upgrade(beating, port(), mine, mine.csrf));
        QTimer heartbeat;
        connect(&heartbeat, &QTimer::timeout, &beating, [&beating] {
            beating.write(clientTextFrame(R"([null,"9","phoenix","heartbeat",{}])"));
        });
        heartbeat.start(100);
        // Waited for in the event loop: the bystander's heartbeat timer must keep running.
        connect(&silent, &QTcpSocket::readyRead, this, [&] { pending += silent.readAll(); });
        QTRY_COMPARE_WITH_TIMEOUT(closeCodeIn(pending), 4001, 5000);
        QTRY_COMPARE(endpoint->connectionCount(), 1);
        QCOMPARE(beating.state(), QAbstractSocket::ConnectedState);
    }

    void slowReaderSeesCloseCode()
    {
        start([](EndpointOptions &o) { o.maxSendQueueBytes = 64 * 1024; });
        previousHandler = qInstallMessageHandler(countingHandler);
        queueFullLogs = 0;
        const Page page = openPage(port(), "/limits/room");
        QTcpSocket reader;
        QVERIFY(upgrade(reader, port(), page, page.csrf, nullptr, 4096));
        reader.write(clientTextFrame(joinFrame(page, "/limits/room", "1")));
        QTRY_COMPARE(PubSub::subscriberCount(roomTopic), 1);
        QTimer chat;
        int n = 0;
        // Fast, to fill the kernel's buffers quickly: this test is about the code, the next one
        // about the rate.
        connect(&chat, &QTimer::timeout, this, [&n] {
            for (int i = 0; i < 8; ++i)
                PubSub::broadcast(roomTopic, QString(1024, QChar('a' + n++ % 26)));
        });
        chat.start(2);
        QTRY_VERIFY_WITH_TIMEOUT(queueFullLogs.load() == 1, 60000);
        chat.stop();
        qInstallMessageHandler(previousHandler);
        reader.setReadBufferSize(0); // the client reads again: the close frame waits at the end
        QCOMPARE(closeCodeOf(reader, reader.readAll()), QStringLiteral("4002"));
    }

    void slowReadersStayBounded()
    {
        // 200 clients that never read while a room broadcasts 1 KB messages at 100/s.
        start([](EndpointOptions &o) { o.maxSendQueueBytes = 64 * 1024; });
        previousHandler = qInstallMessageHandler(countingHandler);
        queueFullLogs = 0;
        const Page own = openPage(port(), "/limits/room");
        QWebSocket bystander;
        QSignalSpy connected(&bystander, &QWebSocket::connected);
        QNetworkRequest req(QUrl(QStringLiteral("ws://127.0.0.1:%1/live/websocket?vsn=2.0.0&"
                                                "_csrf_token=%2")
                                     .arg(port())
                                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(own.csrf)))));
        req.setRawHeader("Cookie", own.cookie);
        bystander.open(req);
        QVERIFY(connected.wait(5000));
        QString lastSeen;
        connect(&bystander, &QWebSocket::textMessageReceived, this,
                [&lastSeen](const QString &m) { lastSeen = m; });
        bystander.sendTextMessage(QString::fromUtf8(joinFrame(own, "/limits/room", "1")));

        std::vector<std::unique_ptr<QTcpSocket>> readers;
        for (int i = 0; i < 200; ++i) {
            const Page page = openPage(port(), "/limits/room");
            auto s = std::make_unique<QTcpSocket>();
            QVERIFY(upgrade(*s, port(), page, page.csrf, nullptr, 4096));
            s->write(clientTextFrame(joinFrame(page, "/limits/room", "1")));
            readers.push_back(std::move(s));
        }
        QTRY_COMPARE_WITH_TIMEOUT(PubSub::subscriberCount(roomTopic), 201, 20000);
        const qint64 before = rssBytes();
        qint64 peak = before;
        QTimer chat;
        int n = 0;
        connect(&chat, &QTimer::timeout, this, [&n, &peak] {
            PubSub::broadcast(roomTopic, QString::number(n++) + QString(1024, QChar('m')));
            peak = qMax(peak, rssBytes());
        });
        chat.start(10);
        QTRY_VERIFY_WITH_TIMEOUT(endpoint->connectionCount() == 1, 90000);
        QCOMPARE(queueFullLogs.load(), 200);
        chat.stop();
        qInstallMessageHandler(previousHandler);
        const int sent = n;
        QTRY_VERIFY(lastSeen.contains(QString::number(sent - 1) + "mmm")); // it got them all
        QCOMPARE(bystander.state(), QAbstractSocket::ConnectedState);
        qInfo("RSS %lld MB before the broadcasts, peak %lld MB; %d messages", before >> 20,
              peak >> 20, sent);
        QVERIFY2(peak - before < 64LL * 1024 * 1024, "send queues grew without bound");
    }
};

QTEST_GUILESS_MAIN(tst_SocketLimits)
#include "tst_socket_limits.moc"
