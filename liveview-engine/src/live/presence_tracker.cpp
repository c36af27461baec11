#include "presence_tracker.h"

#include "../cluster/cluster_link.h"

#include <QRandomGenerator>

namespace liveview::internal {

PresenceTracker &PresenceTracker::instance()
{
    static PresenceTracker tracker;
    return tracker;
}

void PresenceTracker::notifyCluster(const std::vector<PresenceEntry> &joins,
                                    const std::vector<PresenceEntry> &leaves)
{
    // Under m_mutex, so the cluster sees changes in sequence order.
    ++m_localSeq;
    if (const auto link = ClusterLink::active())
        link->presenceChanged(m_localSeq, joins, leaves);
}

PresenceEntry PresenceTracker::trackLocal(const InfoMailbox *owner, const QString &topic,
                                          const QString &key, QVariantMap meta)
{
    QMutexLocker locker(&m_mutex);
    if (m_refPrefix.isEmpty()) // refs stay unique across nodes and restarts
        m_refPrefix = QString::number(QRandomGenerator::global()->generate64(), 36);
    meta.insert(QStringLiteral("phx_ref"),
                QStringLiteral("%1-%2").arg(m_refPrefix).arg(m_nextRef++));
    PresenceEntry entry{topic, key, meta};
    m_localByOwner[owner].push_back(entry);
    m_localByTopic[topic].insert(idOf(entry), entry);
    notifyCluster({entry}, {});
    return entry;
}

std::vector<PresenceEntry> PresenceTracker::untrackLocal(const InfoMailbox *owner,
                                                         const QString &topic, const QString &key)
{
    std::vector<PresenceEntry> left;
    QMutexLocker locker(&m_mutex);
    const auto it = m_localByOwner.find(owner);
    if (it == m_localByOwner.end())
        return left;
    std::erase_if(*it, [&](const PresenceEntry &e) {
        if (!topic.isEmpty() && (e.topic != topic || e.key != key))
            return false;
        left.push_back(e);
        return true;
    });
    if (it->empty())
        m_localByOwner.erase(it);
    for (const PresenceEntry &e : left) {
        auto byTopic = m_localByTopic.find(e.topic);
        byTopic->remove(idOf(e));
        if (byTopic->isEmpty())
            m_localByTopic.erase(byTopic);
    }
    if (!left.empty())
        notifyCluster({}, left);
    return left;
}

std::vector<PresenceEntry> PresenceTracker::onTopic(const QString &topic) const
{
    std::vector<PresenceEntry> out;
    QMutexLocker locker(&m_mutex);
    for (const auto *index : {&m_localByTopic, &m_remoteByTopic}) {
        const auto it = index->constFind(topic);
        if (it != index->cend())
            for (const PresenceEntry &e : *it)
                out.push_back(e);
    }
    return out;
}

std::pair<std::vector<PresenceEntry>, qint64> PresenceTracker::localSnapshot() const
{
    QMutexLocker locker(&m_mutex);
    std::vector<PresenceEntry> entries;
    for (const auto &owned : m_localByOwner)
        entries.insert(entries.end(), owned.begin(), owned.end());
    return {entries, m_localSeq};
}

PresenceChange PresenceTracker::applyRemote(const QString &node,
                                            const std::vector<PresenceEntry> &joins,
                                            const std::vector<PresenceEntry> &leaves)
{
    QMutexLocker locker(&m_mutex);
    return applyRemoteLocked(node, joins, leaves);
}

PresenceChange PresenceTracker::applyRemoteLocked(const QString &node,
                                                  const std::vector<PresenceEntry> &joins,
                                                  const std::vector<PresenceEntry> &leaves)
{
    PresenceChange change;
    QSet<QPair<QString, QString>> &owned = m_remoteByNode[node];
    for (const PresenceEntry &j : joins) {
        const QPair<QString, QString> where{j.topic, idOf(j)};
        if (owned.contains(where))
            continue;
        owned.insert(where);
        m_remoteByTopic[j.topic].insert(where.second, j);
        change.joins.push_back(j);
    }
    for (const PresenceEntry &l : leaves) {
        const QPair<QString, QString> where{l.topic, idOf(l)};
        if (!owned.remove(where))
            continue;
        auto byTopic = m_remoteByTopic.find(l.topic);
        change.leaves.push_back(byTopic->take(where.second));
        if (byTopic->isEmpty())
            m_remoteByTopic.erase(byTopic);
    }
    if (owned.isEmpty())
        m_remoteByNode.remove(node);
    return change;
}

PresenceChange PresenceTracker::replaceRemote(const QString &node,
                                              const std::vector<PresenceEntry> &entries)
{
    QMutexLocker locker(&m_mutex);
    QSet<QPair<QString, QString>> incoming;
    for (const PresenceEntry &e : entries)
        incoming.insert({e.topic, idOf(e)});
    std::vector<PresenceEntry> gone;
    for (const auto &where : m_remoteByNode.value(node))
        if (!incoming.contains(where))
            gone.push_back(m_remoteByTopic.value(where.first).value(where.second));
    return applyRemoteLocked(node, entries, gone);
}

PresenceChange PresenceTracker::dropNode(const QString &node)
{
    QMutexLocker locker(&m_mutex);
    std::vector<PresenceEntry> gone;
    for (const auto &where : m_remoteByNode.value(node))
        gone.push_back(m_remoteByTopic.value(where.first).value(where.second));
    return applyRemoteLocked(node, {}, gone);
}

} // namespace liveview::internal
