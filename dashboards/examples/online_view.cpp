#include "online_view.h"

#include <liveview/presence.h>

namespace livedeck::examples {

QString OnlineView::lobbyPresenceTopic()
{
    return QStringLiteral("presence:chat:lobby");
}

void OnlineView::mount(const QVariantMap &, const QVariantMap &)
{
    setPageTitle(QStringLiteral("Online"));
    refresh();
}

void OnlineView::connected()
{
    subscribe(lobbyPresenceTopic());
    refresh(); // whatever changed between the first render and the join
}

void OnlineView::handleInfo(const QVariant &message)
{
    if (liveview::Presence::isDiff(message))
        refresh();
}

void OnlineView::refresh()
{
    // Presence::list is sorted by key: the list is alphabetical.
    QVariantList people;
    const QVariantMap online = liveview::Presence::list(lobbyPresenceTopic());
    for (auto it = online.cbegin(); it != online.cend(); ++it)
        people << QVariantMap{{QStringLiteral("name"), it.key()},
                              {QStringLiteral("tabs"),
                               it.value().toMap().value(QStringLiteral("metas")).toList().size()}};
    assign(QStringLiteral("people"), people);
    assign(QStringLiteral("count"), people.size());
}

liveview::Template OnlineView::render() const
{
    return liveview::Template::load(QStringLiteral("examples/online.heex"));
}

} // namespace livedeck::examples
