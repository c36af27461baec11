// Number formatting shared by the widgets and the dashboards.
#include "livedeck/widgets/format.h"

#include <QLocale>
#include <cmath>

namespace livedeck::widgets {

namespace {
QString scaled(double value, const char *const *units, int count, double step)
{
    int i = 0;
    double v = value;
    while (std::abs(v) >= step && i < count - 1) {
        v /= step;
        ++i;
    }
    const int decimals = (i == 0 || std::abs(v) >= 100) ? 0 : (std::abs(v) >= 10 ? 1 : 2);
    return QString::number(v, 'f', decimals) + QLatin1Char(' ') + QLatin1String(units[i]);
}
} // namespace

QString formatBytes(double bytes)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    return scaled(bytes, units, 6, 1024);
}

QString formatRate(double bytesPerSecond)
{
    return formatBytes(bytesPerSecond) + QStringLiteral("/s");
}

QString formatNumber(double value, int significant)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    const double a = std::abs(value);
    if (a >= 1e9)
        return QString::number(value / 1e9, 'g', significant) + QLatin1Char('G');
    if (a >= 1e6)
        return QString::number(value / 1e6, 'g', significant) + QLatin1Char('M');
    if (a >= 1e4)
        return QString::number(value / 1e3, 'g', significant) + QLatin1Char('k');
    if (a >= 1000)
        return QString::number(qint64(std::llround(value)));
    return QString::number(value, 'g', significant);
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    const qint64 d = seconds / 86400, h = seconds % 86400 / 3600, m = seconds % 3600 / 60,
                 s = seconds % 60;
    if (d > 0)
        return QStringLiteral("%1d %2h").arg(d).arg(h);
    if (h > 0)
        return QStringLiteral("%1h %2m").arg(h).arg(m);
    if (m > 0)
        return QStringLiteral("%1m %2s").arg(m).arg(s);
    return QStringLiteral("%1s").arg(s);
}

QString formatMs(double ms)
{
    if (ms < 10)
        return QString::number(ms, 'f', 2) + QStringLiteral(" ms");
    if (ms < 1000)
        return QString::number(ms, 'f', 0) + QStringLiteral(" ms");
    return QString::number(ms / 1000, 'f', 2) + QStringLiteral(" s");
}

QString formatWithUnit(double value, const QString &unit)
{
    if (unit == u"B")
        return formatBytes(value);
    if (unit == u"B/s")
        return formatRate(value);
    if (unit == u"ms")
        return formatMs(value);
    if (unit == u"%")
        return QString::number(value, 'f', value < 10 ? 1 : 0) + QStringLiteral("%");
    if (unit.isEmpty())
        return formatNumber(value);
    if (unit.startsWith(QLatin1Char('/')))
        return formatNumber(value) + unit; // "12/s"
    return formatNumber(value) + QLatin1Char(' ') + unit;
}

double niceCeiling(double value)
{
    if (!(value > 0) || !std::isfinite(value))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (step * magnitude >= value)
            return step * magnitude;
    return 10 * magnitude;
}

} // namespace livedeck::widgets
