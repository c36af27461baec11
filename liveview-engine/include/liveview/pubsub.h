#pragma once
// In-process publish/subscribe between views: a broadcast on a topic reaches every view
// subscribed to it as handleInfo(message), on each view's own thread. Subscriptions end with the
// view. (Redis-backed fan-out across nodes is the next step; the API stays.)

#include <QString>
#include <QVariant>
#include <memory>

namespace liveview {

namespace internal {
class InfoMailbox;
class PubSubRegistry;
} // namespace internal

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

    // Used by LiveView::subscribe()/broadcastFrom(); mailboxes are held weakly.
    static void subscribe(const QString &topic,
                          const std::shared_ptr<internal::InfoMailbox> &mailbox);
    static void unsubscribe(const QString &topic,
                            const std::shared_ptr<internal::InfoMailbox> &mailbox);
    // Every topic of a view that ends.
    static void unsubscribeAll(internal::InfoMailbox *mailbox);
    // A mailbox now has an owner thread (InfoMailbox::attach, on that thread).
    static void mailboxAttached(internal::InfoMailbox *mailbox);
    static void broadcastFrom(const std::shared_ptr<internal::InfoMailbox> &sender,
                              const QString &topic, const QVariant &message);
};

} // namespace liveview
