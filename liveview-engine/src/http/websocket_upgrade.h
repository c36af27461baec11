#pragma once
// The opening handshake of a WebSocket (RFC 6455 section 4.2): the client's upgrade request read
// from its raw head, and the server's 101 answer.

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace liveview::internal {

// What the server needs of an upgrade request, kept only until the connection is set up: the
// socket's target (path and query: the page's CSRF token travels there), Origin and Host for the
// origin check, the cookie for the browser session, the user agent for the monitor.
struct WebSocketUpgrade
{
    QByteArray target;
    QByteArray origin;
    QByteArray host;
    QByteArray cookie;
    QByteArray userAgent;
    QByteArray acceptKey; // Sec-WebSocket-Accept for the client's Sec-WebSocket-Key

    struct Refusal
    {
        int status = 400;
        const char *reason = "";
    };

    // `head`: the request line and header fields as received (CRLF or LF line ends). Refuses
    // what is not a valid version-13 upgrade with the HTTP status to answer (400, 426).
    static std::optional<WebSocketUpgrade> parse(QByteArrayView head, Refusal *refusal);
    // base64(SHA-1(key + the protocol's GUID)).
    static QByteArray acceptKeyFor(QByteArrayView key);
    // The 101 Switching Protocols answer.
    QByteArray answer() const;
    // The value of query parameter `name` in the target, percent-decoded ("" when absent).
    QByteArray queryValue(QByteArrayView name) const;
};

} // namespace liveview::internal
