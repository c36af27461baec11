// Small geometry shared by the widgets that draw: sparkline points and threshold levels.
#include "components.h"

#include <algorithm>

namespace livedeck::widgets::internal {

QString thresholdLevel(double value, const QVariant &warn, const QVariant &critical)
{
    if (critical.isValid() && !critical.isNull() && value >= critical.toDouble())
        return QStringLiteral("critical");
    if (warn.isValid() && !warn.isNull() && value >= warn.toDouble())
        return QStringLiteral("warn");
    return QStringLiteral("ok");
}

QString sparklinePoints(const QVariantList &values, double width, double height)
{
    if (values.isEmpty())
        return QString();
    double lo = values.first().toDouble(), hi = lo;
    for (const QVariant &v : values) {
        lo = std::min(lo, v.toDouble());
        hi = std::max(hi, v.toDouble());
    }
    lo = std::min(lo, 0.0);
    const double span = hi > lo ? hi - lo : 1;
    const double step = values.size() > 1 ? width / (values.size() - 1) : 0;
    QString points;
    for (int i = 0; i < values.size(); ++i) {
        const double y = height - 1 - (values[i].toDouble() - lo) / span * (height - 2);
        if (i)
            points += QLatin1Char(' ');
        points += QString::number(i * step, 'f', 1) + QLatin1Char(',') + QString::number(y, 'f', 1);
    }
    return points;
}

} // namespace livedeck::widgets::internal
