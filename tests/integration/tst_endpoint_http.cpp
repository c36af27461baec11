// The real server on a real port: first render, cookies, static assets (types, ETag, gzip, 304),
// errors, and WebSocket joins with Origin, CSRF and close codes.
#include <liveview/endpoint.h>
#include <liveview/testing/html_document.h>
#include <test_router.h>

#include "http/static_assets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {

struct Response
{
    int status = 0;
    QByteArray body;
    QNetworkReply *reply = nullptr;
    QByteArray header(const char *name) const { return reply->rawHeader(name); }
};

struct Page
{
    QString viewId, session, staticToken, csrf;
    QByteArray cookie;
};

} // namespace

class tst_EndpointHttp : public QObject
{
    Q_OBJECT
    QTemporaryDir dataDir;
    std::unique_ptr<Endpoint> endpoint;
    QNetworkAccessManager http;

    Response request(const QByteArray &verb, const QString &path,
                     const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest req(endpoint->url().resolved(QUrl(path)));
        // Every page load is a new browser: no cookie jar between requests.
        req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
        for (const auto &[name, value] : headers)
            req.setRawHeader(name, value);
        QNetworkReply *reply = http.sendCustomRequest(req, verb);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10000);
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                reply->readAll(), reply};
    }

    Page openPage(const QString &path)
    {
        const Response r = request("GET", path);
        const HtmlDocument doc = HtmlDocument::parse(QString::fromUtf8(r.body));
        const HtmlElement container = doc.selectOne("[data-phx-main]");
        Page p;
        p.viewId = container.id();
        p.session = container.attribute("data-phx-session");
        p.staticToken = container.attribute("data-phx-static");
        p.csrf = doc.selectOne("meta[name=csrf-token]").attribute("content");
        const QByteArray setCookie = r.header("Set-Cookie");
        p.cookie = setCookie.left(setCookie.indexOf(';'));
        return p;
    }

    // As the official client: the page's CSRF token travels in the socket URL too.
    std::unique_ptr<QWebSocket> connectSocket(const QByteArray &cookie, const QByteArray &origin,
                                              const QString &csrf = {})
    {
        auto ws = std::make_unique<QWebSocket>();
        QUrl url(
            QStringLiteral("ws://127.0.0.1:%1/live/websocket?vsn=2.0.0").arg(endpoint->port()));
        if (!csrf.isEmpty())
            url.setQuery(QStringLiteral("_csrf_token=%1&vsn=2.0.0")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(csrf))));
        QNetworkRequest req(url);
        if (!cookie.isEmpty())
            req.setRawHeader("Cookie", cookie);
        if (!origin.isEmpty())
            req.setRawHeader("Origin", origin);
        QSignalSpy connected(ws.get(), &QWebSocket::connected);
        ws->open(req);
        connected.wait(5000);
        return ws;
    }

    // Sends a frame and waits for the next text message.
    static QJsonArray roundTrip(QWebSocket *ws, const QByteArray &frame)
    {
        QSignalSpy messages(ws, &QWebSocket::textMessageReceived);
        ws->sendTextMessage(QString::fromUtf8(frame));
        if (!messages.wait(5000))
            return {};
        return QJsonDocument::fromJson(messages.first().first().toString().toUtf8()).array();
    }

    static QByteArray join(const Page &p, const QString &path)
    {
        const QJsonObject payload{{"url", "http://127.0.0.1" + path},
                                  {"params", QJsonObject{{"_csrf_token", p.csrf}, {"_mounts", 0}}},
                                  {"session", p.session},
                                  {"static", p.staticToken}};
        return QJsonDocument(QJsonArray{"4", "4", "lv:" + p.viewId, "phx_join", payload})
            .toJson(QJsonDocument::Compact);
    }

    // A WebSocket handshake by hand; returns what the server answered within the wait.
    static QByteArray rawUpgrade(QTcpSocket &raw, quint16 port, const QByteArray &cookie,
                                 int waitMs)
    {
        raw.connectToHost(QHostAddress::LocalHost, port);
        if (!raw.waitForConnected(5000))
            return {};
        raw.write(
            "GET /live/websocket?vsn=2.0.0 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            "Sec-WebSocket-Version: 13\r\nCookie: " +
            cookie + "\r\n\r\n");
        QByteArray received;
        while (!received.contains("\r\n\r\n") && raw.waitForReadyRead(waitMs))
            received += raw.readAll();
        return received;
    }

    QByteArray ownOrigin() const
    {
        return QStringLiteral("http://127.0.0.1:%1").arg(endpoint->port()).toUtf8();
    }

