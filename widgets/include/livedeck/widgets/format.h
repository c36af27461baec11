#pragma once
// Numbers as the widgets show them: bytes, rates, percentages, durations, compact counts.

#include <QString>

namespace livedeck::widgets {

QString formatBytes(double bytes);                       // "1.5 MiB"
QString formatRate(double bytesPerSecond);               // "1.5 MiB/s"
QString formatNumber(double value, int significant = 3); // "1.25k", "0.5", "12"
QString formatDuration(qint64 seconds);                  // "3d 4h", "2h 5m", "45s"
QString formatMs(double ms);                             // "0.42 ms", "12 ms"
// A value with its unit, as the chart legend and stat cards write it.
QString formatWithUnit(double value, const QString &unit);
// A round number at or above `value` (1, 2, 2.5, 5 times a power of ten) for axis ceilings.
double niceCeiling(double value);

} // namespace livedeck::widgets
