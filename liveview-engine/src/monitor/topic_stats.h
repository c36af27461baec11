#pragma once
// Message and byte rates per PubSub topic, counted at each broadcast (not per subscriber).

#include "liveview/monitor.h"

#include <QVariant>

namespace liveview::internal {

namespace TopicStats {

// One broadcast on `topic` (local or from another node). Safe from any thread.
void noteMessage(const QString &topic, const QVariant &message, bool clusterWide);
// Rates over the last few seconds for every topic seen recently, merged with the subscriber
// counts given (topics without messages appear with zero rates).
QList<TopicInfo> topics(const QList<std::pair<QString, int>> &subscriberCounts);

} // namespace TopicStats

} // namespace liveview::internal
