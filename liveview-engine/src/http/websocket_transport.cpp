// WebSocket I/O for a Connection: text/binary frames in, text frames out, size caps, close codes.
#include "websocket_transport.h"

#include "../monitor/interned_strings.h"
#include "direct_write_socket.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace liveview::internal {
namespace {

// How long a closed client has to answer the close frame before the TCP connection goes.
constexpr int closeGraceMs = 2000;

constexpr quint8 closeOpcode = 0x8;
constexpr quint8 pingOpcode = 0x9;
constexpr quint8 pongOpcode = 0xA;

qint64 nowMs()
{
    return QDeadlineTimer::current().deadline();
}

} // namespace

WebSocketTransport::WebSocketTransport(DirectWriteSocket *socket,
                                       std::shared_ptr<const EndpointContext> context,
                                       BrowserSession session, const QByteArray &userAgent,
                                       QObject *parent)
    : QObject(parent), m_socket(socket), m_reader(context->maxFrameBytes), m_lastHeardMs(nowMs()),
      m_connection(context, std::move(session), this)
{
    m_socket->setWatcher(&m_socket);
    // Called from inside a send (maybe a broadcast's batch): the close comes after it.
    m_socket->setSendQueueLimit(context->maxSendQueueBytes, [this] {
        m_overflowed = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_socket)
                    return;
                qCWarning(lcHttp).noquote()
                    << "closing a WebSocket from" << m_socket->peerAddress().toString()
                    << "that does not read: send queue full";
                closeConnection(CloseCode::SendQueueFull, QStringLiteral("send queue full"));
            },
            Qt::QueuedConnection);
    });
    connect(m_socket, &QIODevice::readyRead, this, &WebSocketTransport::readFrames);
    connect(m_socket, &QAbstractSocket::disconnected, this, &WebSocketTransport::finished);
    // The monitor shows where the socket comes from; thousands of sockets of one browser build
    // share one user-agent string.
    const std::shared_ptr<ConnectionStats> &stats = m_connection.stats();
    stats->remoteAddress = m_socket->peerAddress();
    stats->userAgent = internString(QString::fromLatin1(userAgent));
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &WebSocketTransport::readFrames, Qt::QueuedConnection);
}

WebSocketTransport::~WebSocketTransport()
{
    if (!m_socket)
        return;
    m_socket->clearWatcher(&m_socket);
    m_socket->disconnect(this);
}

void WebSocketTransport::readFrames()
{
    // A message is handled before the next is decoded: a close or a failure stops the rest.
    while (m_socket && m_socket->bytesAvailable() > 0 && !m_reader.failed()) {
        m_reader.append(m_socket->read(m_socket->bytesAvailable()));
        while (std::optional<WebSocketFrameReader::Message> message = m_reader.next()) {
            handle(*message);
            if (!m_socket)
                return;
        }
    }
    if (m_reader.failed() && !m_closeSent) {
        const WebSocketFrameReader::Failure failure = m_reader.failure();
        qCInfo(lcHttp).noquote() << "closing a WebSocket from" << m_socket->peerAddress().toString()
                                 << "-" << failure.reason;
        closeConnection(CloseCode(failure.code), QString::fromLatin1(failure.reason));
    }
}

void WebSocketTransport::handle(WebSocketFrameReader::Message &message)
{
    m_lastHeardMs = nowMs();
    using Kind = WebSocketFrameReader::Kind;
    switch (message.kind) {
    case Kind::Text:
        if (!m_closeSent)
            m_connection.receiveText(message.payload);
        break;
    case Kind::Binary:
        if (!m_closeSent)
            m_connection.receiveBinary(message.payload);
        break;
    case Kind::Ping:
        if (!m_closeSent)
            write(frame(pongOpcode, {message.payload}));
        break;
    case Kind::Pong: {
        // Our pings carry their send time: the answer measures the round trip.
        bool ok = false;
        const qint64 sentMs = message.payload.toLongLong(&ok);
        if (ok && sentMs <= m_lastHeardMs)
            m_connection.stats()->heartbeatRttMs.store(
                int(std::min<qint64>(m_lastHeardMs - sentMs, 1 << 30)), std::memory_order_relaxed);
        break;
    }
    case Kind::Close:
        // The client closes (or completes our close): answer with its code, then hang up.
        if (!m_closeSent) {
            m_closeSent = true;
            write(frame(closeOpcode, {QByteArrayView(message.payload)
                                          .first(qMin<qsizetype>(2, message.payload.size()))}));
        }
        m_socket->disconnectFromHost(); // sends what is pending first
        break;
    }
}

void WebSocketTransport::heartbeatReceived()
{
    // The client's heartbeat comes every 30 s: a ping then measures the round trip at no cost
    // to idle sockets (the browser answers pings by itself).
    if (!m_closeSent)
        write(frame(pingOpcode, {QByteArray::number(nowMs())}));
}

void WebSocketTransport::write(const QByteArray &bytes)
{
    if (m_socket)
        m_socket->writeNow(bytes);
}

void WebSocketTransport::sendText(const QByteArray &payload)
{
    // Nothing after a close frame (RFC 6455 section 5.5.1), nor past a full send queue.
    if (!m_overflowed && !m_closeSent)
        write(frame(0x1, {payload}));
}

void WebSocketTransport::sendTextParts(const QByteArray &head, const QByteArray &body,
                                       const char *tail)
{
    if (!m_overflowed && !m_closeSent)
        write(frame(0x1, {head, body, QByteArrayView(tail)}));
}

QByteArray WebSocketTransport::frame(quint8 opcode, std::initializer_list<QByteArrayView> parts)
{
    qsizetype size = 0;
    for (const QByteArrayView part : parts)
        size += part.size();
    QByteArray out;
    out.reserve(size + 10);
    out.append(char(0x80 | opcode)); // FIN
    if (size < 126) {
        out.append(char(size));
    } else if (size <= 0xffff) {
        out.append(char(126));
        out.append(char(size >> 8));
        out.append(char(size & 0xff));
    } else {
        out.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((quint64(size) >> shift) & 0xff));
    }
    for (const QByteArrayView part : parts)
        out.append(part);
    return out;
}

QByteArray WebSocketTransport::closeFrame(CloseCode code, const QString &reason)
{
    const char codeBytes[2] = {char(quint16(code) >> 8), char(quint16(code) & 0xff)};
    // A control frame's body is at most 125 bytes: the reason is cut at a character boundary.
    QString cut = reason;
    QByteArray text = cut.toUtf8();
    while (text.size() > 123) {
        cut.chop(1);
        text = cut.toUtf8();
    }
    return frame(closeOpcode, {QByteArrayView(codeBytes, 2), text});
}

void WebSocketTransport::closeConnection(CloseCode code, const QString &reason)
{
    if (m_closeSent || !m_socket)
        return;
    m_closeSent = true;
    write(closeFrame(code, reason));
    QTimer::singleShot(closeGraceMs, this, [this] {
        if (m_socket)
            m_socket->abort();
    });
}

void WebSocketTransport::refuse(DirectWriteSocket *socket, const QByteArray &handshakeAnswer,
                                CloseCode code, const QString &reason)
{
    socket->writeNow(handshakeAnswer + closeFrame(code, reason));
    socket->disconnectFromHost();
}

} // namespace liveview::internal
