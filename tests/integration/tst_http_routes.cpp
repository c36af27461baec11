// Router::get/post on the real server: path and query parameters decoded, a POST without the
// page's CSRF token refused before its handler runs, per-route body limits, 405 with the methods
// a path answers, and a handler that throws answers 500 while the server goes on.
#include <reference_views.h>
#include <test_router.h>

#include <liveview/endpoint.h>

#include <QAtomicInt>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace liveview;

namespace {
QAtomicInt echoCalls;
} // namespace

class tst_HttpRoutes : public QObject
{
    Q_OBJECT
    QTemporaryDir dataDir;
    std::unique_ptr<Endpoint> endpoint;

    struct Response
    {
        int status = 0;
        QByteArray body;
        QByteArray allow;
    };
    // A fresh manager per call unless one is given: its cookie jar is the browser session.
    Response send(QNetworkAccessManager &http, const QByteArray &verb, const QString &path,
                  const QByteArray &body = {},
                  const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest req(QUrl(endpoint->url().toString(QUrl::StripTrailingSlash) + path));
        if (!body.isEmpty())
            req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        for (const auto &[name, value] : headers)
            req.setRawHeader(name, value);
        QNetworkReply *reply =
            verb == "HEAD" ? http.head(req) : http.sendCustomRequest(req, verb, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10000);
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                reply->readAll(), reply->rawHeader("Allow")};
    }
    Response send(const QByteArray &verb, const QString &path, const QByteArray &body = {})
    {
        QNetworkAccessManager http;
        return send(http, verb, path, body);
    }
    // Loads a live page as a browser would: the session cookie lands in `http`'s jar and the
    // page's CSRF token is read from its meta tag.
    QByteArray pageToken(QNetworkAccessManager &http)
    {
        const Response page = send(http, "GET", "/page");
        static const QRegularExpression meta(
            QStringLiteral("<meta name=\"csrf-token\" content=\"([^\"]+)\""));
        return meta.match(QString::fromUtf8(page.body)).captured(1).toLatin1();
    }
    static QJsonObject json(const Response &r) { return QJsonDocument::fromJson(r.body).object(); }

