#include "online_view.h"

#include "chat_view.h"

#include <liveview/presence.h>

namespace livedeck::examples {

QString OnlineView::presenceTopic(const QString &room)
{
    return QStringLiteral("presence:chat:") + room;
}

void OnlineView::mount(const QVariantMap &params, const QVariantMap &)
{
    const QString room = ChatView::roomName(params);
    m_topic = presenceTopic(room);
    assign(QStringLiteral("room"), room);
    setPageTitle(QStringLiteral("Online"));
    refresh();
}

void OnlineView::connected()
{
    subscribe(m_topic);
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
    const QVariantMap online = liveview::Presence::list(m_topic);
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
