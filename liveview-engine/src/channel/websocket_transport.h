#pragma once
// Binds one QWebSocket to a Connection and keeps its idle memory small.

#include "connection.h"

#include <QObject>
#include <QWebSocket>
#include <memory>

namespace liveview::internal {

class WebSocketTransport : public QObject, public FrameSink
{
    Q_OBJECT
public:
    WebSocketTransport(std::unique_ptr<QWebSocket> socket,
                       std::shared_ptr<const EndpointContext> context, BrowserSession session,
                       QObject *parent = nullptr);
    ~WebSocketTransport() override;

    void sendText(const QByteArray &frame) override;
    void closeConnection(CloseCode code, const QString &reason) override;

signals:
    void finished();

private:
    std::unique_ptr<QWebSocket> m_socket;
    Connection m_connection;
};

} // namespace liveview::internal
