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

// How long a firmly closed client has to answer the close frame before the TCP connection goes.
constexpr int closeGraceMs = 2000;

qint64 nowMs()
{
    return QDeadlineTimer::current().deadline();
}

} // namespace

WebSocketTransport::WebSocketTransport(std::unique_ptr<QWebSocket> socket,
                                       std::shared_ptr<const EndpointContext> context,
                                       BrowserSession session, DirectWriteSocket *direct,
                                       QObject *parent)
    : QObject(parent), m_socket(std::move(socket)), m_direct(direct), m_lastHeardMs(nowMs()),
      m_connection(context, std::move(session), this)
{
    // QtWebSockets closes with 1009 by itself when a message exceeds this.
    if (m_direct) {
        m_direct->setWatcher(&m_direct);
        // Called from inside a send (maybe a broadcast's batch): the close comes after it.
        m_direct->setSendQueueLimit(context->maxSendQueueBytes, [this] {
            m_overflowed = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    qCWarning(lcHttp).noquote()
                        << "closing a WebSocket from" << m_socket->peerAddress().toString()
                        << "that does not read: send queue full";
                    closeFirmly(CloseCode::SendQueueFull, QStringLiteral("send queue full"));
                },
                Qt::QueuedConnection);
        });
    }
    m_socket->setMaxAllowedIncomingMessageSize(quint64(context->maxFrameBytes));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(context->maxFrameBytes));
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        m_lastHeardMs = nowMs();
        m_connection.receiveText(text.toUtf8());
    });
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &data) {
                m_lastHeardMs = nowMs();
                m_connection.receiveBinary(data);
            });
    connect(m_socket.get(), &QWebSocket::disconnected, this, &WebSocketTransport::finished);
    connect(m_socket.get(), &QWebSocket::aboutToClose, this, [this] { m_closing = true; });
    // The monitor shows where the socket comes from; thousands of sockets of one browser build
    // share one user-agent string.
    const std::shared_ptr<ConnectionStats> &stats = m_connection.stats();
    stats->remoteAddress = m_socket->peerAddress();
    stats->userAgent =
        internString(QString::fromLatin1(m_socket->request().rawHeader("User-Agent").left(512)));
    connect(m_socket.get(), &QWebSocket::pong, this, [this](quint64 elapsed) {
        m_lastHeardMs = nowMs();
        m_connection.stats()->heartbeatRttMs.store(int(std::min<quint64>(elapsed, 1u << 30)),
                                                   std::memory_order_relaxed);
    });
}

void WebSocketTransport::heartbeatReceived()
{
    // The client's heartbeat comes every 30 s: a ping then measures the round trip at no cost
    // to idle sockets (the browser answers pings by itself).
    if (!m_closing)
        m_socket->ping();
}

WebSocketTransport::~WebSocketTransport()
{
    if (m_direct)
        m_direct->clearWatcher(&m_direct);
    m_socket->disconnect(this);
}

void WebSocketTransport::sendText(const QByteArray &frame)
{
    if (m_overflowed)
        return;
    // Not after a close frame: then QWebSocket decides what may still be sent.
    if (m_direct && !m_closing)
        m_direct->writeNow(textFrame(frame));
    else
        m_socket->sendTextMessage(QString::fromUtf8(frame));
}

void WebSocketTransport::sendTextParts(const QByteArray &head, const QByteArray &body,
                                       const char *tail)
{
    if (m_overflowed)
        return;
    if (m_direct && !m_closing)
        m_direct->writeNow(textFrame({head, body, QByteArrayView(tail)}));
    else
        sendText(head + body + tail);
}

QByteArray WebSocketTransport::textFrame(const QByteArray &payload)
{
    return textFrame({QByteArrayView(payload)});
}

QByteArray WebSocketTransport::textFrame(std::initializer_list<QByteArrayView> parts)
{
    qsizetype size = 0;
    for (const QByteArrayView part : parts)
        size += part.size();
    QByteArray out;
    out.reserve(size + 10);
    out.append(char(0x81)); // FIN + text
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

void WebSocketTransport::closeConnection(CloseCode code, const QString &reason)
{
    m_closing = true;
    m_socket->close(QWebSocketProtocol::CloseCode(quint16(code)), reason);
}

void WebSocketTransport::closeFirmly(CloseCode code, const QString &reason)
{
    if (m_closingFirmly)
        return;
    m_closingFirmly = true;
    if (!m_closing)
        closeConnection(code, reason);
    QTimer::singleShot(closeGraceMs, this, [this] { m_socket->abort(); });
}

} // namespace liveview::internal
