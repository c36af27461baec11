#pragma once
// The front-door limit tests' fixture and raw-socket clients: HTTP requests byte by byte,
// WebSockets that can stop reading, and the process's own memory and descriptors (the server
// runs in-process).

#include <liveview/endpoint.h>
#include <liveview/testing/html_document.h>
#include <test_router.h>

#include <QDir>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <arpa/inet.h>
#include <functional>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace limits_test {

// Resident memory of this process (server and clients), from /proc/self/statm.
inline qint64 rssBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) : -1;
}

inline int openDescriptors()
{
    return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot).size());
}

// Sends `request` and returns what arrives until the server closes or `waitMs` pass quietly.
inline QByteArray exchange(quint16 port, const QByteArray &request, int waitMs = 5000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    QByteArray received;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(waitMs))
        received += socket.readAll();
    return received + socket.readAll();
}

inline int statusOf(const QByteArray &response)
{
    return response.startsWith("HTTP/1.") ? response.mid(9, 3).toInt() : 0;
}

// A well-behaved client's page load.
inline int pageStatus(quint16 port)
{
    return statusOf(
        exchange(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
}

// A server on a free port with short timeouts (the tests wait for them); `tweak` adjusts the
// options of one test. Null (and `error` set) when it does not start.
inline std::unique_ptr<liveview::Endpoint>
startServer(std::shared_ptr<liveview::Router> router, const QString &dataDirectory,
            const std::function<void(liveview::EndpointOptions &)> &tweak, QString *error)
{
    liveview::EndpointOptions options;
    options.port = 0;
    options.dataDirectory = dataDirectory;
    options.workerThreads = 2;
    // The test application's asset root (site.css is what some requests ask for).
    options.assetRoots = {QString::fromLatin1(testviews::assetRoot)};
    options.requestTimeoutMs = 300;
    options.idleTimeoutMs = 300;
    if (tweak)
        tweak(options);
    auto endpoint = std::make_unique<liveview::Endpoint>(std::move(router), options);
    if (!endpoint->start(error))
        return nullptr;
    return endpoint;
}

// What both limit tests share: a data directory, their router, and a server started afresh with
// the options of the test at hand.
class LimitsTestBase : public QObject
{
protected:
    QTemporaryDir dataDir;
    std::shared_ptr<liveview::Router> router;
    std::unique_ptr<liveview::Endpoint> endpoint;

    // A fresh server with short timeouts; `tweak` adjusts the options of one test.
    void start(const std::function<void(liveview::EndpointOptions &)> &tweak = {})
    {
        endpoint.reset();
        QString error;
        endpoint = startServer(router, dataDir.path(), tweak, &error);
        QVERIFY2(endpoint, qPrintable(error));
    }

    quint16 port() const { return endpoint->port(); }
    int bystanderStatus() const { return pageStatus(port()); }
};

// What the first render gives a browser: its cookie and the tokens a join needs.
struct Page
{
    QByteArray cookie;
    QString viewId, session, staticToken, csrf;
};

inline Page openPage(quint16 port, const QByteArray &path)
{
    const QByteArray response =
        exchange(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    Page page;
    const qsizetype cookieAt = response.indexOf("Set-Cookie: ");
    if (cookieAt >= 0) {
        const qsizetype end = response.indexOf(';', cookieAt);
        page.cookie = response.mid(cookieAt + 12, end - cookieAt - 12);
    }
    using liveview::testing::HtmlDocument;
    const HtmlDocument doc =
        HtmlDocument::parse(QString::fromUtf8(response.mid(response.indexOf("\r\n\r\n") + 4)));
    const auto container = doc.selectOne(QStringLiteral("[data-phx-main]"));
    page.viewId = container.id();
    page.session = container.attribute(QStringLiteral("data-phx-session"));
    page.staticToken = container.attribute(QStringLiteral("data-phx-static"));
    page.csrf =
        doc.selectOne(QStringLiteral("meta[name=csrf-token]")).attribute(QStringLiteral("content"));
    return page;
}

// A client frame: masked as RFC 6455 requires of clients (unless `masked` is false, to break
// the rule), FIN set unless `fin` is false.
inline QByteArray clientFrame(quint8 opcode, const QByteArray &payload, bool fin = true,
                              bool masked = true)
{
    QByteArray out;
    out.append(char((fin ? 0x80 : 0) | opcode));
    const char maskBit = masked ? char(0x80) : char(0);
    if (payload.size() < 126) {
        out.append(char(maskBit | payload.size()));
    } else {
        out.append(char(maskBit | 126));
        out.append(char(payload.size() >> 8));
        out.append(char(payload.size() & 0xff));
    }
    const quint32 mask = QRandomGenerator::global()->generate();
    const char key[4] = {char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask)};
    if (masked)
        out.append(key, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        out.append(masked ? char(payload[i] ^ key[i % 4]) : payload[i]);
    return out;
}

inline QByteArray clientTextFrame(const QByteArray &payload)
{
    return clientFrame(0x1, payload);
}

inline QByteArray joinFrame(const Page &page, const QByteArray &path, const QByteArray &ref)
{
    return QStringLiteral(R"(["%1","%1","lv:%2","phx_join",{"url":"http://127.0.0.1%3",)"
                          R"("params":{"_csrf_token":"%4","_mounts":0},"session":"%5",)"
                          R"("static":"%6"}])")
        .arg(QString::fromLatin1(ref), page.viewId, QString::fromLatin1(path), page.csrf,
             page.session, page.staticToken)
        .toUtf8();
}

// Opens a WebSocket by hand with `csrf` in its URL; returns what followed the 101, or nothing.
// Reads of the socket are capped at `readBuffer` bytes so that a test can stop reading.
inline bool upgrade(QTcpSocket &socket, quint16 port, const Page &page, const QString &csrf,
                    QByteArray *rest = nullptr, qint64 readBuffer = 0)
{
    socket.setReadBufferSize(readBuffer);
    if (readBuffer > 0) {
        // A client that will stop reading: a small kernel receive buffer too, set before the
        // connect so the window stays small, so that the server's queue fills in seconds.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const int small = 4096;
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(port);
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd, reinterpret_cast<const sockaddr *>(&to), sizeof to) != 0 ||
            !socket.setSocketDescriptor(fd)) {
            ::close(fd);
            return false;
        }
    } else {
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!socket.waitForConnected(5000))
            return false;
    }
    socket.write("GET /live/websocket?vsn=2.0.0&_csrf_token=" + QUrl::toPercentEncoding(csrf) +
                 " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                 "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                 "Cookie: " +
                 page.cookie + "\r\n\r\n");
    QByteArray received;
    while (!received.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
        received += socket.read(1024);
    if (rest)
        *rest = received.mid(received.indexOf("\r\n\r\n") + 4);
    return received.startsWith("HTTP/1.1 101");
}

// Server frames are unmasked: takes the first whole frame off `bytes` as (opcode, payload), or
// returns false and leaves a partial frame in place.
inline bool takeFrame(QByteArray &bytes, std::pair<int, QByteArray> *frame)
{
    if (bytes.size() < 2)
        return false;
    qint64 length = quint8(bytes[1]) & 0x7f;
    qsizetype header = 2;
    if (length == 126) {
        if (bytes.size() < 4)
            return false;
        length = (quint8(bytes[2]) << 8) | quint8(bytes[3]);
        header = 4;
    } else if (length == 127) {
        if (bytes.size() < 10)
            return false;
        length = 0;
        for (int i = 2; i < 10; ++i)
            length = (length << 8) | quint8(bytes[i]);
        header = 10;
    }
    if (bytes.size() < header + length)
        return false;
    *frame = {quint8(bytes[0]) & 0x0f, bytes.mid(header, length)};
    bytes.remove(0, header + length);
    return true;
}

// Every whole frame in `bytes`, in order.
inline QList<std::pair<int, QByteArray>> takeFrames(QByteArray &bytes)
{
    QList<std::pair<int, QByteArray>> frames;
    std::pair<int, QByteArray> frame;
    while (takeFrame(bytes, &frame))
        frames.append(frame);
    return frames;
}

} // namespace limits_test
