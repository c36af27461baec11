#pragma once
// The listening socket that every event-loop thread accepts from.

#include <QHostAddress>
#include <QString>

namespace liveview::internal {

// Opens a non-blocking listening socket. Each worker thread accepts on its own dup() of it: an
// idle worker wins the race for a new connection, and a losing accept() just returns EAGAIN.
// (SO_REUSEPORT would balance better but lets a second process silently share the port.)
// Returns the descriptor or -1 with `error` set.
int openListenSocket(const QHostAddress &address, quint16 port, int backlog, quint16 *boundPort,
                     QString *error);

} // namespace liveview::internal
