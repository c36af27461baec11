#pragma once
// How many WebSockets the process can hold: derived from its file-descriptor limit, so that a
// machine with a higher limit serves more, instead of a fixed maximum.
#include <QtGlobal>

namespace liveview::internal {

// Descriptors kept back from WebSockets: listening sockets, database and log files, Redis, event
// fds, and the plain HTTP requests in flight (each an fd until it upgrades or closes).
constexpr qint64 reservedDescriptors = 1000;

// Raises the soft RLIMIT_NOFILE to the hard one (as far as the process may) and returns the soft
// limit in effect afterwards; -1 for unlimited.
qint64 raiseDescriptorLimit();

// The WebSocket cap: `requested` (0: as many as the limit allows) but never more than the
// descriptor limit minus the reserve, and at least 1. `descriptorLimit` -1 is unlimited.
int connectionCapFor(qint64 descriptorLimit, int requested, qint64 reserve = reservedDescriptors);

} // namespace liveview::internal
