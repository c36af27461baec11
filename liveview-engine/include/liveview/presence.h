#pragma once
// Presence: who is on a topic, with one meta per tracked view (a user in three tabs has three).
// Changes are broadcast on the topic as a presence_diff message; a view's presences are removed
// when it ends, crashed or not. In-process for now; the same API will merge nodes over Redis.

#include <QString>
#include <QVariantMap>
#include <memory>

namespace liveview {

namespace internal {
class InfoMailbox;
}

class Presence
{
public:
    // The message subscribers of `topic` receive in handleInfo:
    // {"event": "presence_diff", "topic", "joins": {key: {"metas": [...]}}, "leaves": {...}}.
    static bool isDiff(const QVariant &message);

    // {key: {"metas": [meta, ...]}} for everyone on `topic`.
    static QVariantMap list(const QString &topic);

    // Used by LiveView::trackPresence() and friends.
    static void track(const std::shared_ptr<internal::InfoMailbox> &owner, const QString &topic,
                      const QString &key, QVariantMap meta);
    static void untrack(const std::shared_ptr<internal::InfoMailbox> &owner, const QString &topic,
                        const QString &key);
    static void untrackAll(const internal::InfoMailbox *owner);
};

} // namespace liveview
