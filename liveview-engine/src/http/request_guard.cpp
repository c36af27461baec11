// Incremental request-head and body-framing checks in front of QAbstractHttpServer.
#include "request_guard.h"

#include "direct_write_socket.h"
#include "http_server.h"
#include "../upload/resumable_endpoint.h"
#include "../upload/upload_url_signer.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <sys/socket.h>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace liveview::internal {
namespace {

// After an error answer the peer may still be sending; closing with unread bytes would send a
// reset that can destroy the answer before the client reads it. Read and drop for this long.
constexpr int lingerMs = 1000;
constexpr qsizetype maxChunkLineBytes = 1024;

QByteArray statusText(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 408:
        return "Request Timeout";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Error";
    }
}

bool headerIs(QByteArrayView line, qsizetype colon, QByteArrayView name)
{
    return colon == name.size() && line.first(colon).compare(name, Qt::CaseInsensitive) == 0;
}

bool containsToken(QByteArrayView value, QByteArrayView token)
{
    return QByteArray(value.data(), value.size()).toLower().contains(token);
}

} // namespace

RequestGuard *RequestGuard::install(QTcpSocket *socket,
                                    std::shared_ptr<const EndpointContext> context,
                                    std::atomic<int> *open)
{
    return new RequestGuard(socket, std::move(context), open);
}

RequestGuard::~RequestGuard()
{
    m_open->fetch_sub(1, std::memory_order_relaxed);
}

void RequestGuard::followParser()
{
    connect(m_socket, &QIODevice::readyRead, this, &RequestGuard::afterParser);
}

void RequestGuard::afterParser()
{
    if (m_state == State::Refused)
        return;
    m_examinedAhead = m_socket->bytesAvailable();
    // Qt has parsed (and answered) the request that asked for the close once only what came
    // after it is left. DirectWriteSocket sends what is pending before it closes.
    if (m_state == State::Closing && m_examinedAhead <= m_closeTail)
        m_socket->disconnectFromHost();
}

RequestGuard::RequestGuard(QTcpSocket *socket, std::shared_ptr<const EndpointContext> context,
                           std::atomic<int> *open)
    : QObject(socket), m_socket(socket), m_open(open), m_context(std::move(context))
{
    m_open->fetch_add(1, std::memory_order_relaxed);
    // Qt reads from the kernel at most this much ahead of its parser: one whole request of the
    // largest size any route accepts, so no request waits on a full buffer.
    m_socket->setReadBufferSize(m_context->maxHeaderBytes + largestRequestBody(*m_context) +
                                16 * 1024);
    connect(m_socket, &QIODevice::readyRead, this, &RequestGuard::onReadyRead);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RequestGuard::timedOut);
    // A connection that sends nothing, or half a head, is as costly as a slow one.
    m_timer.start(m_context->requestTimeoutMs);
}

void RequestGuard::onReadyRead()
{
    if (m_state == State::Refused) {
        drain();
        return;
    }
    // What Qt has buffered but its parser has not read yet, past what this guard has seen.
    const qint64 available = m_socket->bytesAvailable();
    if (available <= m_examinedAhead || m_state == State::Closing)
        return;
    const QByteArray buffered = m_socket->peek(available);
    const qint64 seen = std::exchange(m_examinedAhead, available);
    m_peekBase = buffered.constData();
    consume(buffered.constData() + seen, buffered.size() - seen);
    m_peekBase = nullptr;
}

void RequestGuard::consume(const char *data, qsizetype size)
{
    while (size > 0) {
        qsizetype used = 0;
        switch (m_state) {
        case State::Idle:
            if (*data == '\r' || *data == '\n') { // stray line breaks between requests
                used = 1;
                break;
            }
            m_state = State::Head;
            // The first request is timed from the accept, later ones from their first byte.
            if (m_idleTimer) {
                m_idleTimer = false;
                m_timer.start(m_context->requestTimeoutMs);
            }
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
            return;
        }
        if (used < 0)
            return; // refused or let go: the rest is not ours to look at
        data += used;
        size -= used;
        if (m_state == State::Closing) {
            m_closeTail = size; // pipelined after a close: never answered
            return;
        }
    }
}

qsizetype RequestGuard::consumeHead(const char *data, qsizetype size)
{
    const qsizetype room = m_context->maxHeaderBytes + 1 - m_head.size();
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
            if (m_context->resumableUploads &&
                m_path.startsWith(QByteArrayView(UploadUrlSigner::pathPrefix))) {
                handOverToUploads((data - m_peekBase) + used);
                return -1;
            }
            headComplete();
            return m_state == State::Refused || !parent() ? -1 : used;
        }
        if (!headLine(line))
            return -1;
    }
    if (!m_sawRequestLine && m_head.size() > m_context->maxRequestLineBytes) {
        refuse(414, "request line too long");
        return -1;
    }
    if (m_head.size() > m_context->maxHeaderBytes) {
        refuse(431, "request head too large");
        return -1;
    }
    return taken;
}

