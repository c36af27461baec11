// The presence tree model: topic groups and their presences, diffed by topic and by key.
#include "presence_model.h"

#include "keyed_rows.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace livedeck::admin {

struct PresenceModel::Group
{
    QString topic;
    QList<liveview::PresenceInfo> entries;
};

// Emits the signals of one list of rows: the topics (no parent) or one topic's presences.
class PresenceModel::Notifier final : public RowRangeNotifier
{
public:
    Notifier(PresenceModel *model, QModelIndex parent) : m(model), p(std::move(parent)) {}
    void beginRemove(int first, int last) override { m->beginRemoveRows(p, first, last); }
    void endRemove() override { m->endRemoveRows(); }
    void beginInsert(int first, int last) override { m->beginInsertRows(p, first, last); }
    void endInsert() override { m->endInsertRows(); }
    void changed(int first, int last) override
    {
        emit m->dataChanged(m->index(first, 0, p), m->index(last, ColumnCount - 1, p));
    }

private:
    PresenceModel *m;
    QModelIndex p;
};

namespace {

QString presenceKey(const liveview::PresenceInfo &p)
{
    return p.key + QChar(u'\n') + p.node;
}

bool samePresence(const liveview::PresenceInfo &a, const liveview::PresenceInfo &b)
{
    return a.metas == b.metas && a.since == b.since;
}

QString metasText(const QVariantList &metas)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromVariantList(metas)).toJson(QJsonDocument::Compact));
}

} // namespace

PresenceModel::PresenceModel(QObject *parent) : QAbstractItemModel(parent)
{
}

PresenceModel::~PresenceModel() = default;

void PresenceModel::setPresences(const QList<liveview::PresenceInfo> &presences)
{
    QList<std::shared_ptr<Group>> incoming;
    QHash<QString, Group *> groupOfTopic;
    for (const liveview::PresenceInfo &p : presences) {
        Group *&group = groupOfTopic[p.topic];
        if (!group) {
            incoming.append(std::make_shared<Group>(Group{p.topic, {}}));
            group = incoming.last().get();
        }
        group->entries.append(p);
    }
    QHash<QString, std::shared_ptr<Group>> incomingByTopic;
    for (const auto &g : incoming)
        incomingByTopic.insert(g->topic, g);

    // Kept topics keep their Group object (children's indexes point at it); their presences are
    // diffed below, one level down.
    Notifier topLevel(this, {});
    updateKeyedRows(
        m_groups, incoming, [](const std::shared_ptr<Group> &g) { return g->topic; },
        [](const auto &, const auto &) { return true; }, topLevel);

    for (int row = 0; row < m_groups.size(); ++row) {
        Group *group = m_groups.at(row).get();
        const std::shared_ptr<Group> &fresh = incomingByTopic.value(group->topic);
        if (fresh.get() == group)
            continue; // appended just now, with its presences
        const qsizetype before = group->entries.size();
        Notifier children(this, index(row, 0));
        updateKeyedRows(group->entries, fresh->entries, presenceKey, samePresence, children);
        if (group->entries.size() != before)
            emit dataChanged(index(row, Count), index(row, Count));
    }
}

int PresenceModel::rowOfGroup(const Group *group) const
{
    for (int i = 0; i < m_groups.size(); ++i)
        if (m_groups.at(i).get() == group)
            return i;
    return -1;
}

QModelIndex PresenceModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, nullptr);
    return createIndex(row, column, m_groups.at(parent.row()).get());
}

QModelIndex PresenceModel::parent(const QModelIndex &child) const
{
    const auto *group = static_cast<const Group *>(child.internalPointer());
    if (!child.isValid() || !group)
        return {};
    return createIndex(rowOfGroup(group), 0, nullptr);
}

int PresenceModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalPointer() || parent.column() != 0)
        return 0;
    return int(m_groups.at(parent.row())->entries.size());
}

int PresenceModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant PresenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const auto *group = static_cast<const Group *>(index.internalPointer());
    if (!group) {
        const Group &g = *m_groups.at(index.row());
        if (index.column() == Name)
            return g.topic;
        if (index.column() == Count)
            return QString::number(g.entries.size());
        return {};
    }
    const liveview::PresenceInfo &p = group->entries.at(index.row());
    switch (index.column()) {
    case Name:
        return p.key;
    case Count:
        return QString::number(p.metas.size());
    case Metas:
        return metasText(p.metas);
    case Node:
        return p.node;
    case Since:
        return p.since.toLocalTime().toString(role == Qt::ToolTipRole ? Qt::ISODate : Qt::TextDate);
    }
    return {};
}

QVariant PresenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const titles[] = {"Topic / key", "Count", "Metas", "Node", "Since"};
    static_assert(std::size(titles) == ColumnCount);
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

} // namespace livedeck::admin
