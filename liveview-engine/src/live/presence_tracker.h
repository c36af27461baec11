#pragma once
// Who is where: this node's presences (owned by views) and a replica of every other node's,
// kept by the cluster. Indexed by topic (Presence::list), by owner (a view that ends) and by node
// (a node that dies), so no operation scans every presence. All under one lock; callers announce
// the returned changes.

#include "presence_entry.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <vector>

namespace liveview::internal {

class InfoMailbox;

struct PresenceChange
{
    std::vector<PresenceEntry> joins;
    std::vector<PresenceEntry> leaves;
    bool isEmpty() const { return joins.empty() && leaves.empty(); }
};

class PresenceTracker
{
public:
    static PresenceTracker &instance();

    PresenceEntry trackLocal(const InfoMailbox *owner, const QString &topic, const QString &key,
                             QVariantMap meta);
    // The owner's presences as `key` on `topic`; all of the owner's when `topic` is empty.
    std::vector<PresenceEntry> untrackLocal(const InfoMailbox *owner, const QString &topic = {},
                                            const QString &key = {});

    // Every entry on `topic`, this node's and the other nodes'.
    std::vector<PresenceEntry> onTopic(const QString &topic) const;
    // This node's entries and the sequence number of the last local change, taken together.
    std::pair<std::vector<PresenceEntry>, qint64> localSnapshot() const;

    // Other nodes. Applying is idempotent: a join already known or a leave of an unknown entry
    // changes nothing and is not part of the returned change.
    PresenceChange applyRemote(const QString &node, const std::vector<PresenceEntry> &joins,
                               const std::vector<PresenceEntry> &leaves);
    PresenceChange replaceRemote(const QString &node, const std::vector<PresenceEntry> &entries);
    PresenceChange dropNode(const QString &node);

private:
    // An entry's identity within its topic: key and ref (refs are unique per node and process).
    static QString idOf(const PresenceEntry &e) { return e.key + QChar(0x1f) + e.ref(); }
    PresenceChange applyRemoteLocked(const QString &node, const std::vector<PresenceEntry> &joins,
                                     const std::vector<PresenceEntry> &leaves);
    void notifyCluster(const std::vector<PresenceEntry> &joins,
                       const std::vector<PresenceEntry> &leaves);

    mutable QMutex m_mutex;
    QHash<const InfoMailbox *, std::vector<PresenceEntry>> m_localByOwner;
    QHash<QString, QHash<QString, PresenceEntry>> m_localByTopic; // topic -> id -> entry
    QHash<QString, QHash<QString, PresenceEntry>> m_remoteByTopic;
    QHash<QString, QSet<QPair<QString, QString>>> m_remoteByNode; // node -> {(topic, id)}
    qint64 m_localSeq = 0;
    qint64 m_nextRef = 1;
    QString m_refPrefix;
};

} // namespace liveview::internal

namespace liveview::internal {
// Tells this node's subscribers of each touched topic: one presence_diff per topic.
void announcePresenceChange(const PresenceChange &change);
} // namespace liveview::internal
