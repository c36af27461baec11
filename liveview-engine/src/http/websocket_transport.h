#pragma once
// Binds one QWebSocket to a Connection and keeps its idle memory small.

#include "../channel/connection.h"

#include <QObject>
#include <QWebSocket>
#include <memory>

namespace liveview::internal {

class DirectWriteSocket;

class WebSocketTransport : public QObject, public FrameSink
{
    Q_OBJECT
public:
    WebSocketTransport(std::unique_ptr<QWebSocket> socket,
                       std::shared_ptr<const EndpointContext> context, BrowserSession session,
                       DirectWriteSocket *direct = nullptr, QObject *parent = nullptr);
    ~WebSocketTransport() override;

    void sendText(const QByteArray &frame) override;
    void sendTextParts(const QByteArray &head, const QByteArray &body, const char *tail) override;
    void closeConnection(CloseCode code, const QString &reason) override;
    void heartbeatReceived() override;
    // When the client was last heard from (any frame or pong), on the monotonic clock.
    qint64 lastHeardMs() const { return m_lastHeardMs; }
    // Closes with `code` and, if the client does not complete the close in time (it may not be
    // reading at all), drops the connection.
    void closeFirmly(CloseCode code, const QString &reason);
    // A server text frame (FIN, opcode 1, unmasked) around `payload` (RFC 6455 section 5.2).
    static QByteArray textFrame(const QByteArray &payload);
    // A text frame of `parts` joined, built in one allocation.
    static QByteArray textFrame(std::initializer_list<QByteArrayView> parts);

signals:
    void finished();

private:
    std::unique_ptr<QWebSocket> m_socket;
    // The accepted TCP socket under m_socket, when it is ours: text frames are framed here and
    // sent at once, skipping QWebSocket's UTF-8 -> QString -> UTF-8 round trip and a posted
    // flush per frame. Control frames (close, pong) still go through QWebSocket.
    DirectWriteSocket *m_direct; // null once destroyed (it watches this pointer)
    bool m_closing = false;
    bool m_closingFirmly = false;
    bool m_overflowed = false; // the send queue hit its limit: nothing more is queued
    qint64 m_lastHeardMs;
    Connection m_connection;
};

} // namespace liveview::internal
