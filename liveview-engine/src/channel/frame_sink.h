#pragma once
// Where a connection writes: a WebSocket in the server, an in-memory queue in the test harness.

#include <QByteArray>
#include <QString>

namespace liveview::internal {

// Close codes the server uses. 1000 is avoided on purpose: the LiveView client reloads the page
// when the server closes with it.
enum class CloseCode : quint16
{
    GoingAway = 1001,
    ProtocolError = 1002,
    InvalidPayload = 1007,
    PolicyViolation = 1008,
    TooBig = 1009,
    InternalError = 1011,
    ServiceRestart = 1012,
    TryAgainLater = 1013,      // draining: the client retries with back-off
    OperatorDisconnect = 4000, // an operator closed this socket (Admin::disconnectSession)
    HeartbeatTimeout = 4001,   // nothing heard from the client for too long
    SendQueueFull = 4002,      // the client stopped reading: its send queue hit the limit
};

class FrameSink
{
public:
    virtual ~FrameSink() = default;
    virtual void sendText(const QByteArray &frame) = 0;
    // The frame `head + body + tail`. A broadcast's diff reaches thousands of views as one
    // encoded body with a per-view head: a transport that frames the parts itself saves each
    // view a copy of the body.
    virtual void sendTextParts(const QByteArray &head, const QByteArray &body, const char *tail)
    {
        sendText(head + body + tail);
    }
    virtual void closeConnection(CloseCode code, const QString &reason) = 0;
    // The client's heartbeat arrived: a transport that can measure the round trip pings now.
    virtual void heartbeatReceived() {}
};

} // namespace liveview::internal
