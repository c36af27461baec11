#pragma once
// Presence as a tree: topics, and under each who is present (key, metas, node, since). Both
// levels follow snapshots with row-range signals, so expanded topics stay expanded.

#include <liveview/monitor.h>

#include <QAbstractItemModel>
#include <memory>

namespace livedeck::admin {

class PresenceModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name, // the topic, or the presence key
        Count,
        Metas,
        Node,
        Since,
        ColumnCount
    };
    explicit PresenceModel(QObject *parent = nullptr);
    ~PresenceModel() override;

    void setPresences(const QList<liveview::PresenceInfo> &presences);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Group;
    class Notifier;
    // Child indexes point at their group, which must outlive row moves: hence shared_ptr.
    QList<std::shared_ptr<Group>> m_groups;

    int rowOfGroup(const Group *group) const;
};

} // namespace livedeck::admin
