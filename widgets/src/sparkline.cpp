// Sparkline: a small line of recent values, for tables and cards, with its last value as text
// for screen readers.
#include "components.h"

#include <liveview/live_component.h>

namespace livedeck::widgets::internal {

namespace {
class Sparkline : public liveview::LiveComponent
{
public:
    // Attributes: values (list of numbers), label.
    void update(const QVariantHash &a) override
    {
        const QVariantList values = a.value(QStringLiteral("values")).toList();
        assign(QStringLiteral("id"), a.value(QStringLiteral("id")));
        assign(QStringLiteral("label"), a.value(QStringLiteral("label")));
        assign(QStringLiteral("points"), sparklinePoints(values, 100, 24));
        assign(QStringLiteral("last"), values.isEmpty() ? QString() : values.last().toString());
    }
    liveview::Template render() const override
    {
        return liveview::Template::load(QStringLiteral("widgets/sparkline.heex"));
    }
};
} // namespace

void registerSparkline()
{
    liveview::LiveComponent::registerModule<Sparkline>(QStringLiteral("lw-sparkline"));
}

} // namespace livedeck::widgets::internal
