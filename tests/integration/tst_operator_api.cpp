// The operator's routes on a real port: /metrics checked by Prometheus's promtool, the admin API
// (token, addresses, snapshot, actions), drain refusing new sockets, and an operator disconnect
// closing one real WebSocket while another stays.
#include <liveview/endpoint.h>
#include <liveview/live_view.h>
#include <liveview/monitor.h>
#include <liveview/testing/html_document.h>

#include "http/operator_api.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {

class PingView : public LiveView
{
public:
    void mount(const QVariantMap &, const QVariantMap &) override
    {
        assign(QStringLiteral("n"), 0);
    }
    void handleEvent(const QString &, const QVariantMap &) override
    {
        assign(QStringLiteral("n"), assigned(QStringLiteral("n")).toInt() + 1);
    }
    Template render() const override
    {
        static const Template t =
            Template::compile(QStringLiteral("<p id=\"n\">{@n}</p>"), QStringLiteral("ping.heex"));
        return t;
    }
};

struct Reply
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
};

} // namespace

class tst_OperatorApi : public QObject
{
    Q_OBJECT
    QTemporaryDir dataDir;
    std::unique_ptr<Endpoint> endpoint;
    QNetworkAccessManager http;

    Reply send(const QByteArray &verb, const QString &path, const QByteArray &token,
               const QByteArray &body = {})
    {
        QNetworkRequest req(endpoint->url().resolved(QUrl(path)));
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token);
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply *reply = http.sendCustomRequest(req, verb, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10000);
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                reply->readAll(), reply->header(QNetworkRequest::ContentTypeHeader).toByteArray()};
    }

    // Loads the page, opens a socket with its cookie and joins; returns the open socket.
    std::unique_ptr<QWebSocket> joinPage()
    {
        QNetworkRequest req(endpoint->url().resolved(QUrl(QStringLiteral("/ping"))));
        req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
        QNetworkReply *reply = http.get(req);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(10000);
        reply->deleteLater();
        const HtmlDocument doc = HtmlDocument::parse(QString::fromUtf8(reply->readAll()));
        const HtmlElement container = doc.selectOne("[data-phx-main]");
        const QByteArray setCookie = reply->rawHeader("Set-Cookie");
        auto ws = std::make_unique<QWebSocket>();
        const QString csrf = doc.selectOne("meta[name=csrf-token]").attribute("content");
        QNetworkRequest wsReq(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/live/websocket?vsn=2.0.0&_csrf_token=%2")
                     .arg(endpoint->port())
                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(csrf)))));
        wsReq.setRawHeader("Cookie", setCookie.left(setCookie.indexOf(';')));
        QSignalSpy connected(ws.get(), &QWebSocket::connected);
        ws->open(wsReq);
        if (!connected.wait(5000))
            return ws;
        const QJsonObject payload{
            {"url", endpoint->url().toString() + "/ping"},
            {"params", QJsonObject{{"_csrf_token",
                                    doc.selectOne("meta[name=csrf-token]").attribute("content")},
                                   {"_mounts", 0}}},
            {"session", container.attribute("data-phx-session")},
            {"static", container.attribute("data-phx-static")}};
        QSignalSpy messages(ws.get(), &QWebSocket::textMessageReceived);
        ws->sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonArray{"1", "1", "lv:" + container.id(), "phx_join", payload})
                .toJson(QJsonDocument::Compact)));
        messages.wait(5000);
        return ws;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dataDir.isValid());
        auto router = std::make_shared<Router>();
        router->live<PingView>(QStringLiteral("/ping"));
        EndpointOptions options;
        options.port = 0;
        options.dataDirectory = dataDir.path();
        options.workerThreads = 2;
        options.metrics = true;
        endpoint = std::make_unique<Endpoint>(router, options);
        QString error;
        QVERIFY2(endpoint->start(&error), qPrintable(error));
        QCOMPARE(endpoint->adminToken().size(), 64);
        QFile tokenFile(dataDir.filePath(QStringLiteral("admin.token")));
        QVERIFY(tokenFile.exists());
        QCOMPARE(tokenFile.permissions() & (QFile::ReadOther | QFile::ReadGroup),
                 QFile::Permissions());
    }

    void metricsPassPromtool()
    {
        auto socket = joinPage();
        QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
        const Reply metrics = send("GET", QStringLiteral("/metrics"), {});
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.contentType.startsWith("text/plain; version=0.0.4"));
        QVERIFY(metrics.body.contains("liveview_connections 1"));
        QVERIFY(metrics.body.contains("liveview_joined_views{route=\"/ping\"} 1"));
        QProcess promtool;
        promtool.start(QStringLiteral("promtool"),
                       {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY2(promtool.waitForStarted(10000),
                 "promtool (Debian package prometheus) is required");
        promtool.write(metrics.body);
        promtool.closeWriteChannel();
        QVERIFY(promtool.waitForFinished(30000));
        QVERIFY2(promtool.exitCode() == 0, promtool.readAll().constData());
    }

    void addressesOutsideLoopbackNeedAllowing_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QStringList>("allowed");
        QTest::addColumn<bool>("expected");
        QTest::newRow("loopback v4") << "127.0.0.1" << QStringList() << true;
        QTest::newRow("loopback v6") << "::1" << QStringList() << true;
        QTest::newRow("lan, not listed") << "192.0.2.7" << QStringList() << false;
        QTest::newRow("lan, listed") << "192.0.2.7" << QStringList{"192.0.2.7"} << true;
        QTest::newRow("lan, in subnet") << "192.0.2.7" << QStringList{"192.0.2.0/24"} << true;
        QTest::newRow("lan, other subnet")
            << "198.51.100.1" << QStringList{"192.0.2.0/24"} << false;
        QTest::newRow("any") << "203.0.113.9" << QStringList{"*"} << true;
    }
    void addressesOutsideLoopbackNeedAllowing()
    {
        QFETCH(QString, peer);
        QFETCH(QStringList, allowed);
        QFETCH(bool, expected);
        QCOMPARE(internal::operatorAddressAllowed(QHostAddress(peer), allowed), expected);
    }

    void adminApiNeedsTheToken()
    {
        QCOMPARE(send("GET", QStringLiteral("/admin/api/snapshot"), {}).status, 401);
        QCOMPARE(send("GET", QStringLiteral("/admin/api/snapshot"), QByteArray(64, 'a')).status,
                 401);
        const Reply ok = send("GET", QStringLiteral("/admin/api/snapshot"), endpoint->adminToken());
        QCOMPARE(ok.status, 200);
        const MonitorSnapshot snap =
            monitorSnapshotFromJson(QJsonDocument::fromJson(ok.body).object());
        QVERIFY(snap.server.running);
        QVERIFY(snap.server.connectionCap > 0);
        QVERIFY(snap.server.rssBytes > 0);
        QCOMPARE(snap.server.workerThreads, 2);
        const Reply bad = send("POST", QStringLiteral("/admin/api/drain"), endpoint->adminToken(),
                               "{\"draining\": \"yes\"}");
        QCOMPARE(bad.status, 400);
        QCOMPARE(
            send("POST", QStringLiteral("/admin/api/drain"), endpoint->adminToken(), "[").status,
            400);
        QCOMPARE(
            send("GET", QStringLiteral("/admin/api/session?id=987654321"), endpoint->adminToken())
                .status,
            404);
    }

    void drainRefusesNewSocketsAndResumes()
    {
        auto existing = joinPage();
        QCOMPARE(existing->state(), QAbstractSocket::ConnectedState);
        QCOMPARE(send("POST", QStringLiteral("/admin/api/drain"), endpoint->adminToken(),
                      "{\"draining\": true}")
                     .status,
                 200);
        QVERIFY(Monitor::instance()->server().draining);
        {
            // Qt's client calls 1013 invalid (it accepts only up to 1011 below 3000), browsers
            // do not: read the close frame off the wire.
            QTcpSocket raw;
            raw.connectToHost(QHostAddress::LocalHost, endpoint->port());
            QVERIFY(raw.waitForConnected(5000));
            raw.write("GET /live/websocket?vsn=2.0.0 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      "Sec-WebSocket-Version: 13\r\n\r\n");
            QByteArray received;
            qsizetype frameAt = -1;
            while (raw.waitForReadyRead(5000)) {
                received += raw.readAll();
                frameAt = received.indexOf("\r\n\r\n");
                if (frameAt >= 0 && received.size() >= frameAt + 4 + 4)
                    break;
            }
            QVERIFY(received.startsWith("HTTP/1.1 101"));
            const QByteArray frame = received.mid(frameAt + 4);
            QCOMPARE(quint8(frame.at(0)), quint8(0x88)); // FIN + close
            const int code = (quint8(frame.at(2)) << 8) | quint8(frame.at(3));
            QCOMPARE(code, 1013);
            while (frame.size() < 4 + 15 && raw.waitForReadyRead(1000))
                received += raw.readAll();
            QVERIFY(received.mid(frameAt + 8).contains("server draining"));
        }
        QCOMPARE(existing->state(), QAbstractSocket::ConnectedState); // existing ones go on
        QCOMPARE(send("POST", QStringLiteral("/admin/api/drain"), endpoint->adminToken(),
                      "{\"draining\": false}")
                     .status,
                 200);
        auto again = joinPage();
        QCOMPARE(again->state(), QAbstractSocket::ConnectedState);
    }

    void operatorDisconnectClosesOneSocket()
    {
        auto target = joinPage();
        auto bystander = joinPage();
        QTRY_COMPARE_WITH_TIMEOUT(Monitor::instance()->server().connections, 2, 5000);
        quint64 newest = 0;
        for (const SessionInfo &s : Monitor::instance()->snapshot(Monitor::Sessions).sessions)
            if (s.state == SessionState::Joined)
                newest = std::max(newest, s.id);
        // The target joined first: the bystander holds the newest id.
        quint64 targetId = 0;
        for (const SessionInfo &s : Monitor::instance()->snapshot(Monitor::Sessions).sessions)
            if (s.state == SessionState::Joined && s.id != newest)
                targetId = std::max(targetId, s.id);
        QVERIFY(targetId);
        QSignalSpy closed(target.get(), &QWebSocket::disconnected);
        const Reply r =
            send("POST", QStringLiteral("/admin/api/disconnect-session"), endpoint->adminToken(),
                 QStringLiteral("{\"id\": %1}").arg(targetId).toUtf8());
        QCOMPARE(r.status, 200);
        if (closed.isEmpty()) // it may have closed while the request was being answered
            QVERIFY(closed.wait(5000));
        QCOMPARE(int(target->closeCode()), 4000);
        QCOMPARE(bystander->state(), QAbstractSocket::ConnectedState);
        // The ended session carries the remote address it came from.
        QCOMPARE(Monitor::instance()->session(targetId).remoteAddress,
                 QHostAddress(QHostAddress::LocalHost));
    }

    void cleanupTestCase() { endpoint->stop(); }
};

QTEST_MAIN(tst_OperatorApi)
#include "tst_operator_api.moc"
