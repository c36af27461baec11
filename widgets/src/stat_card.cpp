// Stat card: a headline number with its unit, a trend against the previous value, a threshold
// colour (ok / warn / critical) and an optional sparkline of its recent history.
#include "components.h"
#include "livedeck/widgets/format.h"

#include <liveview/live_component.h>

#include <cmath>

namespace livedeck::widgets::internal {

namespace {
class StatCard : public liveview::LiveComponent
{
public:
    // Attributes: label, value (number or text), unit, trend (percent change, optional),
    // warn / critical (thresholds), hint, spark (a list of numbers, optional).
    void update(const QVariantHash &a) override
    {
        const QVariant value = a.value(QStringLiteral("value"));
        const QString unit = a.value(QStringLiteral("unit")).toString();
        const bool numeric = value.typeId() != QMetaType::QString;
        assign(QStringLiteral("id"), a.value(QStringLiteral("id")));
        assign(QStringLiteral("label"), a.value(QStringLiteral("label")));
        assign(QStringLiteral("hint"), a.value(QStringLiteral("hint"), QString()));
        assign(QStringLiteral("display"),
               numeric ? formatWithUnit(value.toDouble(), unit) : value.toString());
        assign(QStringLiteral("level"),
               numeric ? thresholdLevel(value.toDouble(), a.value(QStringLiteral("warn")),
                                        a.value(QStringLiteral("critical")))
                       : QStringLiteral("ok"));
        const QVariant trend = a.value(QStringLiteral("trend"));
        QString trendText, trendClass = QStringLiteral("flat");
        if (trend.isValid() && !trend.isNull()) {
            const double t = trend.toDouble();
            trendClass = std::abs(t) < 0.05
                             ? QStringLiteral("flat")
                             : (t > 0 ? QStringLiteral("up") : QStringLiteral("down"));
            trendText = (t > 0.05    ? QStringLiteral("▲ ")
                         : t < -0.05 ? QStringLiteral("▼ ")
                                     : QStringLiteral("● ")) +
                        QString::number(std::abs(t), 'f', 1) + QLatin1Char('%');
        }
        assign(QStringLiteral("trend_text"), trendText);
        assign(QStringLiteral("trend_class"), trendClass);
        assign(QStringLiteral("spark"),
               sparklinePoints(a.value(QStringLiteral("spark")).toList(), 120, 28));
    }
    liveview::Template render() const override
    {
        return liveview::Template::load(QStringLiteral("widgets/stat_card.heex"));
    }
};
} // namespace

void registerStatCard()
{
    liveview::LiveComponent::registerModule<StatCard>(QStringLiteral("lw-stat-card"));
}

} // namespace livedeck::widgets::internal
