// The PubSub topics table model.
#include "topics_model.h"

#include "display_format.h"

namespace livedeck::admin {

TopicsModel::TopicsModel(QObject *parent) : KeyedTableModel<liveview::TopicInfo>(parent)
{
}

void TopicsModel::setTopics(QList<liveview::TopicInfo> topics)
{
    replaceRows(
        std::move(topics), [](const liveview::TopicInfo &t) { return t.name; },
        [](const liveview::TopicInfo &a, const liveview::TopicInfo &b) {
            return a.localSubscribers == b.localSubscribers &&
                   a.messagesPerSecond == b.messagesPerSecond &&
                   a.bytesPerSecond == b.bytesPerSecond && a.messages == b.messages &&
                   a.clusterWide == b.clusterWide;
        });
}

int TopicsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopicsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const liveview::TopicInfo &t = rowAt(index.row());
    if (role == Qt::TextAlignmentRole && index.column() != Name && index.column() != Scope)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole) {
        switch (index.column()) {
        case Subscribers:
            return t.localSubscribers;
        case MessagesPerSecond:
            return t.messagesPerSecond;
        case BytesPerSecond:
            return t.bytesPerSecond;
        case Messages:
            return QVariant::fromValue(t.messages);
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return t.name;
    case Subscribers:
        return QString::number(t.localSubscribers);
    case MessagesPerSecond:
        return formatRate(t.messagesPerSecond);
    case BytesPerSecond:
        return QStringLiteral("%1/s").arg(formatBytes(t.bytesPerSecond));
    case Messages:
        return QString::number(t.messages);
    case Scope:
        return t.clusterWide ? tr("cluster") : tr("local");
    }
    return {};
}

QVariant TopicsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const titles[] = {"Topic",   "Subscribers", "Messages/s",
                                         "Bytes/s", "Messages",    "Scope"};
    static_assert(std::size(titles) == ColumnCount);
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

} // namespace livedeck::admin
