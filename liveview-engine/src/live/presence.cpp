// The presence tracker: metas per (topic, key, owner view), diffs broadcast through PubSub.
#include "liveview/presence.h"

#include "liveview/pubsub.h"
#include "view_runtime.h"

#include <QMutex>
#include <atomic>
#include <vector>

namespace liveview {
namespace {

struct Tracked
{
    const internal::InfoMailbox *owner;
    QString topic;
    QString key;
    QVariantMap meta;
};

struct Tracker
{
    QMutex mutex;
    std::vector<Tracked> entries;
    std::atomic<qint64> nextRef{1};
};

Tracker &tracker()
{
    static Tracker t;
    return t;
}

const QString diffEvent = QStringLiteral("presence_diff");

QVariantMap diff(const QString &topic, const std::vector<Tracked> &joins,
                 const std::vector<Tracked> &leaves)
{
    const auto group = [](const std::vector<Tracked> &entries) {
        QVariantMap out;
        for (const Tracked &t : entries) {
            QVariantMap presence = out.value(t.key).toMap();
            QVariantList metas = presence.value(QStringLiteral("metas")).toList();
            metas.append(t.meta);
            presence.insert(QStringLiteral("metas"), metas);
            out.insert(t.key, presence);
        }
        return out;
    };
    return {{QStringLiteral("event"), diffEvent},
            {QStringLiteral("topic"), topic},
            {QStringLiteral("joins"), group(joins)},
            {QStringLiteral("leaves"), group(leaves)}};
}

// Drops the matching presences and broadcasts each leave on its topic (outside the lock).
template <class Predicate> void removeAndAnnounce(Predicate matches)
{
    std::vector<Tracked> left;
    {
        QMutexLocker locker(&tracker().mutex);
        auto &entries = tracker().entries;
        for (auto it = entries.begin(); it != entries.end();) {
            if (matches(*it)) {
                left.push_back(*it);
                it = entries.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (const Tracked &t : left)
        PubSub::broadcast(t.topic, diff(t.topic, {}, {t}));
}

} // namespace

bool Presence::isDiff(const QVariant &message)
{
    return message.toMap().value(QStringLiteral("event")).toString() == diffEvent;
}

QVariantMap Presence::list(const QString &topic)
{
    std::vector<Tracked> here;
    {
        QMutexLocker locker(&tracker().mutex);
        for (const Tracked &t : tracker().entries)
            if (t.topic == topic)
                here.push_back(t);
    }
    return diff(topic, here, {}).value(QStringLiteral("joins")).toMap();
}

void Presence::track(const std::shared_ptr<internal::InfoMailbox> &owner, const QString &topic,
                     const QString &key, QVariantMap meta)
{
    meta.insert(QStringLiteral("phx_ref"), QString::number(tracker().nextRef++));
    Tracked entry{owner.get(), topic, key, meta};
    {
        QMutexLocker locker(&tracker().mutex);
        tracker().entries.push_back(entry);
    }
    PubSub::broadcast(topic, diff(topic, {entry}, {}));
}

void Presence::untrack(const std::shared_ptr<internal::InfoMailbox> &owner, const QString &topic,
                       const QString &key)
{
    removeAndAnnounce([&](const Tracked &t) {
        return t.owner == owner.get() && t.topic == topic && t.key == key;
    });
}

void Presence::untrackAll(const internal::InfoMailbox *owner)
{
    removeAndAnnounce([&](const Tracked &t) { return t.owner == owner; });
}

} // namespace liveview
