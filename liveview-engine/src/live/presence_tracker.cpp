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
    m_local.push_back({owner, entry});
    notifyCluster({entry}, {});
    return entry;
}

std::vector<PresenceEntry> PresenceTracker::untrackLocal(
    const std::function<bool(const InfoMailbox *, const PresenceEntry &)> &matches)
{
    std::vector<PresenceEntry> left;
    QMutexLocker locker(&m_mutex);
    std::erase_if(m_local, [&](const Local &l) {
        if (!matches(l.owner, l.entry))
            return false;
        left.push_back(l.entry);
        return true;
    });
    if (!left.empty())
        notifyCluster({}, left);
    return left;
}

std::vector<PresenceEntry> PresenceTracker::onTopic(const QString &topic) const
{
    std::vector<PresenceEntry> out;
    QMutexLocker locker(&m_mutex);
    for (const Local &l : m_local)
        if (l.entry.topic == topic)
            out.push_back(l.entry);
    for (const auto &entries : m_remote)
        for (const PresenceEntry &e : entries)
            if (e.topic == topic)
                out.push_back(e);
    return out;
}

std::pair<std::vector<PresenceEntry>, qint64> PresenceTracker::localSnapshot() const
{
    QMutexLocker locker(&m_mutex);
    std::vector<PresenceEntry> entries;
    for (const Local &l : m_local)
        entries.push_back(l.entry);
    return {entries, m_localSeq};
}

PresenceChange PresenceTracker::applyRemote(const QString &node,
                                            const std::vector<PresenceEntry> &joins,
                                            const std::vector<PresenceEntry> &leaves)
{
    PresenceChange change;
    QMutexLocker locker(&m_mutex);
    std::vector<PresenceEntry> &known = m_remote[node];
    for (const PresenceEntry &j : joins) {
        const bool present =
            std::any_of(known.begin(), known.end(), [&](const auto &e) { return e.sameAs(j); });
        if (!present) {
            known.push_back(j);
            change.joins.push_back(j);
        }
    }
    for (const PresenceEntry &l : leaves) {
        const auto it =
            std::find_if(known.begin(), known.end(), [&](const auto &e) { return e.sameAs(l); });
        if (it != known.end()) {
            change.leaves.push_back(*it);
            known.erase(it);
        }
    }
    if (known.empty())
        m_remote.remove(node);
    return change;
}

PresenceChange PresenceTracker::replaceRemote(const QString &node,
                                              const std::vector<PresenceEntry> &entries)
{
    std::vector<PresenceEntry> gone;
    {
        QMutexLocker locker(&m_mutex);
        for (const PresenceEntry &e : m_remote.value(node))
            if (std::none_of(entries.begin(), entries.end(),
                             [&](const auto &n) { return n.sameAs(e); }))
                gone.push_back(e);
    }
    return applyRemote(node, entries, gone);
}

PresenceChange PresenceTracker::dropNode(const QString &node)
{
    QMutexLocker locker(&m_mutex);
    return {{}, m_remote.take(node)};
}

} // namespace liveview::internal
