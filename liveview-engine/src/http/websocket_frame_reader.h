#pragma once
// Client-to-server WebSocket frames (RFC 6455 section 5), decoded incrementally without a socket.

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace liveview::internal {

// The server side of a WebSocket reads only this: masked frames from a browser. QWebSocket did
// it before, at ~6 KB per idle connection (its private object, a copy of the handshake request,
// a data processor, signal connections); this reader holds nothing while idle but a partial
// frame, if one is in flight. No socket and no timer, so that it can be fuzzed.
//
// Pull model: append() what the socket delivered, then next() until it returns nothing. Once the
// stream breaks a rule, failure() says how to close (code and reason) and nothing more is read.
class WebSocketFrameReader
{
public:
    enum class Kind
    {
        Text,   // complete message, UTF-8 checked
        Binary, // complete message
        Ping,
        Pong,
        Close, // payload: the close frame's body (code and reason), already checked
    };
    struct Message
    {
        Kind kind;
        QByteArray payload;
    };
    struct Failure
    {
        quint16 code = 0; // 1002 protocol error, 1007 invalid UTF-8, 1009 too big
        const char *reason = "";
    };

    // A message (all its fragments) larger than `maxMessageBytes` fails with 1009 as soon as a
    // frame header announces it: its bytes are never buffered.
    explicit WebSocketFrameReader(qint64 maxMessageBytes) : m_maxMessageBytes(maxMessageBytes) {}

    void append(QByteArrayView bytes);
    std::optional<Message> next();
    bool failed() const { return m_failure.code != 0; }
    Failure failure() const { return m_failure; }

    // Valid UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
    static bool isValidUtf8(QByteArrayView bytes);

private:
    std::optional<Message> fail(quint16 code, const char *reason);
    std::optional<Message> complete(Kind kind, QByteArray payload);
    void dropConsumed();

    qint64 m_maxMessageBytes;
    QByteArray m_buffer;    // received, not yet decoded
    qsizetype m_offset = 0; // decoded up to here
    // A fragmented message in progress: its kind and the fragments so far.
    std::optional<Kind> m_fragmentKind;
    QByteArray m_fragments;
    Failure m_failure;
};

} // namespace liveview::internal
