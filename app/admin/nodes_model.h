#pragma once
// The cluster's nodes (with --redis): address, last heartbeat, sessions, alive or not.

#include "keyed_table_model.h"

#include <liveview/monitor.h>

namespace livedeck::admin {

class NodesModel final : public KeyedTableModel<liveview::NodeInfo>
{
    Q_OBJECT
public:
    enum Column
    {
        Id,
        Address,
        Heartbeat,
        Sessions,
        Status,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit NodesModel(QObject *parent = nullptr);
    // `now` is the snapshot's clock: heartbeat ages follow it.
    void setNodes(QList<liveview::NodeInfo> nodes, const QDateTime &now);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QDateTime m_now;
};

} // namespace livedeck::admin
