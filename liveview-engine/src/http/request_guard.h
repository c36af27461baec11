#pragma once
// Watches an HTTP connection's incoming bytes ahead of QAbstractHttpServer: size limits,
// timeouts and Connection: close, which QtHttpServer 6.4 does not have.

#include "../channel/endpoint_context.h"
#include "request_framing.h"
#include "websocket_upgrade.h"

#include <QObject>
#include <QTimer>
#include <atomic>

namespace liveview::internal {

class DirectWriteSocket;

// Takes a socket whose WebSocket handshake was read (the server worker): it answers the
// handshake and reads frames from there on.
class WebSocketAcceptor
{
public:
    virtual void acceptWebSocket(DirectWriteSocket *socket, const WebSocketUpgrade &upgrade) = 0;

protected:
    ~WebSocketAcceptor() = default;
};

// QAbstractHttpServer reads every request into memory whole, however large, and keeps idle or
// half-sent connections forever. A guard sees each readyRead first (its slot is connected
// before Qt's), follows request heads and body framing (RequestFraming) incrementally from what
// Qt has buffered but not yet parsed, and answers 400/408/413/414/431 itself before Qt reads on. It
// bounds what Qt may buffer (setReadBufferSize), closes idle keep-alive connections and honours
// HTTP/1.0 and `Connection: close`. A WebSocket upgrade it checks and hands to its acceptor
// before Qt's parser sees it; uploads to the resumable endpoint go to that endpoint.
class RequestGuard : public QObject, private RequestFraming::Listener
{
public:
    // To be called on a freshly accepted socket, before QAbstractHttpServer connects to it.
    // `open` counts the connections still guarded (plain HTTP, not upgraded): it outlives them.
    static RequestGuard *install(DirectWriteSocket *socket,
                                 std::shared_ptr<const EndpointContext> context,
                                 std::atomic<int> *open, WebSocketAcceptor *acceptor);
    ~RequestGuard() override;
    // To be called once QAbstractHttpServer has connected to the socket: from then on the guard
    // also hears readyRead after Qt's parser, to learn how much of the buffer Qt left unread.
    void followParser();

private:
    using State = RequestFraming::State;

    RequestGuard(DirectWriteSocket *socket, std::shared_ptr<const EndpointContext> context,
                 std::atomic<int> *open, WebSocketAcceptor *acceptor);
    void onReadyRead();
    void afterParser();
    void letGo();
    void handOverToUploads(qsizetype headEndInBuffer);
    void handOverToWebSocket(qsizetype headEndInBuffer);
    // Qt's parser must not see another byte: the rest of the head is skipped.
    void detachFromParser(qsizetype headEndInBuffer);
    void timedOut();
    void refuse(int status, QByteArrayView reason);
    void drain();

    // RequestFraming::Listener
    qint64 bodyLimit(QByteArrayView path) override;
    bool upgradesTo(QByteArrayView path) override;
    bool handsOver(QByteArrayView path) override;
    void requestStarted() override;
    void refused(int status, QByteArrayView reason) override;
    void upgraded() override;
    void requestComplete(bool close) override;

    DirectWriteSocket *m_socket;
    std::atomic<int> *m_open;
    WebSocketAcceptor *m_acceptor;
    std::shared_ptr<const EndpointContext> m_context;
    RequestFraming m_framing;
    QTimer m_timer;
    bool m_idleTimer = false; // the timer counts keep-alive idleness, not a request's arrival
    // Qt's parser reads line by line and one request at a time: what it leaves in its buffer
    // (a partial line, a pipelined request) this guard has already examined.
    qint64 m_examinedAhead = 0;
    qint64 m_closeTail = 0; // Closing: bytes after the request that asked for the close
};

} // namespace liveview::internal
