#pragma once
// Keys of the LiveView rendered-tree wire format, in one place (see liveview-protocol.md §4).

#include <QString>

namespace liveview::internal::wire {

inline const QString statics = QStringLiteral("s");
inline const QString root = QStringLiteral("r");
inline const QString keyed = QStringLiteral("k");
inline const QString keyedCount = QStringLiteral("kc");
inline const QString keyedMoves = QStringLiteral("km");
inline const QString components = QStringLiteral("c");
inline const QString title = QStringLiteral("t");
inline const QString events = QStringLiteral("e");
inline const QString reply = QStringLiteral("r");
inline const QString templates = QStringLiteral("p");
inline const QString stream = QStringLiteral("stream");

// "0", "1", ...: dynamics are keyed by position; cached because every diff uses them.
const QString &position(int index);

} // namespace liveview::internal::wire