private slots:
    void initTestCase()
    {
        auto router = std::make_shared<Router>();
        testviews::registerTestViews(*router);
        router->live<testviews::CounterView>(QStringLiteral("/page"));
        router->post(QStringLiteral("/page"), [](const HttpRequest &) {
            return HttpResponse::text(200, "posted to the page\n");
        });
        router->get(QStringLiteral("/api/items/:id"),
                    [](const HttpRequest &r) { return HttpResponse::json(r.params()); });
        router->post(QStringLiteral("/echo"), [](const HttpRequest &r) {
            echoCalls.ref();
            return HttpResponse::json(r.form);
        });
        HttpRouteOptions hook;
        hook.verifyCsrf = false;
        hook.maxBodyBytes = 64 * 1024;
        router->post(
            QStringLiteral("/hook"),
            [](const HttpRequest &r) {
                return HttpResponse::json(QVariantMap{{"bytes", r.body.size()}});
            },
            hook);
        HttpRouteOptions open;
        open.verifyCsrf = false;
        router->post(
            QStringLiteral("/boom"),
            [](const HttpRequest &) -> HttpResponse { throw std::runtime_error("handler bug"); },
            open);
        EndpointOptions options;
        options.port = 0;
        options.dataDirectory = dataDir.path();
        options.workerThreads = 2;
        endpoint = std::make_unique<Endpoint>(router, options);
        QString error;
        QVERIFY2(endpoint->start(&error), qPrintable(error));
    }
    void cleanupTestCase() { endpoint.reset(); }

    void getDecodesPathAndQuery()
    {
        const Response r = send("GET", "/api/items/42?q[a]=1&tag=x%20y");
        QCOMPARE(r.status, 200);
        const QJsonObject params = json(r);
        QCOMPARE(params.value("id").toString(), QStringLiteral("42"));
        QCOMPARE(params.value("q").toObject().value("a").toString(), QStringLiteral("1"));
        QCOMPARE(params.value("tag").toString(), QStringLiteral("x y"));
        const Response head = send("HEAD", "/api/items/42");
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
    }

    void postWithoutTheTokenIsRefused_data()
    {
        QTest::addColumn<bool>("withCookie");
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("no session, no token") << false << QByteArray();
        QTest::newRow("session, no token") << true << QByteArray();
        QTest::newRow("session, forged token")
            << true << QByteArray("Zm9yZ2VkLXRva2VuLXRoYXQtaXMtbG9uZw");
    }
    void postWithoutTheTokenIsRefused()
    {
        QFETCH(bool, withCookie);
        QFETCH(QByteArray, token);
        QNetworkAccessManager http;
        if (withCookie)
            QVERIFY(!pageToken(http).isEmpty());
        const int callsBefore = echoCalls.loadRelaxed();
        QByteArray body = "name=mallory";
        if (!token.isEmpty())
            body += "&_csrf_token=" + token;
        const Response r = send(http, "POST", "/echo", body);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.body, QByteArray("Invalid CSRF token\n"));
        QCOMPARE(echoCalls.loadRelaxed(), callsBefore); // the handler never ran
    }

    void postWithThePagesTokenIsServed_data()
    {
        QTest::addColumn<bool>("inHeader");
        QTest::newRow("form field") << false;
        QTest::newRow("x-csrf-token header") << true;
    }
    void postWithThePagesTokenIsServed()
    {
        QFETCH(bool, inHeader);
        QNetworkAccessManager http;
        const QByteArray token = pageToken(http);
        QVERIFY(!token.isEmpty());
        QByteArray body = "user[name]=Jo&user[tags][]=a&user[tags][]=b";
        QList<std::pair<QByteArray, QByteArray>> headers;
        if (inHeader)
            headers.append({"x-csrf-token", token});
        else
            body += "&_csrf_token=" + QUrl::toPercentEncoding(QString::fromLatin1(token));
        const Response r = send(http, "POST", "/echo", body, headers);
        QCOMPARE(r.status, 200);
        const QJsonObject user = json(r).value("user").toObject();
        QCOMPARE(user.value("name").toString(), QStringLiteral("Jo"));
        QCOMPARE(user.value("tags").toArray().size(), 2);
    }

    void aPathAnswersItsMethodsOnly_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("allow");
        QTest::newRow("live page GET") << QByteArray("GET") << "/page" << 200 << QByteArray();
        QTest::newRow("plain POST next to it")
            << QByteArray("POST") << "/page" << 403 << QByteArray();
        QTest::newRow("PUT on both")
            << QByteArray("PUT") << "/page" << 405 << QByteArray("POST, GET, HEAD");
        QTest::newRow("GET on a POST route")
            << QByteArray("GET") << "/echo" << 405 << QByteArray("POST");
        QTest::newRow("POST on a GET route")
            << QByteArray("POST") << "/api/items/1" << 405 << QByteArray("GET, HEAD");
        QTest::newRow("nothing there") << QByteArray("POST") << "/nowhere" << 404 << QByteArray();
    }
    void aPathAnswersItsMethodsOnly()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QByteArray, allow);
        const Response r = send(verb, path, verb == "GET" ? QByteArray() : QByteArray("a=1"));
        QCOMPARE(r.status, status);
        QCOMPARE(r.allow, allow);
    }

    void aRouteDeclaresItsBodyLimit_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("bytes");
        QTest::addColumn<int>("status");
        QTest::newRow("40 KB to a 64 KiB route") << "/hook" << 40 * 1024 << 200;
        QTest::newRow("100 KB to a 64 KiB route") << "/hook" << 100 * 1024 << 413;
        QTest::newRow("40 KB to a default route") << "/boom" << 40 * 1024 << 413;
    }
    void aRouteDeclaresItsBodyLimit()
    {
        QFETCH(QString, path);
        QFETCH(int, bytes);
        QFETCH(int, status);
        const Response r = send("POST", path, "a=" + QByteArray(bytes - 2, 'x'));
        QCOMPARE(r.status, status);
        if (status == 200)
            QCOMPARE(json(r).value("bytes").toInt(), bytes);
    }

    void aThrowingHandlerAnswers500AndTheServerGoesOn()
    {
        const Response r = send("POST", "/boom", "a=1");
        QCOMPARE(r.status, 500);
        QCOMPARE(r.body, QByteArray("Internal server error\n"));
        QCOMPARE(send("GET", "/api/items/7").status, 200);
    }
};

QTEST_GUILESS_MAIN(tst_HttpRoutes)
#include "tst_http_routes.moc"
