// The counter example: the smallest complete live view.
#include "counter_view.h"

namespace livedeck::examples {

void CounterView::mount(const QVariantMap &, const QVariantMap &)
{
    setPageTitle(QStringLiteral("Counter"));
    assign(QStringLiteral("count"), 0);
}

void CounterView::handleEvent(const QString &event, const QVariantMap &value)
{
    const int count = assigned(QStringLiteral("count")).toInt();
    if (event == u"inc")
        assign(QStringLiteral("count"), count + 1);
    else if (event == u"dec")
        assign(QStringLiteral("count"), count - 1);
    else
        LiveView::handleEvent(event, value);
}

liveview::Template CounterView::render() const
{
    return liveview::Template::load(QStringLiteral("examples/counter.heex"));
}

} // namespace livedeck::examples
