#include "presence_tracker.h"


#include "../cluster/cluster_link.h"

#include <QDateTime>
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
    m_localByTopic[topic].insert(idOf(QString(), entry), {m_arrivals++, entry, QDateTime::currentMSecsSinceEpoch()});
    notifyCluster({entry}, {});
    return entry;
}

std::vector<PresenceEntry> PresenceTracker::untrackLocal(const InfoMailbox *owner,
                                                         const QString &topic, const QString &key)
{
    return removeLocal(owner,
                       [&](const PresenceEntry &e) { return e.topic == topic && e.key == key; });
}

std::vector<PresenceEntry> PresenceTracker::untrackOwner(const InfoMailbox *owner)
{
    return removeLocal(owner, [](const PresenceEntry &) { return true; });
}

std::vector<PresenceEntry>
PresenceTracker::removeLocal(const InfoMailbox *owner,
                             const std::function<bool(const PresenceEntry &)> &which)
{
    std::vector<PresenceEntry> left;
    QMutexLocker locker(&m_mutex);
    const auto it = m_localByOwner.find(owner);
    if (it == m_localByOwner.end())
        return left;
    std::erase_if(*it, [&](const PresenceEntry &e) {
        if (!which(e))
            return false;
        left.push_back(e);
        return true;
    });
    if (it->empty())
        m_localByOwner.erase(it);
    for (const PresenceEntry &e : left) {
        const auto byTopic = m_localByTopic.find(e.topic);
        if (byTopic == m_localByTopic.end())
            continue;
        byTopic->remove(idOf(QString(), e));
        if (byTopic->isEmpty())
            m_localByTopic.erase(byTopic);
    }
    if (!left.empty())
        notifyCluster({}, left);
    return left;
}

std::vector<PresenceEntry> PresenceTracker::onTopic(const QString &topic) const
{
    std::vector<Indexed> found;
    {
        QMutexLocker locker(&m_mutex);
        for (const auto *index : {&m_localByTopic, &m_remoteByTopic}) {
            const auto it = index->constFind(topic);
            if (it != index->cend())
                for (const Indexed &e : *it)
                    found.push_back(e);
        }
    }
    std::sort(found.begin(), found.end(),
              [](const Indexed &a, const Indexed &b) { return a.order < b.order; });
    std::vector<PresenceEntry> out;
    out.reserve(found.size());
    for (Indexed &e : found)
        out.push_back(std::move(e.entry));
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
        const QPair<QString, QString> where{j.topic, idOf(node, j)};
        if (owned.contains(where))
            continue;
        owned.insert(where);
        m_remoteByTopic[j.topic].insert(where.second, {m_arrivals++, j, QDateTime::currentMSecsSinceEpoch()});
        change.joins.push_back(j);
    }
    for (const PresenceEntry &l : leaves) {
        const QPair<QString, QString> where{l.topic, idOf(node, l)};
        if (!owned.remove(where))
            continue;
        const auto byTopic = m_remoteByTopic.find(l.topic);
        if (byTopic == m_remoteByTopic.end())
            continue;
        change.leaves.push_back(byTopic->take(where.second).entry);
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
        incoming.insert({e.topic, idOf(node, e)});
    std::vector<PresenceEntry> gone;
    for (const auto &where : m_remoteByNode.value(node))
        if (!incoming.contains(where))
            gone.push_back(m_remoteByTopic.value(where.first).value(where.second).entry);
    return applyRemoteLocked(node, entries, gone);
}

PresenceChange PresenceTracker::dropNode(const QString &node)
{
    QMutexLocker locker(&m_mutex);
    std::vector<PresenceEntry> gone;
    for (const auto &where : m_remoteByNode.value(node))
        gone.push_back(m_remoteByTopic.value(where.first).value(where.second).entry);
    return applyRemoteLocked(node, {}, gone);
}

std::vector<PresenceTracker::Listed> PresenceTracker::everything() const
{
    QMutexLocker lock(&m_mutex);
    std::vector<Listed> out;
    const auto collect = [&out](const QHash<QString, QHash<QString, Indexed>> &byTopic) {
        for (const auto &entries : byTopic)
            for (auto it = entries.cbegin(); it != entries.cend(); ++it)
                out.push_back({it->order, it->entry, it.key().section(QChar(0x1f), 0, 0),
                               it->trackedAtMs});
    };
    collect(m_localByTopic);
    collect(m_remoteByTopic);
    std::sort(out.begin(), out.end(), [](const Listed &a, const Listed &b) {
        return a.entry.topic != b.entry.topic ? a.entry.topic < b.entry.topic : a.order < b.order;
    });
    return out;
}

} // namespace liveview::internal
