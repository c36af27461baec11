// The sessions table panel.
#include "sessions_panel.h"

#include "sessions_model.h"
#include "sessions_proxy_model.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

namespace livedeck::admin {

SessionsPanel::SessionsPanel(SessionsModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new SessionsProxyModel(model, this)),
      m_filter(new QLineEdit(this)), m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("sessionsPanel"));
    m_filter->setObjectName(QStringLiteral("sessionsFilter"));
    m_filter->setPlaceholderText(tr("Filter sessions: id, route, view, user, address, node…"));
    m_filter->setClearButtonEnabled(true);
    m_view->setObjectName(QStringLiteral("sessionsView"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true); // lets 20,000 rows lay out without measuring each one
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SessionsModel::Id, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(SessionsModel::Id, 70);
    m_view->setColumnWidth(SessionsModel::Route, 170);
    m_view->setColumnWidth(SessionsModel::View, 140);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &SessionsProxyModel::setFilterText);
    // An update applied in slices would repaint the table after every slice; the table shows
    // the last complete update instead and repaints once when the next one is complete.
    connect(m_model, &SessionsModel::updateSpansPasses, this,
            [this] { m_view->viewport()->setUpdatesEnabled(false); });
    connect(m_model, &SessionsModel::updateFinished, this,
            [this] { m_view->viewport()->setUpdatesEnabled(true); });
    // The current row may change because the user moved, or because the row was filtered away
    // or removed: in every case the detail panel must follow.
    const auto reportCurrent = [this] {
        const quint64 id = currentSessionId();
        if (id != m_current) {
            m_current = id;
            emit currentSessionChanged(id);
        }
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, reportCurrent);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, reportCurrent);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, reportCurrent);
}

quint64 SessionsPanel::currentSessionId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.data(SessionsModel::SessionIdRole).toULongLong() : 0;
}

bool SessionsPanel::selectSession(quint64 sessionId)
{
    const int sourceRow = m_model->rowOfSession(sessionId);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

} // namespace livedeck::admin
