// Topic registry of view mailboxes. A broadcast must not walk thousands of views' memory before
// the first one is served (on this VM, memory untouched for a while costs microseconds per page),
// so each topic keeps a snapshot of its subscribers already grouped by thread: a broadcast posts
// one batch per thread to that thread's delivery hub, and each thread walks only its own views.
#include "liveview/pubsub.h"

#include "../cluster/cluster_link.h"
#include "../monitor/server_status.h"
#include "../monitor/topic_stats.h"
#include "delivery_scope.h"
#include "info_mailbox.h"
#include "mailbox_pubsub.h"

#include <QHash>
#include <QMutex>
#include <QThread>
#include <QThreadStorage>
#include <vector>

namespace liveview {
namespace {

using internal::InfoMailbox;

// Subscribers by thread, immutable once built; batches in flight share it.
struct Snapshot
{
    std::vector<std::pair<QThread *, std::vector<std::shared_ptr<InfoMailbox>>>> byThread;
    int count = 0;
};

struct Topic
{
    // A view leaves all its topics before its mailbox can go (unsubscribeAll in ~ViewRuntime),
    // so holding mailboxes strongly here keeps nothing alive beyond its view.
    QHash<const InfoMailbox *, std::shared_ptr<InfoMailbox>> members;
    std::shared_ptr<const Snapshot> snapshot; // null after a change: rebuilt by the next use
};

// Receives PubSub's batches for one thread. Made on a thread's first attach, destroyed with the
// thread (QThreadStorage); it enters and leaves the registry under its lock, so a broadcast
// never posts to a hub, or a thread, that is gone.
class DeliveryHub : public QObject
{
public:
    DeliveryHub();
    ~DeliveryHub() override;
};

struct Registry
{
    QMutex mutex;
    QHash<QString, Topic> topics;
    QHash<QThread *, DeliveryHub *> hubs;
};

Registry &registry()
{
    static Registry r;
    return r;
}

DeliveryHub::DeliveryHub()
{
    QMutexLocker locker(&registry().mutex);
    registry().hubs.insert(thread(), this);
}

DeliveryHub::~DeliveryHub()
{
    QMutexLocker locker(&registry().mutex);
    registry().hubs.remove(thread());
}

QThreadStorage<DeliveryHub *> &threadHubs()
{
    static QThreadStorage<DeliveryHub *> hubs;
    return hubs;
}

// Under the registry lock.
std::shared_ptr<const Snapshot> snapshotLocked(const QString &topic)
{
    const auto it = registry().topics.find(topic);
    if (it == registry().topics.end())
        return {};
    if (!it->snapshot) {
        auto s = std::make_shared<Snapshot>();
        QHash<QThread *, size_t> slot;
        for (const auto &box : std::as_const(it->members)) {
            QThread *thread = box->ownerThread(); // null: not attached yet, posted one by one
            auto found = slot.constFind(thread);
            if (found == slot.cend()) {
                found = slot.insert(thread, s->byThread.size());
                s->byThread.emplace_back(thread, std::vector<std::shared_ptr<InfoMailbox>>());
            }
            s->byThread[*found].second.push_back(box);
        }
        s->count = int(it->members.size());
        it->snapshot = std::move(s);
    }
    return it->snapshot;
}

std::shared_ptr<const Snapshot> snapshotOf(const QString &topic)
{
    QMutexLocker locker(&registry().mutex);
    return snapshotLocked(topic);
}

void leave(const QString &topic, const InfoMailbox *mailbox)
{
    auto it = registry().topics.find(topic);
    if (it == registry().topics.end())
        return;
    if (it->members.remove(mailbox))
        it->snapshot.reset();
    if (it->members.isEmpty())
        registry().topics.erase(it);
}

// The message with a top-level container of its own (its contents stay shared). Every view of
// a thread copies the message it handles; a container shared by both threads would have both
// cores write its reference count for every view, moving that cache line back and forth.
QVariant ownCopy(const QVariant &message)
{
    switch (message.typeId()) {
    case QMetaType::QVariantMap: {
        QVariantMap m = message.toMap();
        m.detach();
        return m;
    }
    case QMetaType::QVariantHash: {
        QVariantHash h = message.toHash();
        h.detach();
        return h;
    }
    case QMetaType::QVariantList: {
        QVariantList l = message.toList();
        l.detach();
        return l;
    }
    default:
        return message;
    }
}

void deliver(const QString &topic, const InfoMailbox *except, const QVariant &message)
{
    internal::TopicStats::noteMessage(topic, message, bool(internal::ClusterLink::active()));
    internal::ServerStatus::instance().broadcasts.add(1);
    // Posting under the lock keeps each hub alive until its batch is queued (it leaves the
    // registry under the same lock); posting is cheap and calls back into nothing of ours.
    QMutexLocker locker(&registry().mutex);
    const std::shared_ptr<const Snapshot> snapshot = snapshotLocked(topic);
    if (!snapshot)
        return;
    for (size_t i = 0; i < snapshot->byThread.size(); ++i) {
        DeliveryHub *hub = registry().hubs.value(snapshot->byThread[i].first);
        if (!hub) { // not attached yet, or its thread has ended: one by one, checked per view
            for (const auto &box : snapshot->byThread[i].second)
                if (box.get() != except)
                    box->post(message);
            continue;
        }
        QMetaObject::invokeMethod(
            hub,
            [snapshot, i, except, message] {
                // Whatever the thread wraps around a batch (a socket thread: frames sent once
                // all have rendered, a row rendered once for all, a diff encoded once). One set
                // per thread, so two threads never wait on each other for any of it.
                const internal::DeliveryScope scope;
                const QVariant local = ownCopy(message);
                for (const auto &box : snapshot->byThread[i].second)
                    if (box.get() != except)
                        box->handleHere(local);
            },
            Qt::QueuedConnection);
    }
}

} // namespace

void internal::MailboxPubSub::subscribe(const QString &topic,
                                        const std::shared_ptr<InfoMailbox> &mailbox)
{
    QMutexLocker locker(&registry().mutex);
    Topic &t = registry().topics[topic];
    if (!t.members.contains(mailbox.get())) {
        t.members.insert(mailbox.get(), mailbox);
        t.snapshot.reset();
    }
    mailbox->topics.insert(topic);
}

void internal::MailboxPubSub::unsubscribe(const QString &topic,
                                          const std::shared_ptr<InfoMailbox> &mailbox)
{
    QMutexLocker locker(&registry().mutex);
    mailbox->topics.remove(topic);
    leave(topic, mailbox.get());
}

void internal::MailboxPubSub::mailboxAttached(InfoMailbox *mailbox)
{
    if (!threadHubs().hasLocalData())
        threadHubs().setLocalData(new DeliveryHub);
    // Snapshots group by thread: the ones this mailbox is in were built before it had one.
    QMutexLocker locker(&registry().mutex);
    for (const QString &topic : std::as_const(mailbox->topics))
        if (auto it = registry().topics.find(topic); it != registry().topics.end())
            it->snapshot.reset();
}

void internal::MailboxPubSub::unsubscribeAll(InfoMailbox *mailbox)
{
    QMutexLocker locker(&registry().mutex);
    for (const QString &topic : std::exchange(mailbox->topics, {}))
        leave(topic, mailbox);
}

void PubSub::broadcast(const QString &topic, const QVariant &message)
{
    internal::MailboxPubSub::broadcastFrom(nullptr, topic, message);
}

void PubSub::localBroadcast(const QString &topic, const QVariant &message)
{
    deliver(topic, nullptr, message);
}

void internal::MailboxPubSub::broadcastFrom(const std::shared_ptr<InfoMailbox> &sender,
                                            const QString &topic, const QVariant &message)
{
    deliver(topic, sender.get(), message);
    if (const auto link = internal::ClusterLink::active())
        link->publish(topic, message);
}

QList<std::pair<QString, int>> PubSub::topicSubscriberCounts()
{
    QMutexLocker locker(&registry().mutex);
    QList<std::pair<QString, int>> out;
    out.reserve(registry().topics.size());
    for (auto it = registry().topics.cbegin(); it != registry().topics.cend(); ++it)
        out.append({it.key(), int(it->members.size())});
    return out;
}

int PubSub::subscriberCount(const QString &topic)
{
    const auto snapshot = snapshotOf(topic);
    return snapshot ? snapshot->count : 0;
}

} // namespace liveview
