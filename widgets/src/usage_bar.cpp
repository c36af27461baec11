// Usage bar: a value against its limit (connections against the cap, disk used against its
// size) with a hint saying what the numbers mean; role="meter" with ARIA values.
#include "components.h"
#include "livedeck/widgets/format.h"

#include <liveview/live_component.h>

#include <algorithm>

namespace livedeck::widgets::internal {

namespace {
class UsageBar : public liveview::LiveComponent
{
public:
    // Attributes: label, value, limit, unit, hint, warn (fraction, 0.75), critical (0.9).
    void update(const QVariantHash &a) override
    {
        const double value = a.value(QStringLiteral("value")).toDouble();
        const double limit = a.value(QStringLiteral("limit")).toDouble();
        const QString unit = a.value(QStringLiteral("unit")).toString();
        const double fraction = limit > 0 ? std::clamp(value / limit, 0.0, 1.0) : 0;
        assign(QStringLiteral("id"), a.value(QStringLiteral("id")));
        assign(QStringLiteral("label"), a.value(QStringLiteral("label")));
        assign(QStringLiteral("hint"), a.value(QStringLiteral("hint"), QString()));
        assign(QStringLiteral("value"), QString::number(value, 'g', 12));
        assign(QStringLiteral("limit"), QString::number(limit, 'g', 12));
        assign(QStringLiteral("percent"), QString::number(fraction * 100, 'f', 1));
        assign(QStringLiteral("text"),
               limit > 0 ? QStringLiteral("%1 of %2 (%3%)")
                               .arg(formatWithUnit(value, unit), formatWithUnit(limit, unit),
                                    QString::number(fraction * 100, 'f', fraction < 0.1 ? 1 : 0))
                         : formatWithUnit(value, unit));
        assign(QStringLiteral("level"),
               thresholdLevel(fraction, a.value(QStringLiteral("warn"), 0.75),
                              a.value(QStringLiteral("critical"), 0.9)));
    }
    liveview::Template render() const override
    {
        return liveview::Template::load(QStringLiteral("widgets/usage_bar.heex"));
    }
};
} // namespace

void registerUsageBar()
{
    liveview::LiveComponent::registerModule<UsageBar>(QStringLiteral("lw-usage-bar"));
}

} // namespace livedeck::widgets::internal
