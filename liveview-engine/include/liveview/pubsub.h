#pragma once
// Publish/subscribe between views: a broadcast on a topic reaches every view subscribed to it as
// handleInfo(message), on each view's own thread, on this node and, while a RedisCluster runs
// (cluster.h), on every node sharing its Redis. Views subscribe with LiveView::subscribe(); any
// other QObject code with Subscription (subscription.h). Subscriptions end with the view.

#include <QList>
#include <QString>
#include <QVariant>
#include <utility>

namespace liveview {

class PubSub
{
public:
    // Delivers `message` to every subscriber of `topic`, on all nodes; safe from any thread.
    static void broadcast(const QString &topic, const QVariant &message);
    // Only to this node's subscribers.
    static void localBroadcast(const QString &topic, const QVariant &message);
    static int subscriberCount(const QString &topic);
    // Every topic with at least one local subscriber, and how many it has.
    static QList<std::pair<QString, int>> topicSubscriberCounts();
};

} // namespace liveview
