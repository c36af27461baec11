// The cluster nodes table model.
#include "nodes_model.h"

#include <QBrush>
#include <QColor>

namespace livedeck::admin {

NodesModel::NodesModel(QObject *parent) : KeyedTableModel<liveview::NodeInfo>(parent)
{
}

void NodesModel::setNodes(QList<liveview::NodeInfo> nodes, const QDateTime &now)
{
    replaceRows(
        std::move(nodes), [](const liveview::NodeInfo &n) { return n.id; },
        [](const liveview::NodeInfo &a, const liveview::NodeInfo &b) {
            return a.address == b.address && a.lastHeartbeat == b.lastHeartbeat &&
                   a.self == b.self && a.alive == b.alive && a.sessions == b.sessions;
        });
    if (m_now != now) {
        m_now = now;
        columnsChanged(Heartbeat, Heartbeat);
    }
}

int NodesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const liveview::NodeInfo &n = rowAt(index.row());
    if (role == Qt::ForegroundRole && !n.alive)
        return QBrush(QColor(200, 40, 40));
    if (role == SortRole && index.column() == Sessions)
        return n.sessions;
    if (role == SortRole && index.column() == Heartbeat)
        return n.lastHeartbeat;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case Id:
        return n.self ? tr("%1 (this node)").arg(n.id) : n.id;
    case Address:
        return n.address;
    case Heartbeat:
        if (n.self)
            return tr("—");
        return n.lastHeartbeat.isValid()
                   ? tr("%1 ms ago").arg(qMax<qint64>(0, n.lastHeartbeat.msecsTo(m_now)))
                   : tr("never");
    case Sessions:
        return QString::number(n.sessions);
    case Status:
        return n.alive ? tr("alive") : tr("dead");
    }
    return {};
}

QVariant NodesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const titles[] = {"Node", "Address", "Heartbeat", "Sessions", "Status"};
    static_assert(std::size(titles) == ColumnCount);
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

} // namespace livedeck::admin
