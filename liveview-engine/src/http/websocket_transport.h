#pragma once
// Binds one accepted, upgraded TCP socket to a Connection: WebSocket frames in and out.

#include "../channel/connection.h"
#include "websocket_frame_reader.h"

#include <QObject>
#include <memory>

namespace liveview::internal {

class DirectWriteSocket;

// The server side of RFC 6455 on the socket the request guard handed over after the handshake.
// Reading is WebSocketFrameReader's; writing frames whole through DirectWriteSocket (one send()
// per event-loop pass, no copy kept). Replacing QWebSocket here saved ~6 KB per idle view (its
// private object, a copy of the handshake request, its signal connections).
class WebSocketTransport : public QObject, public FrameSink
{
    Q_OBJECT
public:
    // `socket` stays owned by the HTTP server (it is deleted after it disconnects); bytes after
    // the handshake that are already buffered are read at once.
    WebSocketTransport(DirectWriteSocket *socket, std::shared_ptr<const EndpointContext> context,
                       BrowserSession session, const QByteArray &userAgent,
                       QObject *parent = nullptr);
    ~WebSocketTransport() override;

    void sendText(const QByteArray &frame) override;
    void sendTextParts(const QByteArray &head, const QByteArray &body, const char *tail) override;
    // Sends a close frame and drops the connection if the client has not completed the close
    // within a grace period (it may not be reading at all).
    void closeConnection(CloseCode code, const QString &reason) override;
    void heartbeatReceived() override;
    // When the client was last heard from (any frame or pong), on the monotonic clock.
    qint64 lastHeardMs() const { return m_lastHeardMs; }

    // Answers an upgrade with 101 and at once a close frame: a refusal the LiveView client
    // understands (it reconnects with back-off, or not, by the code).
    static void refuse(DirectWriteSocket *socket, const QByteArray &handshakeAnswer, CloseCode code,
                       const QString &reason);

    // A server frame (FIN, unmasked) of `opcode` around `parts` joined, in one allocation
    // (RFC 6455 section 5.2). Opcode 1 is text.
    static QByteArray frame(quint8 opcode, std::initializer_list<QByteArrayView> parts);
    static QByteArray textFrame(const QByteArray &payload) { return frame(0x1, {payload}); }
    static QByteArray closeFrame(CloseCode code, const QString &reason);

signals:
    void finished();

private:
    void readFrames();
    void handle(WebSocketFrameReader::Message &message);
    void write(const QByteArray &bytes);

    DirectWriteSocket *m_socket; // null once destroyed (it watches this pointer)
    WebSocketFrameReader m_reader;
    bool m_closeSent = false;
    bool m_overflowed = false; // the send queue hit its limit: nothing more is queued
    qint64 m_lastHeardMs;
    Connection m_connection;
};

} // namespace liveview::internal
