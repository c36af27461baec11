#pragma once
// HTTP/1.x request framing, incrementally and without a socket: request lines and header fields
// within their limits, Content-Length and chunked bodies, pipelined requests, `Connection:
// close`, HTTP/1.0 and WebSocket upgrades. RequestGuard feeds it what a connection receives and
// acts on what it reports; on its own it is what the HTTP head fuzz target drives.

#include <QByteArray>
#include <QByteArrayView>

namespace liveview::internal {

class RequestFraming
{
public:
    struct Limits
    {
        qsizetype maxRequestLineBytes = 8 * 1024;
        qsizetype maxHeaderBytes = 16 * 1024; // request line and header fields together
        int maxHeaderCount = 100;
    };

    // What the framing needs to know from its owner, and what it tells it.
    class Listener
    {
    public:
        virtual ~Listener() = default;
        // A request's head has ended: the body size its target may send, and whether an
        // `Upgrade: websocket` on this target hands the connection over.
        virtual qint64 bodyLimit(QByteArrayView path) = 0;
        virtual bool upgradesTo(QByteArrayView path) = 0;
        virtual void requestStarted() = 0; // the first byte of a request after the previous one
        virtual void refused(int status, QByteArrayView reason) = 0; // nothing more is read
        virtual void upgraded() = 0;                                 // nothing more is read
        // A whole request (head and body) has been seen; `close`: the last one on this
        // connection (HTTP/1.0 or `Connection: close`), nothing more is read.
        virtual void requestComplete(bool close) = 0;
        // Whether the listener reads this target's body itself (streamed uploads): the framing
        // then stops after the head (state HandedOver; head() is what was received of it).
        virtual bool handsOver(QByteArrayView path)
        {
            Q_UNUSED(path);
            return false;
        }
    };

    enum class State
    {
        Idle,      // between requests
        Head,      // request line and headers
        Body,      // Content-Length body: remaining() bytes to come
        ChunkSize, // chunked body: a chunk-size line
        ChunkData, // chunk data: remaining() bytes, then CRLF
        ChunkEnd,  // the CRLF after chunk data
        Trailer,   // trailer lines up to an empty one
        Closing,   // the request asked for close: nothing more is read
        Refused,   // refused: nothing more is read
        Upgraded,  // handed over to the WebSocket: nothing more is read
        HandedOver, // the listener reads the body itself (handsOver): nothing more is read
    };

    RequestFraming(Limits limits, Listener *listener) : m_limits(limits), m_listener(listener) {}

    // Examines the next bytes received. Stops at a refusal, an upgrade or a closing request;
    // returns how many bytes it examined (the rest, after a closing request, is never answered).
    qsizetype consume(const char *data, qsizetype size);
    // Refused from outside (a timeout): nothing more is read.
    void refuse() { m_state = State::Refused; }

    State state() const { return m_state; }
    // Between requests with nothing of the next one yet.
    bool isIdle() const { return m_state == State::Idle && m_head.isEmpty(); }
    // The current request's head up to its empty line (whole once the head is complete).
    QByteArray head() const { return m_head.left(m_lineStart); }

private:
    qsizetype consumeHead(const char *data, qsizetype size);
    qsizetype consumeChunked(const char *data, qsizetype size);
    bool headLine(QByteArrayView line); // false when refused
    void headComplete();
    void requestComplete();
    void refuse(int status, QByteArrayView reason);

    const Limits m_limits;
    Listener *const m_listener;
    State m_state = State::Idle;
    QByteArray m_head; // this request's head so far (at most maxHeaderBytes + 1)
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
