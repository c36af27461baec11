// The resumable upload endpoint on a real port: offset queries, appends that resume after a cut
// and after a restart, every refusal (signature, expiry, entry, offset, size, framing, method,
// a second writer) with the stored bytes intact and a bystander served, bodies streamed in
// bounded memory, and the sweep of expired and orphaned entries at start.
#include "limits_client.h"

#include <liveview/resumable_uploads.h>
#include <session/token_signer.h>
#include <upload/upload_url_signer.h>

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace liveview;
using namespace limits_test;

namespace {

struct Answer
{
    int status = 0;
    qint64 offset = -1; // Upload-Offset, when the answer has one
    QByteArray body;
};

Answer parseAnswer(const QByteArray &raw)
{
    Answer a;
    a.status = statusOf(raw);
    const qsizetype end = raw.indexOf("\r\n\r\n");
    for (const QByteArray &line : raw.left(end).split('\n'))
        if (line.toLower().startsWith("upload-offset:"))
            a.offset = line.mid(14).trimmed().toLongLong();
    a.body = raw.mid(end + 4);
    return a;
}

QByteArray head(const QByteArray &method, const QString &url, const QByteArray &extra = {})
{
    return method + ' ' + url.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

QByteArray appendHead(const QString &url, qint64 offset, qint64 length)
{
    return head("PATCH", url,
                "Upload-Offset: " + QByteArray::number(offset) +
                    "\r\nContent-Length: " + QByteArray::number(length) + "\r\n");
}

QByteArray pattern(qint64 size, char seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char((i * 31 + seed) & 0xff);
    return bytes;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_ResumableUpload : public QObject
{
    Q_OBJECT
    QTemporaryDir dataDir;
    std::shared_ptr<Router> router;
    std::unique_ptr<Endpoint> endpoint;

    void start()
    {
        endpoint.reset();
        QString error;
        endpoint = startServer(router, dataDir.path(), {}, &error);
        QVERIFY2(endpoint, qPrintable(error));
    }
    quint16 port() const { return endpoint->port(); }
    ResumableUploads &store() const { return *endpoint->resumableUploads(); }
    // Generous: an acknowledged append waits for fdatasync, slow on a disk other builds share.
    Answer send(const QByteArray &request) const
    {
        return parseAnswer(exchange(port(), request, 30000));
    }
    qint64 storedOffset(const QString &url) const { return send(head("HEAD", url)).offset; }
    QString uploadsDir() const { return dataDir.filePath(QStringLiteral("upload-tmp/resumable")); }

private slots:
    void initTestCase()
    {
        QVERIFY(dataDir.isValid());
        router = std::make_shared<Router>();
        testviews::registerTestViews(*router);
        start();
    }
    void cleanupTestCase() { endpoint.reset(); }

    void offsetQuery()
    {
        const auto upload = store().prepare(QStringLiteral("offset-query"), 1000, "a.bin");
        QVERIFY(upload);
        const Answer headAnswer = send(head("HEAD", upload->url));
        QCOMPARE(headAnswer.status, 200);
        QCOMPARE(headAnswer.offset, 0);
        QVERIFY(headAnswer.body.isEmpty());
        const Answer getAnswer = send(head("GET", upload->url));
        QCOMPARE(getAnswer.status, 200);
        const QJsonObject json = QJsonDocument::fromJson(getAnswer.body).object();
        QCOMPARE(json.value("offset").toInteger(), 0);
        QCOMPARE(json.value("size").toInteger(), 1000);
    }

    void appendsResumeAfterACut()
    {
        const QByteArray bytes = pattern(300000, 7);
        const auto upload = store().prepare(QStringLiteral("cut"), bytes.size(), "cut.bin");
        QVERIFY(upload);
        // A first append cut after 100,000 of its 200,000 bytes: what arrived is kept.
        {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port());
            QVERIFY(socket.waitForConnected(5000));
            socket.write(appendHead(upload->url, 0, 200000) + bytes.left(100000));
            QVERIFY(socket.waitForBytesWritten(5000));
            QTRY_COMPARE(storedOffset(upload->url), 100000);
            socket.abort();
        }
        // The same entry prepared again (the browser chose the file again) resumes there.
        const auto again = store().prepare(QStringLiteral("cut"), bytes.size(), "cut.bin");
        QCOMPARE(again->id, upload->id);
        QTRY_COMPARE(again->offset, store().find(upload->id)->offset);
        const Answer answer = send(appendHead(again->url, 100000, 200000) + bytes.mid(100000));
        QCOMPARE(answer.status, 204);
        QCOMPARE(answer.offset, 300000);
        QCOMPARE(fileBytes(store().completedFile(upload->id)), bytes);
    }

    void expectContinue()
    {
        const auto upload = store().prepare(QStringLiteral("continue"), 10, "c.bin");
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(head("PATCH", upload->url,
                          "Upload-Offset: 0\r\nContent-Length: 10\r\nExpect: 100-continue\r\n"));
        QByteArray received;
        while (!received.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
            received += socket.readAll();
        QVERIFY2(received.startsWith("HTTP/1.1 100 Continue"), received.constData());
        socket.write("0123456789");
        while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
            received += socket.readAll();
        QVERIFY(received.contains("HTTP/1.1 204"));
        QCOMPARE(fileBytes(store().completedFile(upload->id)), QByteArray("0123456789"));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("request"); // %URL% stands for a fresh entry's URL
        QTest::addColumn<int>("status");
        const QString patch = QStringLiteral("PATCH %URL% HTTP/1.1\r\nHost: x\r\n");
        QTest::newRow("unsigned URL")
            << "PATCH /uploads/resumable/abc HTTP/1.1\r\nUpload-Offset: 0\r\n"
               "Content-Length: 4\r\n\r\nabcd"
            << 403;
        QTest::newRow("tampered URL") << "PATCH %TAMPERED% HTTP/1.1\r\nUpload-Offset: 0\r\n"
                                         "Content-Length: 4\r\n\r\nabcd"
                                      << 403;
        QTest::newRow("expired URL") << "PATCH %EXPIRED% HTTP/1.1\r\nUpload-Offset: 0\r\n"
                                        "Content-Length: 4\r\n\r\nabcd"
                                     << 410;
        QTest::newRow("URL for an entry the server does not have")
            << "PATCH %UNKNOWN% HTTP/1.1\r\nUpload-Offset: 0\r\nContent-Length: 4\r\n\r\nabcd"
            << 404;
        QTest::newRow("offset query of an unknown entry") << "HEAD %UNKNOWN% HTTP/1.1\r\n\r\n"
                                                          << 404;
        QTest::newRow("offset behind the stored bytes")
            << patch + "Upload-Offset: 0\r\nContent-Length: 4\r\n\r\nabcd" << 409;
        QTest::newRow("offset past the stored bytes")
            << patch + "Upload-Offset: 900\r\nContent-Length: 4\r\n\r\nabcd" << 409;
        QTest::newRow("more than declared, announced")
            << patch + "Upload-Offset: 100\r\nContent-Length: 10737418240\r\n\r\n"
            << 413;
        QTest::newRow("more than what is left")
            << patch + "Upload-Offset: 100\r\nContent-Length: 901\r\n\r\n"
            << 413;
        QTest::newRow("no Content-Length") << patch + "Upload-Offset: 100\r\n\r\n" << 411;
        QTest::newRow("chunked body")
            << patch +
                   "Upload-Offset: 100\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n0\r\n\r\n"
            << 411;
        QTest::newRow("no Upload-Offset") << patch + "Content-Length: 4\r\n\r\nabcd" << 400;
        QTest::newRow("negative Upload-Offset")
            << patch + "Upload-Offset: -4\r\nContent-Length: 4\r\n\r\nabcd" << 400;
        QTest::newRow("unknown method")
            << "PUT %URL% HTTP/1.1\r\nContent-Length: 4\r\n\r\nabcd" << 405;
    }
    void refusals()
    {
        QFETCH(QString, request);
        QFETCH(int, status);
        // Each row: an entry of 1000 bytes with its first 100 stored.
        const QString key = QString::fromLatin1(QTest::currentDataTag());
        const auto upload = store().prepare(key, 1000, "r.bin");
        QVERIFY(upload);
        const QByteArray first = pattern(100, 3);
        QCOMPARE(upload->offset, 0);
        QCOMPARE(send(appendHead(upload->url, 0, 100) + first).status, 204);
        const internal::UploadUrlSigner signer(std::make_shared<internal::TokenSigner>(
            internal::TokenSigner::loadOrCreateKey(dataDir.path(), nullptr)));
        QString tampered = upload->url;
        tampered[tampered.size() - 3] = tampered.at(tampered.size() - 3) == u'A' ? u'B' : u'A';
        request.replace(QLatin1String("%URL%"), upload->url)
            .replace(QLatin1String("%TAMPERED%"), tampered)
            .replace(QLatin1String("%EXPIRED%"), signer.sign(upload->id, 1000, -10))
            .replace(QLatin1String("%UNKNOWN%"), signer.sign(QStringLiteral("ffff0000"), 1000, 60));
        const Answer answer = send(request.toLatin1());
        QCOMPARE(answer.status, status);
        if (status == 409)
            QCOMPARE(answer.offset, 100); // where to resume
        // The stored bytes are intact; the server serves others and still takes this entry.
        QCOMPARE(storedOffset(upload->url), 100);
        QCOMPARE(pageStatus(port()), 200);
        const QByteArray rest = pattern(900, 5);
        QCOMPARE(send(appendHead(upload->url, 100, 900) + rest).status, 204);
        QCOMPARE(fileBytes(store().completedFile(upload->id)), first + rest);
    }

    void oversizeIsRefusedBeforeTheBodyIsSent()
    {
        const auto upload = store().prepare(QStringLiteral("oversize"), 1000, "o.bin");
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(appendHead(upload->url, 0, 4'000'000'000));
        QByteArray received;
        while (!received.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
            received += socket.readAll();
        QCOMPARE(statusOf(received), 413);
    }

    void oneAppendAtATime()
    {
        const auto upload = store().prepare(QStringLiteral("busy"), 1000, "b.bin");
        QTcpSocket first;
        first.connectToHost(QHostAddress::LocalHost, port());
        QVERIFY(first.waitForConnected(5000));
        first.write(appendHead(upload->url, 0, 1000) + pattern(10, 1));
        QVERIFY(first.waitForBytesWritten(5000));
        QTRY_COMPARE(storedOffset(upload->url), 10);
        const Answer second = send(appendHead(upload->url, 10, 990) + pattern(990, 2));
        QCOMPARE(second.status, 409);
        QCOMPARE(second.offset, 10);
        first.abort();
        QTRY_COMPARE(send(appendHead(upload->url, 10, 990) + pattern(990, 2)).offset, 1000);
    }

    void discard()
    {
        const auto upload = store().prepare(QStringLiteral("discard"), 10, "d.bin");
        QCOMPARE(send(head("DELETE", upload->url)).status, 204);
        QCOMPARE(send(head("HEAD", upload->url)).status, 404);
        QVERIFY(!QFile::exists(uploadsDir() + "/" + upload->id + ".part"));
        QVERIFY(!QFile::exists(uploadsDir() + "/" + upload->id + ".json"));
    }

    // A large body goes to disk as it arrives: the process's memory stays flat.
    void boundedMemory()
    {
        constexpr qint64 pieceBytes = 1024 * 1024;
        constexpr qint64 total = 256 * pieceBytes;
        const QByteArray piece = pattern(pieceBytes, 11);
        // Warm up: thread pool, buffers and the first append's allocations.
        const auto warm = store().prepare(QStringLiteral("warm"), pieceBytes, "w.bin");
        QCOMPARE(send(appendHead(warm->url, 0, pieceBytes) + piece).status, 204);
        const auto upload = store().prepare(QStringLiteral("big"), total, "big.bin");
        const qint64 before = rssBytes();
        qint64 peak = before;
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(appendHead(upload->url, 0, total));
        QCryptographicHash expected(QCryptographicHash::Sha256);
        for (qint64 sent = 0; sent < total; sent += pieceBytes) {
            socket.write(piece);
            expected.addData(piece);
            while (socket.bytesToWrite() > 2 * pieceBytes)
                QVERIFY(socket.waitForBytesWritten(10000));
            peak = qMax(peak, rssBytes());
        }
        QByteArray received;
        while (!received.contains("\r\n\r\n") && socket.waitForReadyRead(30000)) {
            received += socket.readAll();
            peak = qMax(peak, rssBytes());
        }
        QCOMPARE(statusOf(received), 204);
        const qint64 growth = peak - before;
        qInfo("RSS before %lld KB, peak %lld KB: %lld KB for a %lld MB body", before / 1024,
              peak / 1024, growth / 1024, total / pieceBytes);
        QVERIFY2(growth < 16 * 1024 * 1024, "the body was held in memory");
        QFile file(store().completedFile(upload->id));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCryptographicHash stored(QCryptographicHash::Sha256);
        QVERIFY(stored.addData(&file));
        QCOMPARE(stored.result(), expected.result());
    }

    // What was acknowledged before the server stopped is there after it starts again, and the
    // same URL (same key) continues it.
    void survivesARestart()
    {
        const QByteArray bytes = pattern(50000, 9);
        const auto upload = store().prepare(QStringLiteral("restart"), bytes.size(), "r.bin");
        QCOMPARE(send(appendHead(upload->url, 0, 20000) + bytes.left(20000)).status, 204);
        start();
        QCOMPARE(storedOffset(upload->url), 20000);
        QCOMPARE(send(appendHead(upload->url, 20000, 30000) + bytes.mid(20000)).status, 204);
        QCOMPARE(fileBytes(store().completedFile(upload->id)), bytes);
    }

    void sweepAtStart()
    {
        const QString dir = uploadsDir();
        auto write = [&](const QString &name, const QByteArray &content) {
            QFile file(dir + "/" + name);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        };
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        write("aaaa0001.json",
              R"({"v":1,"size":4,"name":"x","expires":)" + QByteArray::number(now - 10) + "}");
        write("aaaa0001.part", "abcd");
        write("aaaa0002.part", "orphan");
        write("aaaa0003.json", "not json");
        write("aaaa0004.json",
              R"({"v":1,"size":4,"name":"x","expires":)" + QByteArray::number(now + 3600) + "}");
        write("aaaa0004.part", "ab");
        start();
        const QStringList left = QDir(dir).entryList({"aaaa*"}, QDir::Files, QDir::Name);
        QCOMPARE(left, QStringList({"aaaa0004.json", "aaaa0004.part"}));
        QCOMPARE(store().find("aaaa0004")->offset, 2);
    }

    void channelOrphansSweptAtStart()
    {
        // A socket upload's temporary file left by a kill -9 cannot be resumed: the next start
        // of a server on the same data directory removes it (and nothing else).
        const QString dir = dataDir.filePath(QStringLiteral("upload-tmp/channel"));
        QVERIFY(QDir().mkpath(dir));
        for (const char *name : {"lvu-0001", "lvu-0002"}) {
            QFile orphan(dir + "/" + name);
            QVERIFY(orphan.open(QIODevice::WriteOnly));
            orphan.write("half a file");
        }
        QFile unrelated(dataDir.filePath(QStringLiteral("upload-tmp/keep.txt")));
        QVERIFY(unrelated.open(QIODevice::WriteOnly));
        unrelated.close();
        start();
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
        QVERIFY(QFile::exists(unrelated.fileName()));
    }
};

QTEST_GUILESS_MAIN(tst_ResumableUpload)
#include "tst_resumable_upload.moc"
