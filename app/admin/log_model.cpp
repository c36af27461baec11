// The live log model.
#include "log_model.h"

#include "display_format.h"

#include <QBrush>
#include <QColor>

namespace livedeck::admin {

LogModel::LogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent), m_capacity(qMax(1, capacity))
{
}

void LogModel::append(const QList<liveview::LogEntry> &entries)
{
    const quint64 after = lastSeq();
    qsizetype firstNew = 0;
    while (firstNew < entries.size() && entries.at(firstNew).seq <= after)
        ++firstNew;
    // More new entries than fit: only the newest count.
    firstNew = qMax(firstNew, entries.size() - m_capacity);
    const qsizetype added = entries.size() - firstNew;
    if (added <= 0)
        return;
    const qsizetype overflow = m_entries.size() + added - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow) - 1);
        m_entries.remove(0, overflow);
        endRemoveRows();
    }
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + added) - 1);
    m_entries.append(entries.mid(firstNew));
    endInsertRows();
}

QString LogModel::lineOf(const liveview::LogEntry &e)
{
    QString line = e.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")) + u' ' +
                   liveview::logLevelName(e.level) + u' ' + e.category;
    if (e.sessionId != 0)
        line += QStringLiteral(" [%1]").arg(e.sessionId);
    line += u' ' + e.message;
    if (e.durationMs >= 0)
        line += QStringLiteral(" (%1)").arg(formatMilliseconds(e.durationMs));
    return line;
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const liveview::LogEntry &e = m_entries.at(index.row());
    switch (role) {
    case LevelRole:
        return int(e.level);
    case SessionIdRole:
        return QVariant::fromValue(e.sessionId);
    case Qt::ForegroundRole:
        if (e.level == liveview::LogLevel::Critical)
            return QBrush(QColor(210, 40, 40));
        if (e.level == liveview::LogLevel::Warning)
            return QBrush(QColor(200, 120, 0));
        if (e.level == liveview::LogLevel::Debug)
            return QBrush(QColor(128, 128, 128));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Time:
        return e.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case Level:
        return liveview::logLevelName(e.level);
    case Category:
        return e.category;
    case Session:
        return e.sessionId == 0 ? QString() : QString::number(e.sessionId);
    case Message:
        return e.durationMs >= 0
                   ? QStringLiteral("%1 (%2)").arg(e.message, formatMilliseconds(e.durationMs))
                   : e.message;
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const titles[] = {"Time", "Level", "Category", "Session", "Message"};
    static_assert(std::size(titles) == ColumnCount);
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

} // namespace livedeck::admin
