#pragma once
// Watches an HTTP connection's incoming bytes ahead of QAbstractHttpServer: size limits,
// timeouts and Connection: close, which QtHttpServer 6.4 does not have.

#include "../channel/endpoint_context.h"

#include <QObject>
#include <QTimer>
#include <atomic>

class QTcpSocket;

namespace liveview::internal {

// QAbstractHttpServer reads every request into memory whole, however large, and keeps idle or
// half-sent connections forever. A guard sees each readyRead first (its slot is connected
// before Qt's), parses request heads and body framing incrementally from what Qt has buffered
// but not yet parsed, and answers 400/408/413/414/431 itself before Qt reads on. It bounds
// what Qt may buffer (setReadBufferSize), closes idle keep-alive connections and honours
// HTTP/1.0 and `Connection: close`. It lets go once the socket is upgraded to a WebSocket.
class RequestGuard : public QObject
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
    enum class State
    {
        Idle,      // between requests
        Head,      // request line and headers
        Body,      // Content-Length body: m_remaining bytes to come
        ChunkSize, // chunked body: a chunk-size line
        ChunkData, // chunk data: m_remaining bytes, then CRLF
        ChunkEnd,  // the CRLF after chunk data
        Trailer,   // trailer lines up to an empty one
        Closing,   // the request asked for close: nothing more is read
        Refused,   // answered with an error: draining until the peer or the linger ends
    };

    RequestGuard(QTcpSocket *socket, std::shared_ptr<const EndpointContext> context,
                 std::atomic<int> *open);
    void onReadyRead();
    void afterParser();
    void consume(const char *data, qsizetype size);
    qsizetype consumeHead(const char *data, qsizetype size);
    qsizetype consumeChunked(const char *data, qsizetype size);
    bool headLine(QByteArrayView line); // false when refused
    void headComplete();
    void requestComplete();
    void letGo();
    void handOverToUploads(qsizetype headEndInBuffer);
    void timedOut();
    void refuse(int status, QByteArrayView reason);
    void drain();

    QTcpSocket *m_socket;
    std::atomic<int> *m_open;
    std::shared_ptr<const EndpointContext> m_context;
    QTimer m_timer;
    State m_state = State::Idle;
    bool m_idleTimer = false; // the timer counts keep-alive idleness, not a request's arrival
    // Qt's parser reads line by line and one request at a time: what it leaves in its buffer
    // (a partial line, a pipelined request) this guard has already examined.
    qint64 m_examinedAhead = 0;
    const char *m_peekBase = nullptr; // onReadyRead's copy of the buffer, while consume() runs
    qint64 m_closeTail = 0; // Closing: bytes after the request that asked for the close
    QByteArray m_head;      // this request's head so far (at most maxHeaderBytes)
    qsizetype m_lineStart = 0;
    int m_headerCount = 0;
    bool m_sawRequestLine = false;
    // What the head said.
    QByteArray m_path;
    bool m_http10 = false, m_connectionClose = false;
    bool m_chunked = false, m_websocketUpgrade = false;
    qint64 m_contentLength = -1;
    qint64 m_bodyLimit = 0;
    qint64 m_bodyBytes = 0; // chunked: data bytes so far
    qint64 m_remaining = 0;
    QByteArray m_line; // chunked: the current size or trailer line
};

} // namespace liveview::internal