private slots:
    void initTestCase()
    {
        auto router = std::make_shared<Router>();
        testviews::registerTestViews(*router);
        EndpointOptions options;
        options.port = 0;
        options.dataDirectory = dataDir.path();
        options.workerThreads = 2;
        options.maxFrameBytes = 64 * 1024;
        // The engine's default layout (its two clients, the resumable uploader and its boot script)
        // and an application's own asset root besides the engine's.
        options.assetRoots = {QString::fromLatin1(testviews::assetRoot)};
        endpoint = std::make_unique<Endpoint>(router, options);
        QString error;
        QVERIFY2(endpoint->start(&error), qPrintable(error));
        QVERIFY(QFile::exists(dataDir.filePath("secret.key")));
    }
    void cleanupTestCase() { endpoint.reset(); }

    void firstRender()
    {
        const Response r = request("GET", "/test/counter?x=1");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(r.header("Set-Cookie").contains("HttpOnly"));
        const HtmlDocument doc = HtmlDocument::parse(QString::fromUtf8(r.body));
        QCOMPARE(doc.selectOne("title").textContent(), QStringLiteral("Counter"));
        QVERIFY(!doc.selectOne("meta[name=csrf-token]").attribute("content").isEmpty());
        const HtmlElement container =
            doc.selectOne("div[data-phx-main][data-phx-session][data-phx-static]");
        QVERIFY(container.id().startsWith("phx-"));
        QCOMPARE(container.selectOne("#count").textContent(), QStringLiteral("0"));
        QCOMPARE(doc.select("script[src^='/assets/']").size(), 4);
    }

    void staticAssets_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("phoenix") << "/assets/phoenix.min.js"
                                 << QByteArray("text/javascript; charset=utf-8");
        QTest::newRow("liveview") << "/assets/phoenix_live_view.min.js"
                                  << QByteArray("text/javascript; charset=utf-8");
        QTest::newRow("boot script")
            << "/assets/liveview_boot.js" << QByteArray("text/javascript; charset=utf-8");
        QTest::newRow("resumable uploader")
            << "/assets/resumable_uploader.js" << QByteArray("text/javascript; charset=utf-8");
        QTest::newRow("an application's css")
            << "/assets/site.css" << QByteArray("text/css; charset=utf-8");
    }
    void staticAssets()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, contentType);
        const Response plain = request("GET", path, {{"Accept-Encoding", "identity"}});
        QCOMPARE(plain.status, 200);
        QCOMPARE(plain.header("Content-Type"), contentType);
        QVERIFY(plain.header("Cache-Control").contains("max-age"));
        const QByteArray etag = plain.header("ETag");
        QVERIFY(etag.startsWith('"'));
        QVERIFY(plain.header("Content-Encoding").isEmpty());

        const Response gz = request("GET", path, {{"Accept-Encoding", "gzip, br"}});
        QCOMPARE(gz.header("Content-Encoding"), QByteArray("gzip"));
        QVERIFY(gz.body.size() < plain.body.size());
        QVERIFY(gz.body.startsWith("\x1f\x8b")); // gzip magic, not raw zlib
        QCOMPARE(gz.header("Vary"), QByteArray("Accept-Encoding"));

        const Response cached = request("GET", path, {{"If-None-Match", etag}});
        QCOMPARE(cached.status, 304);
        QVERIFY(cached.body.isEmpty());
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::newRow("unknown page") << QByteArray("GET") << "/nothing/here" << 404;
        QTest::newRow("unknown asset") << QByteArray("GET") << "/assets/nope.js" << 404;
        QTest::newRow("POST to a live page") << QByteArray("POST") << "/test/counter" << 405;
        QTest::newRow("DELETE an asset")
            << QByteArray("DELETE") << "/assets/liveview_boot.js" << 405;
        QTest::newRow("socket path without upgrade")
            << QByteArray("GET") << "/live/websocket" << 400;
    }
    void errors()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(int, status);
        QCOMPARE(request(verb, path).status, status);
    }

    void socketJoinAndClick()
    {
        const Page page = openPage("/test/counter");
        auto ws = connectSocket(page.cookie, ownOrigin(), page.csrf);
        QVERIFY(ws->isValid());
        const QJsonArray reply = roundTrip(ws.get(), join(page, "/test/counter"));
        QCOMPARE(reply.at(4).toObject().value("status").toString(), QStringLiteral("ok"));
        const QJsonArray click = roundTrip(
            ws.get(),
            QStringLiteral(
                R"(["4","5","lv:%1","event",{"type":"click","event":"inc","value":{"value":""}}])")
                .arg(page.viewId)
                .toUtf8());
        QCOMPARE(QJsonDocument(click.at(4).toObject()).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"response":{"diff":{"0":"1"}},"status":"ok"})"));
        const QJsonArray beat = roundTrip(ws.get(), R"([null,"6","phoenix","heartbeat",{}])");
        QCOMPARE(beat.at(1).toString(), QStringLiteral("6"));
    }

    void joinWithoutCookieIsStale()
    {
        const Page page = openPage("/test/counter");
        auto ws = connectSocket(QByteArray(), ownOrigin());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("join refused"));
        const QJsonArray reply = roundTrip(ws.get(), join(page, "/test/counter"));
        QCOMPARE(reply.at(4).toObject().value("response").toObject().value("reason").toString(),
                 QStringLiteral("stale"));
    }

    void foreignOriginIsRefused()
    {
        const Page page = openPage("/test/counter");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("foreign origin"));
        auto ws = connectSocket(page.cookie, "http://evil.example");
        QSignalSpy closed(ws.get(), &QWebSocket::disconnected);
        if (ws->state() != QAbstractSocket::UnconnectedState)
            QVERIFY(closed.wait(5000));
        QCOMPARE(int(ws->closeCode()), 1008);
    }

    void garbageClosesOnlyThatSocket_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<bool>("binary");
        QTest::addColumn<int>("closeCode");
        QTest::newRow("malformed JSON") << QByteArray("{{{") << false << 1007;
        QTest::newRow("binary garbage") << QByteArray("\x07\xff\x00\x13", 4) << true << 1007;
        QTest::newRow("oversized") << QByteArray(100 * 1024, 'x') << false << 1009;
    }
    void garbageClosesOnlyThatSocket()
    {
        QFETCH(QByteArray, payload);
        QFETCH(bool, binary);
        QFETCH(int, closeCode);
        const Page page = openPage("/test/counter");
        auto good = connectSocket(page.cookie, ownOrigin(), page.csrf);
        QCOMPARE(roundTrip(good.get(), join(page, "/test/counter"))
                     .at(4)
                     .toObject()
                     .value("status")
                     .toString(),
                 QStringLiteral("ok"));
        auto bad = connectSocket(page.cookie, ownOrigin(), page.csrf);
        QSignalSpy closed(bad.get(), &QWebSocket::disconnected);
        if (binary)
            bad->sendBinaryMessage(payload);
        else
            bad->sendTextMessage(QString::fromLatin1(payload));
        QVERIFY(closed.wait(5000));
        QCOMPARE(int(bad->closeCode()), closeCode);
        const QJsonArray click = roundTrip(
            good.get(),
            QStringLiteral(R"(["4","5","lv:%1","event",{"type":"click","event":"inc","value":{}}])")
                .arg(page.viewId)
                .toUtf8());
        QCOMPARE(click.at(4).toObject().value("status").toString(), QStringLiteral("ok"));
    }

    void connectionCapPausesAccepting()
    {
        QTemporaryDir dir;
        auto router = std::make_shared<Router>();
        testviews::registerTestViews(*router);
        EndpointOptions options;
        options.port = 0;
        options.dataDirectory = dir.path();
        options.workerThreads = 2;
        options.maxConnections = 2;
        Endpoint capped(router, options);
        QString error;
        QVERIFY2(capped.start(&error), qPrintable(error));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("connection limit 2 reached"));
        QTcpSocket first, second, third;
        QVERIFY(rawUpgrade(first, capped.port(), {}, 5000).startsWith("HTTP/1.1 101"));
        QVERIFY(rawUpgrade(second, capped.port(), {}, 5000).startsWith("HTTP/1.1 101"));
        QTRY_COMPARE(capped.connectionCount(), 2);
        // At the cap the server stops accepting (the kernel queues the connection unanswered) or,
        // if the connection raced the pause to another worker, refuses it at once with a 503.
        const QByteArray refused = rawUpgrade(third, capped.port(), {}, 300);
        QVERIFY2(refused.isEmpty() || refused.startsWith("HTTP/1.1 503"), refused.constData());
        first.abort();
        QByteArray late;
        while (!late.contains("\r\n\r\n") && third.state() == QAbstractSocket::ConnectedState &&
               third.waitForReadyRead(5000))
            late += third.readAll();
        if (!late.startsWith("HTTP/1.1 101")) { // it had been refused: a new attempt succeeds
            QTRY_COMPARE(capped.connectionCount(), 1); // once the server has seen `first` go
            QTcpSocket fourth;
            QVERIFY(rawUpgrade(fourth, capped.port(), {}, 5000).startsWith("HTTP/1.1 101"));
            QTRY_COMPARE(capped.connectionCount(), 2);
            return;
        }
        QTRY_COMPARE(capped.connectionCount(), 2);
    }

    void stopClosesSocketsForReconnect()
    {
        // QWebSocket (client) rejects close codes from 1012 on as reserved, while browsers honour
        // them; so this client speaks raw WebSocket and reads the close frame's code itself.
        const Page page = openPage("/test/counter");
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, endpoint->port());
        QVERIFY(raw.waitForConnected(5000));
        raw.write(
            "GET /live/websocket?vsn=2.0.0 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            "Sec-WebSocket-Version: 13\r\nCookie: " +
            page.cookie + "\r\n\r\n");
        QByteArray received;
        while (!received.contains("\r\n\r\n") && raw.waitForReadyRead(5000))
            received += raw.readAll();
        QVERIFY2(received.startsWith("HTTP/1.1 101"), received.constData());
        QTRY_COMPARE(endpoint->connectionCount(), 1);
        endpoint->stop();
        received = received.mid(received.indexOf("\r\n\r\n") + 4);
        while (received.size() < 4 && raw.waitForReadyRead(5000))
            received += raw.readAll();
        QVERIFY(received.size() >= 4);
        QCOMPARE(quint8(received[0]), quint8(0x88)); // FIN + close opcode
        const int code = (quint8(received[2]) << 8) | quint8(received[3]);
        QCOMPARE(code, 1012); // service restart: the browser reconnects, no page reload
    }
};

QTEST_GUILESS_MAIN(tst_EndpointHttp)
#include "tst_endpoint_http.moc"
