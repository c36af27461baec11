// Implements the raw HTTP/1.1 GET: request, header parsing, Content-Length / chunked bodies.
#include "httpget.h"

namespace {
// A page far larger than this means something is wrong; don't let one client eat memory.
constexpr qsizetype kMaxResponse = 8 * 1024 * 1024;
} // namespace

HttpGet::HttpGet(const QHostAddress &addr, quint16 port, const QByteArray &hostHeader,
                 const QByteArray &pathAndQuery, Callback done, QObject *parent)
    : QObject(parent), m_socket(this), m_done(std::move(done))
{
    connect(&m_socket, &QTcpSocket::connected, this, [this, hostHeader, pathAndQuery] {
        // Connection: close keeps the client simple; the fd is released as soon as we're done.
        m_socket.write("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + hostHeader +
                       "\r\nUser-Agent: livedeck-loadclient\r\nAccept: text/html\r\n"
                       "Connection: close\r\n\r\n");
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &HttpGet::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &HttpGet::onDisconnected);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &HttpGet::onError);
    m_socket.connectToHost(addr, port);
}

void HttpGet::abort()
{
    if (m_finished)
        return;
    m_finished = true;
    m_socket.abort();
    deleteLater();
}

void HttpGet::onReadyRead()
{
    if (m_finished)
        return;
    m_buf += m_socket.readAll();
    if (m_buf.size() > kMaxResponse)
        return finish(false, QStringLiteral("response too large"));
    if (m_headerEnd < 0) {
        const qsizetype end = m_buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_headerEnd = end + 4;
        const QList<QByteArray> lines = m_buf.left(end).split('\n');
        const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
        m_result.status = statusLine.value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray &line = lines[i];
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "set-cookie")
                m_result.setCookies.append(value);
            else if (name == "content-length")
                m_contentLength = value.toLongLong();
            else if (name == "transfer-encoding")
                m_chunked = value.toLower().contains("chunked");
        }
    }
    tryFinish();
}

bool HttpGet::tryFinish()
{
    if (m_headerEnd < 0)
        return false;
    if (m_chunked) {
        QByteArray body;
        if (!decodeChunked(body))
            return false;
        m_result.body = std::move(body);
    } else if (m_contentLength >= 0) {
        if (m_buf.size() - m_headerEnd < m_contentLength)
            return false;
        m_result.body = m_buf.mid(m_headerEnd, m_contentLength);
    } else {
        return false; // body delimited by connection close
    }
    finish(true);
    return true;
}

// Returns true once the terminating zero-size chunk has arrived.
bool HttpGet::decodeChunked(QByteArray &out) const
{
    qsizetype pos = m_headerEnd;
    for (;;) {
        const qsizetype lineEnd = m_buf.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return false;
        QByteArray sizeField = m_buf.mid(pos, lineEnd - pos);
        if (const qsizetype semi = sizeField.indexOf(';'); semi >= 0)
            sizeField.truncate(semi); // chunk extensions
        bool okNum = false;
        const qint64 size = sizeField.trimmed().toLongLong(&okNum, 16);
        if (!okNum)
            return false;
        if (size == 0)
            return true; // trailers, if any, are irrelevant here
        const qsizetype dataStart = lineEnd + 2;
        if (m_buf.size() < dataStart + size + 2)
            return false;
        out += m_buf.mid(dataStart, size);
        pos = dataStart + size + 2;
    }
}

void HttpGet::onDisconnected()
{
    if (m_finished)
        return;
    m_buf += m_socket.readAll();
    if (tryFinish())
        return;
    if (m_headerEnd >= 0 && !m_chunked && m_contentLength < 0) {
        m_result.body = m_buf.mid(m_headerEnd);
        return finish(true);
    }
    finish(false, QStringLiteral("connection closed before complete response"));
}

void HttpGet::onError()
{
    // The peer closing after "Connection: close" surfaces as RemoteHostClosedError too;
    // disconnected() handles that case with the data already read.
    if (m_socket.error() == QAbstractSocket::RemoteHostClosedError)
        return;
    if (!m_finished)
        finish(false, QStringLiteral("http: ") + m_socket.errorString());
}

void HttpGet::finish(bool ok, const QString &error)
{
    m_finished = true;
    m_result.ok = ok;
    m_result.error = error;
    m_buf.clear();
    m_buf.squeeze();
    m_socket.abort();
    if (m_done)
        m_done(m_result);
    m_result = {};
    deleteLater();
}
