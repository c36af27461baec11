#pragma once
// The last answer on a connection that the server itself is ending (a refusal, a streamed
// upload's reply): the status line's reason text, and a write that half-closes the socket once
// the answer is out, so that the client reads it before the close instead of getting a reset.

#include <QByteArray>

class QObject;
class QTcpSocket;

namespace liveview::internal {

// "Not Found" for 404 and so on, for every status the engine answers by hand.
QByteArray httpStatusText(int status);

// Writes `answer` (directly when the socket is a DirectWriteSocket) and shuts down the sending
// side once nothing is left to write; `context` ends the wait for that (the connection's owner).
void sendClosingAnswer(QTcpSocket *socket, const QByteArray &answer, QObject *context);

} // namespace liveview::internal
