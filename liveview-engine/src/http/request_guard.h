#pragma once
// Watches an HTTP connection's incoming bytes ahead of QAbstractHttpServer: size limits,
// timeouts and Connection: close, which QtHttpServer 6.4 does not have.

#include "../channel/endpoint_context.h"
#include "request_framing.h"

#include <QObject>
#include <QTimer>
#include <atomic>

class QTcpSocket;

namespace liveview::internal {

// QAbstractHttpServer reads every request into memory whole, however large, and keeps idle or
// half-sent connections forever. A guard sees each readyRead first (its slot is connected
// before Qt's), follows request heads and body framing (RequestFraming) incrementally from what
// Qt has buffered but not yet parsed, and answers 400/408/413/414/431 itself before Qt reads on. It
// bounds what Qt may buffer (setReadBufferSize), closes idle keep-alive connections and honours
// HTTP/1.0 and `Connection: close`. It lets go once the socket is upgraded to a WebSocket.
class RequestGuard : public QObject, private RequestFraming::Listener
{
public:
    // To be called on a freshly accepted socket, before QAbstractHttpServer connects to it.
    // `open` counts the connections still guarded (plain HTTP, not upgraded): it outlives them.
    static RequestGuard *install(QTcpSocket *socket, std::shared_ptr<const EndpointContext> context,
                                 std::atomic<int> *open);
    ~RequestGuard() override;
    // To be called once QAbstractHttpServer has connected to the socket: from then on the guard
    // also hears readyRead after Qt's parser, to learn how much of the buffer Qt left unread.
    void followParser();

private:
    using State = RequestFraming::State;

    RequestGuard(QTcpSocket *socket, std::shared_ptr<const EndpointContext> context,
                 std::atomic<int> *open);
    void onReadyRead();
    void afterParser();
    void letGo();
    void handOverToUploads(qsizetype headEndInBuffer);
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

    QTcpSocket *m_socket;
    std::atomic<int> *m_open;
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
