// Gauge / meter: a half-circle dial for a value between min and max, coloured by thresholds,
// exposed to assistive technology as role="meter" with its ARIA values.
#include "components.h"
#include "livedeck/widgets/format.h"

#include <liveview/live_component.h>

#include <algorithm>
#include <cmath>

namespace livedeck::widgets::internal {

namespace {
// The dial: centre (60, 60), radius 48, from the left (180°) clockwise to the right (0°).
QString arcPath(double fraction)
{
    const double angle = M_PI * (1 - std::clamp(fraction, 0.0, 1.0));
    const double x = 60 + 48 * std::cos(angle), y = 60 - 48 * std::sin(angle);
    return QStringLiteral("M 12 60 A 48 48 0 0 1 %1 %2")
        .arg(QString::number(x, 'f', 2), QString::number(y, 'f', 2));
}

class Gauge : public liveview::LiveComponent
{
public:
    // Attributes: label, value, min (0), max (100), unit, warn, critical.
    void update(const QVariantHash &a) override
    {
        const double value = a.value(QStringLiteral("value")).toDouble();
        const double min = a.value(QStringLiteral("min"), 0).toDouble();
        const double max = a.value(QStringLiteral("max"), 100).toDouble();
        const QString unit = a.value(QStringLiteral("unit")).toString();
        const double fraction = max > min ? (value - min) / (max - min) : 0;
        assign(QStringLiteral("id"), a.value(QStringLiteral("id")));
        assign(QStringLiteral("label"), a.value(QStringLiteral("label")));
        assign(QStringLiteral("value"), QString::number(value, 'g', 6));
        assign(QStringLiteral("min"), QString::number(min, 'g', 6));
        assign(QStringLiteral("max"), QString::number(max, 'g', 6));
        assign(QStringLiteral("text"), formatWithUnit(value, unit));
        assign(QStringLiteral("arc"), fraction > 0.001 ? arcPath(fraction) : QString());
        assign(QStringLiteral("level"), thresholdLevel(value, a.value(QStringLiteral("warn")),
                                                       a.value(QStringLiteral("critical"))));
    }
    liveview::Template render() const override
    {
        return liveview::Template::load(QStringLiteral("widgets/gauge.heex"));
    }
};
} // namespace

void registerGauge()
{
    liveview::LiveComponent::registerModule<Gauge>(QStringLiteral("lw-gauge"));
}

} // namespace livedeck::widgets::internal
