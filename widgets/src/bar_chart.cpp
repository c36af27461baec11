// Bar chart: one bar per label, scaled to a round maximum; each bar's height is its own keyed
// row, so a change moves only the bars that changed.
#include "components.h"
#include "livedeck/widgets/format.h"

#include <liveview/live_component.h>

#include <algorithm>

namespace livedeck::widgets::internal {

namespace {
constexpr double chartWidth = 640, chartHeight = 200, left = 48, top = 8, bottom = 24;

class BarChart : public liveview::LiveComponent
{
public:
    // Attributes: bars ([{label, value}]), title, unit, max (optional fixed ceiling),
    // warn / critical (colour bars past them).
    void update(const QVariantHash &a) override
    {
        assign(QStringLiteral("id"), a.value(QStringLiteral("id")));
        assign(QStringLiteral("title"), a.value(QStringLiteral("title")));
        const QString unit = a.value(QStringLiteral("unit")).toString();
        const QVariantList bars = a.value(QStringLiteral("bars")).toList();
        double ceiling = a.value(QStringLiteral("max")).toDouble();
        if (ceiling <= 0) {
            for (const QVariant &b : bars)
                ceiling = std::max(ceiling, b.toMap().value(QStringLiteral("value")).toDouble());
            ceiling = niceCeiling(ceiling);
        }
        const double plotHeight = chartHeight - top - bottom;
        const double slot = bars.isEmpty() ? 0 : (chartWidth - left - 8) / bars.size();
        QVariantList rows;
        for (int i = 0; i < bars.size(); ++i) {
            const QVariantMap b = bars[i].toMap();
            const double v = b.value(QStringLiteral("value")).toDouble();
            const double h = std::clamp(v / ceiling, 0.0, 1.0) * plotHeight;
            rows.append(QVariantMap{
                {QStringLiteral("id"), QStringLiteral("b%1").arg(i)},
                {QStringLiteral("label"), b.value(QStringLiteral("label"))},
                {QStringLiteral("text"), formatWithUnit(v, unit)},
                {QStringLiteral("level"), thresholdLevel(v, a.value(QStringLiteral("warn")),
                                                         a.value(QStringLiteral("critical")))},
                {QStringLiteral("x"), QString::number(left + i * slot + slot * 0.15, 'f', 1)},
                {QStringLiteral("cx"), QString::number(left + i * slot + slot / 2, 'f', 1)},
                {QStringLiteral("w"), QString::number(slot * 0.7, 'f', 1)},
                {QStringLiteral("y"), QString::number(top + plotHeight - h, 'f', 1)},
                {QStringLiteral("h"), QString::number(h, 'f', 1)}});
        }
        assign(QStringLiteral("bars"), rows);
        assign(QStringLiteral("ceiling"), formatWithUnit(ceiling, unit));
        assign(QStringLiteral("baseline"), top + plotHeight);
    }
    liveview::Template render() const override
    {
        return liveview::Template::load(QStringLiteral("widgets/bar_chart.heex"));
    }
};
} // namespace

void registerBarChart()
{
    liveview::LiveComponent::registerModule<BarChart>(QStringLiteral("lw-bar-chart"));
}

} // namespace livedeck::widgets::internal
