// The component example: state lives in each component; the parent only passes labels.
#include "component_view.h"

namespace livedeck::examples {

void CounterComponent::mount()
{
    assign(QStringLiteral("count"), 0);
}

void CounterComponent::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"inc")
        assign(QStringLiteral("count"), assigned(QStringLiteral("count")).toInt() + 1);
    else
        LiveComponent::handleEvent(event, value);
}

liveview::Template CounterComponent::render() const
{
    return liveview::Template::load(QStringLiteral("examples/counter_component.heex"));
}

void ComponentView::mount(const QVariantMap &, const QVariantMap &)
{
    setPageTitle(QStringLiteral("Components"));
    assign(QStringLiteral("generation"), 0);
}

void ComponentView::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"relabel")
        assign(QStringLiteral("generation"), assigned(QStringLiteral("generation")).toInt() + 1);
    else
        LiveView::handleEvent(event, value);
}

liveview::Template ComponentView::render() const
{
    return liveview::Template::load(QStringLiteral("examples/component.heex"));
}

} // namespace livedeck::examples
