// The hooks example: "ping" from the Pinger hook gets a reply and a pushed "highlight" event.
#include "hooks_view.h"

namespace livedeck::examples {

void HooksView::mount(const QVariantMap &, const QVariantMap &)
{
    setPageTitle(QStringLiteral("Hooks"));
    assign(QStringLiteral("pings"), 0);
}

void HooksView::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"ping") {
        LiveView::handleEvent(event, value);
        return;
    }
    const int pings = assigned(QStringLiteral("pings")).toInt() + 1;
    assign(QStringLiteral("pings"), pings);
    replyToEvent({{QStringLiteral("pong"), pings}});
    pushEvent(
        QStringLiteral("highlight"),
        {{QStringLiteral("color"), pings % 2 ? QStringLiteral("orange") : QStringLiteral("teal")}});
}

liveview::Template HooksView::render() const
{
    return liveview::Template::load(QStringLiteral("examples/hooks.heex"));
}

} // namespace livedeck::examples
