// Sorting and filtering of the sessions table.
#include "sessions_proxy_model.h"

#include "sessions_model.h"

namespace livedeck::admin {

SessionsProxyModel::SessionsProxyModel(SessionsModel *sessions, QObject *parent)
    : QSortFilterProxyModel(parent), m_sessions(sessions)
{
    setSourceModel(sessions);
    setDynamicSortFilter(true);
}

void SessionsProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    // Qt 6.4 has no begin/endFilterChange; invalidateRowsFilter() re-filters without re-sorting.
    m_text = trimmed;
    invalidateRowsFilter();
}

bool SessionsProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_sessions->lessThan(left.row(), right.row(), left.column()))
        return true;
    // Equal keys fall back to the id so that equal rows keep a stable order between updates.
    if (m_sessions->lessThan(right.row(), left.row(), left.column()))
        return false;
    return m_sessions->rowAt(left.row()).info.id < m_sessions->rowAt(right.row()).info.id;
}

bool SessionsProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return !sourceParent.isValid() && m_sessions->matches(sourceRow, m_text);
}

} // namespace livedeck::admin
