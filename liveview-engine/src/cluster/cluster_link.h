#pragma once
// The seam between this node's PubSub/Presence and the other nodes. Without a cluster nothing
// is installed and everything stays in-process; RedisCluster installs one while it runs.

#include "../pubsub/presence_entry.h"

#include <QVariant>
#include <memory>
#include <vector>

namespace liveview::internal {

class ClusterLink
{
public:
    virtual ~ClusterLink() = default;
    // A broadcast made on this node, already delivered here; any thread.
    virtual void publish(const QString &topic, const QVariant &message) = 0;
    // Local presence change number `seq`; called in the order of the changes (any thread).
    virtual void presenceChanged(qint64 seq, const std::vector<PresenceEntry> &joins,
                                 const std::vector<PresenceEntry> &leaves) = 0;

    static std::shared_ptr<ClusterLink> active();
    static void setActive(std::shared_ptr<ClusterLink> link);
};

} // namespace liveview::internal
