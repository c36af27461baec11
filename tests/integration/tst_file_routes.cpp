// Router::files() on the real server: stored files served byte for byte with their type, never
// sniffed or run (sandbox CSP), anything but an image as a download; only plain names answer.
#include <liveview/endpoint.h>

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace liveview;

class tst_FileRoutes : public QObject
{
    Q_OBJECT
    QTemporaryDir dataDir;
    std::unique_ptr<Endpoint> endpoint;
    QNetworkAccessManager http;

    struct Response
    {
        int status = 0;
        QByteArray body;
        QList<QNetworkReply::RawHeaderPair> headers;
        QByteArray header(const QByteArray &name) const
        {
            for (const auto &[key, value] : headers)
                if (key.compare(name, Qt::CaseInsensitive) == 0)
                    return value;
            return {};
        }
    };
    Response request(const QByteArray &verb, const QString &path)
    {
        // Raw path: QUrl must not tidy "..%2F" away before the server sees it.
        QNetworkRequest req(
            QUrl(endpoint->url().toString(QUrl::StripTrailingSlash) + path, QUrl::StrictMode));
        // head(): a custom "HEAD" would wait for the body its Content-Length announces.
        QNetworkReply *reply = verb == "HEAD" ? http.head(req) : http.sendCustomRequest(req, verb);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10000);
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                reply->readAll(), reply->rawHeaderPairs()};
    }
    QString stored() const { return dataDir.filePath("stored"); }
    static void write(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QDir().mkpath(stored()));
        write(QDir(stored()).filePath("picture.png"), "\x89PNG\r\n\x1a\n-bytes-");
        write(QDir(stored()).filePath("page.bin"), "<script>alert(1)</script>");
        write(dataDir.filePath("private.txt"), "not for you");
        auto router = std::make_shared<Router>();
        router->files("/stored/", stored(), [](const QString &name) {
            return name.endsWith(u".png") ? QByteArray("image/png")
                                          : QByteArray("application/octet-stream");
        });
        EndpointOptions options;
        options.port = 0;
        options.dataDirectory = dataDir.path();
        options.workerThreads = 1;
        endpoint = std::make_unique<Endpoint>(router, options);
        QString error;
        QVERIFY2(endpoint->start(&error), qPrintable(error));
    }
    void cleanupTestCase() { endpoint.reset(); }

    void anImageIsServedAsItIs()
    {
        const Response r = request("GET", "/stored/picture.png");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("\x89PNG\r\n\x1a\n-bytes-"));
        QCOMPARE(r.header("Content-Type"), QByteArray("image/png"));
        QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(r.header("Content-Security-Policy"), QByteArray("default-src 'none'; sandbox"));
        QVERIFY(r.header("Content-Disposition").isEmpty());
        const Response head = request("HEAD", "/stored/picture.png");
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
    }

    void anythingElseIsADownload()
    {
        const Response r = request("GET", "/stored/page.bin");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/octet-stream"));
        QCOMPARE(r.header("Content-Disposition"), QByteArray("attachment"));
    }

    void onlyPlainNamesOfThatDirectoryAnswer_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::newRow("missing") << QByteArray("GET") << "/stored/nothing.png" << 404;
        QTest::newRow("encoded parent") << QByteArray("GET") << "/stored/..%2Fprivate.txt" << 404;
        QTest::newRow("encoded dots") << QByteArray("GET") << "/stored/%2E%2E" << 404;
        QTest::newRow("key") << QByteArray("GET") << "/stored/..%2Fsecret.key" << 404;
        QTest::newRow("directory") << QByteArray("GET") << "/stored/" << 404;
        QTest::newRow("POST") << QByteArray("POST") << "/stored/picture.png" << 405;
    }
    void onlyPlainNamesOfThatDirectoryAnswer()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(int, status);
        const Response r = request(verb, path);
        QCOMPARE(r.status, status);
        QVERIFY(!r.body.contains("not for you"));
    }
};

QTEST_GUILESS_MAIN(tst_FileRoutes)
#include "tst_file_routes.moc"
