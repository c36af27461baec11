#pragma once
// The PubSub topics table: subscribers, message and byte rates, local or cluster-wide.

#include "keyed_table_model.h"

#include <liveview/monitor.h>

namespace livedeck::admin {

class TopicsModel final : public KeyedTableModel<liveview::TopicInfo>
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Subscribers,
        MessagesPerSecond,
        BytesPerSecond,
        Messages,
        Scope,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit TopicsModel(QObject *parent = nullptr);
    void setTopics(QList<liveview::TopicInfo> topics);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
};

} // namespace livedeck::admin
