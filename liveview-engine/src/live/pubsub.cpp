// Topic registry of weakly held view mailboxes; posting into a mailbox queues handleInfo on the
// view's thread, so broadcasting is thread-safe and never blocks on a slow view.
#include "liveview/pubsub.h"

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
    QHash<QString, std::vector<std::weak_ptr<internal::InfoMailbox>>> topics;
};

Registry &registry()
{
    static Registry r;
    return r;
}

// Live subscribers of a topic, pruning the ones whose view has ended.
std::vector<std::shared_ptr<internal::InfoMailbox>> live(const QString &topic)
{
    std::vector<std::shared_ptr<internal::InfoMailbox>> out;
    QMutexLocker locker(&registry().mutex);
    auto it = registry().topics.find(topic);
    if (it == registry().topics.end())
        return out;
    auto &subs = *it;
    for (auto s = subs.begin(); s != subs.end();) {
        if (auto box = s->lock()) {
            out.push_back(std::move(box));
            ++s;
        } else {
            s = subs.erase(s);
        }
    }
    if (subs.empty())
        registry().topics.erase(it);
    return out;
}

} // namespace

void PubSub::subscribe(const QString &topic, const std::shared_ptr<internal::InfoMailbox> &mailbox)
{
    QMutexLocker locker(&registry().mutex);
    auto &subs = registry().topics[topic];
    for (const auto &s : subs)
        if (s.lock() == mailbox)
            return;
    subs.push_back(mailbox);
}

void PubSub::unsubscribe(const QString &topic,
                         const std::shared_ptr<internal::InfoMailbox> &mailbox)
{
    QMutexLocker locker(&registry().mutex);
    auto it = registry().topics.find(topic);
    if (it == registry().topics.end())
        return;
    std::erase_if(*it, [&](const auto &s) { return s.expired() || s.lock() == mailbox; });
}

void PubSub::broadcast(const QString &topic, const QVariant &message)
{
    broadcastFrom(nullptr, topic, message);
}

void PubSub::localBroadcast(const QString &topic, const QVariant &message)
{
    for (const auto &box : live(topic))
        box->post(message);
}

void PubSub::broadcastFrom(const std::shared_ptr<internal::InfoMailbox> &sender,
                           const QString &topic, const QVariant &message)
{
    // Posting happens outside the registry lock: a mailbox takes its own lock.
    for (const auto &box : live(topic))
        if (box != sender)
            box->post(message);
    if (const auto link = internal::ClusterLink::active())
        link->publish(topic, message);
}

int PubSub::subscriberCount(const QString &topic)
{
    return int(live(topic).size());
}

} // namespace liveview
