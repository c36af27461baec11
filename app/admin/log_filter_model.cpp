// Filtering of the live log by level, text and session.
#include "log_filter_model.h"

#include "log_model.h"

namespace livedeck::admin {

LogFilterModel::LogFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void LogFilterModel::setMinimumLevel(liveview::LogLevel level)
{
    if (level == m_minimum)
        return;
    m_minimum = level;
    invalidateRowsFilter();
}

void LogFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

void LogFilterModel::setSessionId(quint64 sessionId)
{
    if (sessionId == m_sessionId)
        return;
    m_sessionId = sessionId;
    invalidateRowsFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *log = qobject_cast<const LogModel *>(sourceModel());
    if (!log || sourceParent.isValid())
        return false;
    const liveview::LogEntry &e = log->entryAt(sourceRow);
    if (int(e.level) < int(m_minimum))
        return false;
    if (m_sessionId != 0 && e.sessionId != m_sessionId)
        return false;
    return m_text.isEmpty() || e.message.contains(m_text, Qt::CaseInsensitive) ||
           e.category.contains(m_text, Qt::CaseInsensitive) ||
           e.event.contains(m_text, Qt::CaseInsensitive);
}

} // namespace livedeck::admin
