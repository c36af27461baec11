// Formatting of sizes, rates and durations for the admin window.
#include "display_format.h"

namespace livedeck::admin {

QString formatBytes(double bytes)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    while (bytes >= 1024 && unit < 4) {
        bytes /= 1024;
        ++unit;
    }
    if (unit == 0)
        return QStringLiteral("%1 B").arg(qint64(bytes));
    return QStringLiteral("%1 %2").arg(bytes, 0, 'f', 1).arg(QLatin1String(units[unit]));
}

QString formatRate(double perSecond)
{
    if (perSecond < 10)
        return perSecond == 0 ? QStringLiteral("0") : QString::number(perSecond, 'f', 1);
    if (perSecond < 1000)
        return QString::number(qRound64(perSecond));
    if (perSecond < 10000)
        return QStringLiteral("%1k").arg(perSecond / 1000, 0, 'f', 1);
    return QStringLiteral("%1k").arg(qRound64(perSecond / 1000));
}

QString formatDuration(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1 min %2 s")
            .arg(seconds / 60)
            .arg(seconds % 60, 2, 10, QChar(u'0'));
    if (seconds < 86400)
        return QStringLiteral("%1 h %2 min")
            .arg(seconds / 3600)
            .arg((seconds % 3600) / 60, 2, 10, QChar(u'0'));
    return QStringLiteral("%1 d %2 h").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}

QString formatMilliseconds(double ms)
{
    if (ms < 0)
        return QStringLiteral("–");
    if (ms < 10)
        return QStringLiteral("%1 ms").arg(ms, 0, 'f', 2);
    return QStringLiteral("%1 ms").arg(qRound64(ms));
}

} // namespace livedeck::admin
