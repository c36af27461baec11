#pragma once
// Who is where: this node's presences (owned by views) and a replica of every other node's,
// kept by the cluster. Indexed by topic (Presence::list), by owner (a view that ends) and by node
// (a node that dies), so no operation scans every presence. All under one lock; callers announce
// the returned changes.

#include "presence_entry.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <functional>
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
    // The owner's presences as `key` on `topic`.
    std::vector<PresenceEntry> untrackLocal(const InfoMailbox *owner, const QString &topic,
                                            const QString &key);
    // All of the owner's presences (a view that ends).
    std::vector<PresenceEntry> untrackOwner(const InfoMailbox *owner);

    // Every entry on `topic`, this node's and the other nodes', in the order they arrived.
    std::vector<PresenceEntry> onTopic(const QString &topic) const;
    // This node's entries and the sequence number of the last local change, taken together.
    std::pair<std::vector<PresenceEntry>, qint64> localSnapshot() const;

    // Other nodes. Applying is idempotent: a join already known or a leave of an unknown entry
    // changes nothing and is not part of the returned change.
    PresenceChange applyRemote(const QString &node, const std::vector<PresenceEntry> &joins,
                               const std::vector<PresenceEntry> &leaves);
    PresenceChange replaceRemote(const QString &node, const std::vector<PresenceEntry> &entries);
    PresenceChange dropNode(const QString &node);

    // Every entry of every topic with its node ("" for this one) and when it arrived here, for
    // the monitor; ordered by topic, then arrival.
    struct Listed
    {
        qint64 order;
        PresenceEntry entry;
        QString node;
        qint64 trackedAtMs;
    };
    std::vector<Listed> everything() const;

private:
    // An entry's identity within its topic: node, key and ref. The node is part of it so that
    // one node can never touch another's entries, whatever it sends.
    static QString idOf(const QString &node, const PresenceEntry &e)
    {
        return node + QChar(0x1f) + e.key + QChar(0x1f) + e.ref();
    }
    struct Indexed
    {
        qint64 order; // arrival, for a stable order of metas
        PresenceEntry entry;
        qint64 trackedAtMs = 0;
    };
    std::vector<PresenceEntry> removeLocal(const InfoMailbox *owner,
                                           const std::function<bool(const PresenceEntry &)> &which);
    PresenceChange applyRemoteLocked(const QString &node, const std::vector<PresenceEntry> &joins,
                                     const std::vector<PresenceEntry> &leaves);
    void notifyCluster(const std::vector<PresenceEntry> &joins,
                       const std::vector<PresenceEntry> &leaves);

    mutable QMutex m_mutex;
    QHash<const InfoMailbox *, std::vector<PresenceEntry>> m_localByOwner;
    QHash<QString, QHash<QString, Indexed>> m_localByTopic; // topic -> id -> entry
    QHash<QString, QHash<QString, Indexed>> m_remoteByTopic;
    qint64 m_arrivals = 0;
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
