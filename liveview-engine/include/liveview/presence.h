#pragma once
// Presence: who is on a topic, with one meta per tracked view (a user in three tabs has three).
// Changes are broadcast on the topic as a presence_diff message; a view's presences are removed
// when it ends, crashed or not. While a RedisCluster runs (cluster.h) the list merges every node's
// presences. Views track themselves with LiveView::trackPresence().

#include <QString>
#include <QVariantMap>

namespace liveview {

class Presence
{
public:
    // The message subscribers of `topic` receive in handleInfo:
    // {"event": "presence_diff", "topic", "joins": {key: {"metas": [...]}}, "leaves": {...}}.
    static bool isDiff(const QVariant &message);

    // {key: {"metas": [meta, ...]}} for everyone on `topic`.
    static QVariantMap list(const QString &topic);
};

} // namespace liveview
