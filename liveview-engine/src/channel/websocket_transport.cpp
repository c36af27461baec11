// WebSocket I/O for a Connection: text/binary frames in, text frames out, size caps, close codes.
#include "websocket_transport.h"

namespace liveview::internal {

WebSocketTransport::WebSocketTransport(std::unique_ptr<QWebSocket> socket,
                                       std::shared_ptr<const EndpointContext> context,
                                       BrowserSession session, QObject *parent)
    : QObject(parent), m_socket(std::move(socket)), m_connection(context, std::move(session), this)
{
    // QtWebSockets closes with 1009 by itself when a message exceeds this.
    m_socket->setMaxAllowedIncomingMessageSize(quint64(context->maxFrameBytes));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(context->maxFrameBytes));
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { m_connection.receiveText(text.toUtf8()); });
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &data) { m_connection.receiveBinary(data); });
    connect(m_socket.get(), &QWebSocket::disconnected, this, &WebSocketTransport::finished);
}

WebSocketTransport::~WebSocketTransport()
{
    m_socket->disconnect(this);
}

void WebSocketTransport::sendText(const QByteArray &frame)
{
    m_socket->sendTextMessage(QString::fromUtf8(frame));
}

void WebSocketTransport::closeConnection(CloseCode code, const QString &reason)
{
    m_socket->close(QWebSocketProtocol::CloseCode(quint16(code)), reason);
}

} // namespace liveview::internal
