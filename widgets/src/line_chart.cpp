// Line / area chart: server-rendered SVG of a TimeSeries chart model (several series, time axis,
// legend; hover values by the LwChart hook from the points already in the page).
//
// Each part of the model is its own assign, so a new sample re-sends only what it changed: the
// transform, the last chunk of each line, the legend's values (docs/charts.md).
#include "components.h"

#include <liveview/live_component.h>

namespace livedeck::widgets::internal {

namespace {
class LineChart : public liveview::LiveComponent
{
public:
    // Attributes: chart (TimeSeries::chartModel()), title, area (bool), height_class.
    void update(const QVariantHash &a) override
    {
        assign(QStringLiteral("id"), a.value(QStringLiteral("id")));
        assign(QStringLiteral("title"), a.value(QStringLiteral("title")));
        assign(QStringLiteral("area"), a.value(QStringLiteral("area")).toBool());
        const QVariantMap chart = a.value(QStringLiteral("chart")).toMap();
        static const char *const parts[] = {"width",        "height",      "plot_left", "plot_top",
                                            "plot_width",   "plot_height", "unit",      "origin_ms",
                                            "series_names", "empty",       "y_ticks",   "legend",
                                            "paths",        "x_ticks",     "transform", "x_shift"};
        for (const char *part : parts)
            assign(QLatin1String(part), chart.value(QLatin1String(part)));
    }
    liveview::Template render() const override
    {
        return liveview::Template::load(QStringLiteral("widgets/line_chart.heex"));
    }
};
} // namespace

void registerLineChart()
{
    liveview::LiveComponent::registerModule<LineChart>(QStringLiteral("lw-line-chart"));
}

} // namespace livedeck::widgets::internal
