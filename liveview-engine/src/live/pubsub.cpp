// Topic registry of weakly held view mailboxes; posting into a mailbox queues handleInfo on the
// view's thread, so broadcasting is thread-safe and never blocks on a slow view.
#include "liveview/pubsub.h"

#include "../channel/shared_diff_encoding.h"
#include "../cluster/cluster_link.h"
#include "view_runtime.h"

#include <QHash>
#include <QMutex>
#include <vector>

namespace liveview {
namespace {

struct Registry
{
    QMutex mutex;
    // Keyed by the mailbox's address: a view leaves all its topics before its mailbox can die
    // (unsubscribeAll), so an address is never seen again under a new owner while registered.
    QHash<QString, QHash<const internal::InfoMailbox *, std::weak_ptr<internal::InfoMailbox>>>
        topics;
};

Registry &registry()
{
    static Registry r;
    return r;
}

std::vector<std::shared_ptr<internal::InfoMailbox>> live(const QString &topic)
{
    std::vector<std::shared_ptr<internal::InfoMailbox>> out;
    QMutexLocker locker(&registry().mutex);
    const auto it = registry().topics.constFind(topic);
    if (it == registry().topics.cend())
        return out;
    out.reserve(size_t(it->size()));
    for (const auto &weak : *it)
        if (auto box = weak.lock())
            out.push_back(std::move(box));
    return out;
}

} // namespace

void PubSub::subscribe(const QString &topic, const std::shared_ptr<internal::InfoMailbox> &mailbox)
{
    QMutexLocker locker(&registry().mutex);
    registry().topics[topic].insert(mailbox.get(), mailbox);
    mailbox->topics.insert(topic);
}

void PubSub::unsubscribe(const QString &topic,
                         const std::shared_ptr<internal::InfoMailbox> &mailbox)
{
    QMutexLocker locker(&registry().mutex);
    mailbox->topics.remove(topic);
    auto it = registry().topics.find(topic);
    if (it == registry().topics.end())
        return;
    it->remove(mailbox.get());
    if (it->isEmpty())
        registry().topics.erase(it);
}

void PubSub::unsubscribeAll(internal::InfoMailbox *mailbox)
{
    QMutexLocker locker(&registry().mutex);
    for (const QString &topic : std::exchange(mailbox->topics, {})) {
        auto it = registry().topics.find(topic);
        if (it == registry().topics.end())
            continue;
        it->remove(mailbox);
        if (it->isEmpty())
            registry().topics.erase(it);
    }
}

void PubSub::broadcast(const QString &topic, const QVariant &message)
{
    broadcastFrom(nullptr, topic, message);
}

void PubSub::localBroadcast(const QString &topic, const QVariant &message)
{
    internal::InfoMailbox::deliverBatch(live(topic), message,
                                        std::make_shared<internal::SharedDiffEncoding>());
}

void PubSub::broadcastFrom(const std::shared_ptr<internal::InfoMailbox> &sender,
                           const QString &topic, const QVariant &message)
{
    // Posting happens outside the registry lock: a mailbox takes its own lock. Every recipient
    // shares one encoding cache, so views rendering the same diff send the same bytes.
    auto boxes = live(topic);
    if (sender)
        std::erase(boxes, sender);
    internal::InfoMailbox::deliverBatch(boxes, message,
                                        std::make_shared<internal::SharedDiffEncoding>());
    if (const auto link = internal::ClusterLink::active())
        link->publish(topic, message);
}

int PubSub::subscriberCount(const QString &topic)
{
    return int(live(topic).size());
}

} // namespace liveview
