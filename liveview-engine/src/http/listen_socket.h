#pragma once
// Listening sockets shared by several event-loop threads through SO_REUSEPORT.

#include <QHostAddress>
#include <QString>

namespace liveview::internal {

// Opens a non-blocking listening socket with SO_REUSEPORT so that every worker thread can accept
// on the same port and the kernel spreads connections between them. Returns the descriptor or -1.
int openListenSocket(const QHostAddress &address, quint16 port, int backlog, quint16 *boundPort,
                     QString *error);

} // namespace liveview::internal
