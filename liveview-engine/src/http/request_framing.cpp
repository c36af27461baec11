// Request heads and body framing, byte by byte where lines are short, in blocks for bodies.
#include "request_framing.h"

#include <QtGlobal>

namespace liveview::internal {
namespace {

constexpr qsizetype maxChunkLineBytes = 1024;

bool headerIs(QByteArrayView line, qsizetype colon, QByteArrayView name)
{
    return colon == name.size() && line.first(colon).compare(name, Qt::CaseInsensitive) == 0;
}

bool containsToken(QByteArrayView value, QByteArrayView token)
{
    return QByteArray(value.data(), value.size()).toLower().contains(token);
}

} // namespace

qsizetype RequestFraming::consume(const char *data, qsizetype size)
{
    const qsizetype total = size;
    while (size > 0) {
        qsizetype used = 0;
        switch (m_state) {
        case State::Idle:
            if (*data == '\r' || *data == '\n') { // stray line breaks between requests
                used = 1;
                break;
            }
            m_state = State::Head;
            m_listener->requestStarted();
            continue;
        case State::Head:
            used = consumeHead(data, size);
            break;
        case State::Body:
            used = qsizetype(qMin<qint64>(size, m_remaining));
            m_remaining -= used;
            if (m_remaining == 0)
                requestComplete();
            break;
        case State::ChunkSize:
        case State::ChunkData:
        case State::ChunkEnd:
        case State::Trailer:
            used = consumeChunked(data, size);
            break;
        case State::Closing:
        case State::Refused:
        case State::Upgraded:
        case State::HandedOver:
            return total - size;
        }
        if (used < 0)
            return total - size; // refused: the rest is not ours to look at
        data += used;
        size -= used;
        if (m_state == State::Closing || m_state == State::HandedOver || m_state == State::Upgraded)
            return total - size; // pipelined after a close: never answered; or not ours
    }
    return total;
}

qsizetype RequestFraming::consumeHead(const char *data, qsizetype size)
{
    const qsizetype room = m_limits.maxHeaderBytes + 1 - m_head.size();
    const qsizetype taken = qMin(size, room);
    const qsizetype before = m_head.size();
    m_head.append(data, taken);
    qsizetype newline;
    while ((newline = m_head.indexOf('\n', m_lineStart)) >= 0) {
        QByteArrayView line(m_head.constData() + m_lineStart, newline - m_lineStart);
        if (line.endsWith('\r'))
            line.chop(1);
        m_lineStart = newline + 1;
        if (line.isEmpty() && m_sawRequestLine) {
            const qsizetype used = m_lineStart - before;
            headComplete();
            return m_state == State::Refused ? -1 : used;
        }
        if (!headLine(line))
            return -1;
    }
    if (!m_sawRequestLine && m_head.size() > m_limits.maxRequestLineBytes) {
        refuse(414, "request line too long");
        return -1;
    }
    if (m_head.size() > m_limits.maxHeaderBytes) {
        refuse(431, "request head too large");
        return -1;
    }
    return taken;
}

bool RequestFraming::headLine(QByteArrayView line)
{
    if (!m_sawRequestLine) {
        m_sawRequestLine = true;
        if (line.size() > m_limits.maxRequestLineBytes) {
            refuse(414, "request line too long");
            return false;
        }
        const qsizetype sp1 = line.indexOf(' ');
        const qsizetype sp2 = line.lastIndexOf(' ');
        if (sp1 <= 0 || sp2 <= sp1 || !line.sliced(sp2 + 1).startsWith("HTTP/1.")) {
            refuse(400, "malformed request line");
            return false;
        }
        QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
        if (const qsizetype q = target.indexOf('?'); q >= 0)
            target = target.first(q);
        m_path = target.toByteArray();
        m_http10 = line.sliced(sp2 + 1) == "HTTP/1.0";
        return true;
    }
    if (++m_headerCount > m_limits.maxHeaderCount) {
        refuse(431, "too many header fields");
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return true; // Qt's parser judges it
    const QByteArrayView value = line.sliced(colon + 1).trimmed();
    if (headerIs(line, colon, "content-length")) {
        bool ok = false;
        const qint64 length = value.toLongLong(&ok);
        if (!ok || length < 0 || (m_contentLength >= 0 && m_contentLength != length)) {
            refuse(400, "invalid Content-Length");
            return false;
        }
        m_contentLength = length;
    } else if (headerIs(line, colon, "transfer-encoding")) {
        m_chunked = containsToken(value, "chunked");
    } else if (headerIs(line, colon, "connection")) {
        m_connectionClose = m_connectionClose || containsToken(value, "close");
    } else if (headerIs(line, colon, "upgrade")) {
        m_websocketUpgrade = containsToken(value, "websocket");
    }
    return true;
}

void RequestFraming::headComplete()
{
    if (m_listener->handsOver(QByteArrayView(m_path))) {
        m_state = State::HandedOver;
        return;
    }
    if (m_websocketUpgrade) {
        // Qt's parser would upgrade any path, and nothing would take that socket: only the
        // LiveView socket's path speaks WebSocket.
        if (!m_listener->upgradesTo(QByteArrayView(m_path))) {
            refuse(404, "no WebSocket at this path");
            return;
        }
        m_state = State::Upgraded;
        m_listener->upgraded(); // the WebSocket takes the socket over; its own limits apply
        return;
    }
    if (m_chunked && m_contentLength >= 0) {
        refuse(400, "both Content-Length and chunked"); // a request-smuggling classic
        return;
    }
    m_bodyLimit = m_listener->bodyLimit(QByteArrayView(m_path));
    if (m_contentLength > m_bodyLimit) {
        refuse(413, "body larger than this route takes");
        return;
    }
    m_bodyBytes = 0;
    m_line.clear();
    if (m_chunked) {
        m_state = State::ChunkSize;
    } else if (m_contentLength > 0) {
        m_remaining = m_contentLength;
        m_state = State::Body;
    } else {
        requestComplete();
    }
}

qsizetype RequestFraming::consumeChunked(const char *data, qsizetype size)
{
    if (m_state == State::ChunkData) {
        const qsizetype used = qsizetype(qMin<qint64>(size, m_remaining));
        m_remaining -= used;
        if (m_remaining == 0)
            m_state = State::ChunkEnd;
        return used;
    }
    // Size, CRLF and trailer lines: byte by byte, they are short.
    const char c = *data;
    if (c != '\n') {
        m_line.append(c);
        if (m_line.size() > maxChunkLineBytes) {
            refuse(m_state == State::Trailer ? 431 : 400, "chunk framing line too long");
            return -1;
        }
        return 1;
    }
    const QByteArray line = std::exchange(m_line, QByteArray()).trimmed();
    switch (m_state) {
    case State::ChunkEnd:
        m_state = State::ChunkSize;
        break;
    case State::Trailer:
        if (line.isEmpty())
            requestComplete();
        break;
    default: {
        bool ok = false;
        const qsizetype semicolon = line.indexOf(';');
        const qint64 chunk = (semicolon >= 0 ? line.left(semicolon) : line).toLongLong(&ok, 16);
        if (!ok || chunk < 0) {
            refuse(400, "invalid chunk size");
            return -1;
        }
        m_bodyBytes += chunk;
        if (m_bodyBytes > m_bodyLimit) {
            refuse(413, "chunked body larger than this route takes");
            return -1;
        }
        m_remaining = chunk;
        m_state = chunk == 0 ? State::Trailer : State::ChunkData;
    }
    }
    return m_state == State::Refused ? -1 : 1;
}

void RequestFraming::requestComplete()
{
    // HTTP/1.0 and `Connection: close` mean close after this answer. An HTTP/1.0 keep-alive is
    // not honoured: Qt 6.4's answer does not announce one.
    const bool close = m_connectionClose || m_http10;
    m_head.clear();
    m_lineStart = 0;
    m_headerCount = 0;
    m_sawRequestLine = false;
    m_connectionClose = m_chunked = m_websocketUpgrade = false;
    m_contentLength = -1;
    m_state = close ? State::Closing : State::Idle;
    m_listener->requestComplete(close);
}

void RequestFraming::refuse(int status, QByteArrayView reason)
{
    m_state = State::Refused;
    m_head.clear();
    m_head.squeeze();
    m_listener->refused(status, reason);
}

} // namespace liveview::internal