bool RequestGuard::headLine(QByteArrayView line)
{
    if (!m_sawRequestLine) {
        m_sawRequestLine = true;
        if (line.size() > m_context->maxRequestLineBytes) {
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
    if (++m_headerCount > m_context->maxHeaderCount) {
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

void RequestGuard::headComplete()
{
    if (m_websocketUpgrade && m_path == HttpServer::socketPath) {
        letGo(); // QWebSocket takes the socket over; its own limits apply from here
        return;
    }
    if (m_chunked && m_contentLength >= 0) {
        refuse(400, "both Content-Length and chunked"); // a request-smuggling classic
        return;
    }
    m_bodyLimit = requestBodyLimit(QByteArrayView(m_path), *m_context);
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

qsizetype RequestGuard::consumeChunked(const char *data, qsizetype size)
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

void RequestGuard::requestComplete()
{
    // Qt 6.4 keeps every connection alive; HTTP/1.0 and `Connection: close` mean close after
    // this answer, which Qt writes after this slot (see afterParser). An HTTP/1.0 keep-alive is
    // not honoured either: Qt's answer does not announce one.
    const bool close = m_connectionClose || m_http10;
    m_head.clear();
    m_lineStart = 0;
    m_headerCount = 0;
    m_sawRequestLine = false;
    m_connectionClose = m_chunked = m_websocketUpgrade = false;
    m_contentLength = -1;
    if (close) {
        m_state = State::Closing;
        m_timer.stop();
        return;
    }
    m_state = State::Idle;
    m_idleTimer = true;
    m_timer.start(m_context->idleTimeoutMs);
}

void RequestGuard::letGo()
{
    m_timer.stop();
    m_socket->setReadBufferSize(0);
    disconnect(m_socket, nullptr, this, nullptr);
    deleteLater();
    setParent(nullptr); // so that consume() sees it is no longer in charge
}

void RequestGuard::handOverToUploads(qsizetype headEndInBuffer)
{
    // Upload bodies are streamed to disk, never held: the upload endpoint reads this socket
    // from the end of the head on, and Qt's parser never sees the request.
    const QByteArray head = m_head.left(m_lineStart);
    QTcpSocket *socket = m_socket;
    std::atomic<int> *open = m_open;
    std::shared_ptr<const EndpointContext> context = m_context;
    letGo();
    ResumableUploadRequest::takeOver(socket, head, headEndInBuffer, context->resumableUploads,
                                     context->requestTimeoutMs, open);
}

void RequestGuard::timedOut()
{
    if (m_state == State::Idle && m_head.isEmpty()) {
        m_socket->disconnectFromHost(); // an idle keep-alive (or silent) connection: no answer
        return;
    }
    if (m_state == State::Refused) {
        m_socket->abort(); // the linger is over
        return;
    }
    refuse(408, "request not received in time");
}

void RequestGuard::refuse(int status, QByteArrayView reason)
{
    qCInfo(lcHttp).noquote() << "refused a request from" << m_socket->peerAddress().toString()
                             << "with" << status << "-" << reason.toByteArray();
    m_state = State::Refused;
    m_head.clear();
    m_head.squeeze();
    // Qt's parser must not see another byte of this connection.
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    connect(m_socket, &QIODevice::readyRead, this, &RequestGuard::drain);
    const QByteArray body = reason.toByteArray() + '\n';
    const QByteArray answer = "HTTP/1.1 " + QByteArray::number(status) + ' ' + statusText(status) +
                              "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " +
                              QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" +
                              body;
    if (auto *direct = dynamic_cast<DirectWriteSocket *>(m_socket))
        direct->writeNow(answer);
    else
        m_socket->write(answer);
    auto halfClose = [socket = m_socket] {
        if (socket->bytesToWrite() == 0 && socket->state() == QAbstractSocket::ConnectedState)
            ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
    };
    halfClose();
    connect(m_socket, &QIODevice::bytesWritten, this, halfClose);
    m_timer.start(lingerMs);
    drain();
}

void RequestGuard::drain()
{
    // Qt's parser may have a transaction open on the buffer: end it so that reading frees.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    char sink[16 * 1024];
    while (m_socket->read(sink, sizeof sink) > 0) {
    }
}

} // namespace liveview::internal
