#pragma once
// How the admin window writes sizes, rates and durations: short, and the same in every panel.

#include <QString>

namespace livedeck::admin {

QString formatBytes(double bytes);      // "812 B", "1.4 KiB", "36.0 MiB"
QString formatRate(double perSecond);   // "0", "3.2", "1.2k", "48k"
QString formatDuration(qint64 seconds); // "42 s", "3 min 05 s", "2 h 04 min", "3 d 4 h"
QString formatMilliseconds(double ms);  // "0.42 ms", "12 ms"

} // namespace livedeck::admin
