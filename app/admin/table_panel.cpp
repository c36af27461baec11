// The filterable table panel shared by Topics, Presence and Nodes.
#include "table_panel.h"

#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace livedeck::admin {

TablePanel::TablePanel(const QString &objectName, QAbstractItemModel *model, int sortRole,
                       const QString &placeholder, QWidget *parent)
    : QWidget(parent), m_proxy(new QSortFilterProxyModel(this)), m_filter(new QLineEdit(this)),
      m_view(new QTreeView(this))
{
    setObjectName(objectName);
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(sortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    // A presence key matching the filter keeps its topic visible.
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setDynamicSortFilter(true);
    m_filter->setObjectName(objectName + QStringLiteral("Filter"));
    m_filter->setPlaceholderText(placeholder);
    m_filter->setClearButtonEnabled(true);
    m_view->setObjectName(objectName + QStringLiteral("View"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    // Branch decorations only where there are branches (the presence tree).
    m_view->setRootIsDecorated(!model->inherits("QAbstractTableModel"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
}

QString TablePanel::currentName() const
{
    QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return {};
    // In a tree, a child row stands for its top-level row (a presence for its topic).
    while (current.parent().isValid())
        current = current.parent();
    return current.siblingAtColumn(0).data().toString();
}

bool TablePanel::selectName(const QString &name)
{
    const QModelIndexList found =
        m_proxy->match(m_proxy->index(0, 0), Qt::DisplayRole, name, 1, Qt::MatchExactly);
    if (found.isEmpty())
        return false;
    m_view->setCurrentIndex(found.first());
    m_view->scrollTo(found.first());
    return true;
}

} // namespace livedeck::admin
