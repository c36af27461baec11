// Presence's public face: tracking for views, presence_diff messages for subscribers on this
// node. Other nodes learn about changes through the cluster link inside the tracker.
#include "liveview/presence.h"

#include "liveview/pubsub.h"
#include "presence_tracker.h"
#include "view_presence.h"

#include <QSet>

namespace liveview {
namespace {

const QString diffEvent = QStringLiteral("presence_diff");

QVariantMap groupByKey(const std::vector<internal::PresenceEntry> &entries, const QString &topic)
{
    QVariantMap out;
    for (const internal::PresenceEntry &e : entries) {
        if (e.topic != topic)
            continue;
        QVariantMap presence = out.value(e.key).toMap();
        QVariantList metas = presence.value(QStringLiteral("metas")).toList();
        metas.append(e.meta);
        presence.insert(QStringLiteral("metas"), metas);
        out.insert(e.key, presence);
    }
    return out;
}

} // namespace

namespace internal {
void announcePresenceChange(const PresenceChange &change)
{
    QSet<QString> topics;
    for (const auto *list : {&change.joins, &change.leaves})
        for (const PresenceEntry &e : *list)
            topics.insert(e.topic);
    for (const QString &topic : topics)
        PubSub::localBroadcast(
            topic, QVariantMap{{QStringLiteral("event"), diffEvent},
                               {QStringLiteral("topic"), topic},
                               {QStringLiteral("joins"), groupByKey(change.joins, topic)},
                               {QStringLiteral("leaves"), groupByKey(change.leaves, topic)}});
}
} // namespace internal

using internal::PresenceTracker;

bool Presence::isDiff(const QVariant &message)
{
    return message.toMap().value(QStringLiteral("event")).toString() == diffEvent;
}

QVariantMap Presence::list(const QString &topic)
{
    return groupByKey(PresenceTracker::instance().onTopic(topic), topic);
}

void internal::ViewPresence::track(const std::shared_ptr<InfoMailbox> &owner, const QString &topic,
                                   const QString &key, QVariantMap meta)
{
    const internal::PresenceEntry entry =
        PresenceTracker::instance().trackLocal(owner.get(), topic, key, std::move(meta));
    internal::announcePresenceChange({{entry}, {}});
}

void internal::ViewPresence::untrack(const std::shared_ptr<InfoMailbox> &owner,
                                     const QString &topic, const QString &key)
{
    const auto left = PresenceTracker::instance().untrackLocal(owner.get(), topic, key);
    internal::announcePresenceChange({{}, left});
}

void internal::ViewPresence::untrackAll(const InfoMailbox *owner)
{
    const auto left = PresenceTracker::instance().untrackOwner(owner);
    internal::announcePresenceChange({{}, left});
}

} // namespace liveview
