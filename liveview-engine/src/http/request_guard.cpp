// Incremental request-head and body-framing checks in front of QAbstractHttpServer.
#include "request_guard.h"

#include "../upload/resumable_endpoint.h"
#include "../upload/upload_url_signer.h"
#include "closing_answer.h"
#include "direct_write_socket.h"
#include "http_server.h"

#include <QLoggingCategory>
#include <QTcpSocket>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace liveview::internal {
namespace {

// After an error answer the peer may still be sending; closing with unread bytes would send a
// reset that can destroy the answer before the client reads it. Read and drop for this long.
constexpr int lingerMs = 1000;

} // namespace

RequestGuard *RequestGuard::install(DirectWriteSocket *socket,
                                    std::shared_ptr<const EndpointContext> context,
                                    std::atomic<int> *open, WebSocketAcceptor *acceptor)
{
    return new RequestGuard(socket, std::move(context), open, acceptor);
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
    if (m_framing.state() == State::Refused)
        return;
    m_examinedAhead = m_socket->bytesAvailable();
    // Qt has parsed (and answered) the request that asked for the close once only what came
    // after it is left. DirectWriteSocket sends what is pending before it closes.
    if (m_framing.state() == State::Closing && m_examinedAhead <= m_closeTail)
        m_socket->disconnectFromHost();
}

RequestGuard::RequestGuard(DirectWriteSocket *socket,
                           std::shared_ptr<const EndpointContext> context, std::atomic<int> *open,
                           WebSocketAcceptor *acceptor)
    : QObject(socket), m_socket(socket), m_open(open), m_acceptor(acceptor),
      m_context(std::move(context)),
      m_framing(
          {m_context->maxRequestLineBytes, m_context->maxHeaderBytes, m_context->maxHeaderCount},
          this)
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
    if (m_framing.state() == State::Refused) {
        drain();
        return;
    }
    // What Qt has buffered but its parser has not read yet, past what this guard has seen.
    const qint64 available = m_socket->bytesAvailable();
    if (available <= m_examinedAhead || m_framing.state() == State::Closing)
        return;
    const QByteArray buffered = m_socket->peek(available);
    const qint64 seen = std::exchange(m_examinedAhead, available);
    const qsizetype size = buffered.size() - seen;
    const qsizetype used = m_framing.consume(buffered.constData() + seen, size);
    if (m_framing.state() == State::Closing)
        m_closeTail = size - used; // pipelined after a close: never answered
    else if (m_framing.state() == State::HandedOver)
        handOverToUploads(seen + used);
    else if (m_framing.state() == State::Upgraded)
        handOverToWebSocket(seen + used);
}

qint64 RequestGuard::bodyLimit(QByteArrayView path)
{
    return requestBodyLimit(path, *m_context);
}

bool RequestGuard::handsOver(QByteArrayView path)
{
    return m_context->resumableUploads &&
           path.startsWith(QByteArrayView(UploadUrlSigner::pathPrefix));
}

bool RequestGuard::upgradesTo(QByteArrayView path)
{
    return path == HttpServer::socketPath;
}

void RequestGuard::requestStarted()
{
    // The first request is timed from the accept, later ones from their first byte.
    if (m_idleTimer) {
        m_idleTimer = false;
        m_timer.start(m_context->requestTimeoutMs);
    }
}

void RequestGuard::refused(int status, QByteArrayView reason)
{
    refuse(status, reason);
}

void RequestGuard::upgraded()
{
    // Handed over once the bytes of this readyRead are examined (onReadyRead).
}

void RequestGuard::requestComplete(bool close)
{
    // Qt 6.4 keeps every connection alive: a closing request is closed after Qt's answer, which
    // Qt writes after this slot (see afterParser).
    if (close) {
        m_timer.stop();
        return;
    }
    m_idleTimer = true;
    m_timer.start(m_context->idleTimeoutMs);
}

void RequestGuard::letGo()
{
    m_timer.stop();
    m_socket->setReadBufferSize(0);
    disconnect(m_socket, nullptr, this, nullptr);
    deleteLater();
    setParent(nullptr); // the socket no longer owns it: deleteLater() does
}

void RequestGuard::handOverToUploads(qsizetype headEndInBuffer)
{
    // Upload bodies are streamed to disk, never held: the upload endpoint reads this socket
    // from the end of the head on, and Qt's parser never sees the request.
    const QByteArray head = m_framing.head();
    QTcpSocket *socket = m_socket;
    std::atomic<int> *open = m_open;
    std::shared_ptr<const EndpointContext> context = m_context;
    detachFromParser(headEndInBuffer);
    letGo();
    ResumableUploadRequest::takeOver(socket, head, context->resumableUploads,
                                     context->requestTimeoutMs, open);
}

void RequestGuard::handOverToWebSocket(qsizetype headEndInBuffer)
{
    WebSocketUpgrade::Refusal refusal;
    const std::optional<WebSocketUpgrade> upgrade =
        WebSocketUpgrade::parse(m_framing.head(), &refusal);
    if (!upgrade) {
        refuse(refusal.status, refusal.reason);
        return;
    }
    DirectWriteSocket *socket = m_socket;
    WebSocketAcceptor *acceptor = m_acceptor;
    detachFromParser(headEndInBuffer);
    letGo(); // the WebSocket's own limits apply from here
    acceptor->acceptWebSocket(socket, *upgrade);
}

void RequestGuard::detachFromParser(qsizetype headEndInBuffer)
{
    // Its slot may still be due in this very readyRead emission: a disconnected slot is not
    // called.
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(headEndInBuffer);
}

void RequestGuard::timedOut()
{
    if (m_framing.isIdle()) {
        m_socket->disconnectFromHost(); // an idle keep-alive (or silent) connection: no answer
        return;
    }
    if (m_framing.state() == State::Refused) {
        m_socket->abort(); // the linger is over
        return;
    }
    refuse(408, "request not received in time");
}

void RequestGuard::refuse(int status, QByteArrayView reason)
{
    qCInfo(lcHttp).noquote() << "refused a request from" << m_socket->peerAddress().toString()
                             << "with" << status << "-" << reason.toByteArray();
    m_framing.refuse();
    // Qt's parser must not see another byte of this connection.
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    connect(m_socket, &QIODevice::readyRead, this, &RequestGuard::drain);
    const QByteArray body = reason.toByteArray() + '\n';
    const QByteArray answer =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + httpStatusText(status) +
        "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " +
        QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    sendClosingAnswer(m_socket, answer, this);
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
