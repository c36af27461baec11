// The sessions table model: diffing by session id, display, sorting and text matching.
#include "sessions_model.h"

#include "display_format.h"

#include <QBrush>
#include <QColor>

namespace livedeck::admin {
namespace {

// Only what a column shows or sorts by: other changes (e.g. recent events) cost no repaint.
bool sameShownFields(const SessionRow &a, const SessionRow &b)
{
    const liveview::SessionInfo &x = a.info;
    const liveview::SessionInfo &y = b.info;
    return x.events == y.events && x.bytesIn == y.bytesIn && x.bytesOut == y.bytesOut &&
           x.lastDiffBytes == y.lastDiffBytes && x.heartbeatRttMs == y.heartbeatRttMs &&
           x.state == y.state && x.user == y.user && x.route == y.route && x.path == y.path &&
           x.viewClass == y.viewClass && x.node == y.node && x.restarts == y.restarts &&
           x.connectedSince == y.connectedSince && x.endReason == y.endReason &&
           x.topics == y.topics;
}

bool isEnded(const liveview::SessionInfo &s)
{
    return s.state == liveview::SessionState::Left || s.state == liveview::SessionState::Crashed;
}

} // namespace

SessionsModel::SessionsModel(QObject *parent) : KeyedTableModel<SessionRow>(parent)
{
}

void SessionsModel::setSessions(QList<liveview::SessionInfo> sessions, const QDateTime &now)
{
    QList<SessionRow> incoming;
    incoming.reserve(sessions.size());
    for (liveview::SessionInfo &s : sessions) {
        SessionRow row;
        row.idText = QString::number(s.id);
        row.remoteText = s.remoteAddress.toString();
        row.info = std::move(s);
        incoming.append(std::move(row));
    }
    const qsizetype before = rows().size();
    replaceRows(
        std::move(incoming), [](const SessionRow &r) { return r.info.id; }, sameShownFields);
    if (rows().size() != before)
        m_rowIndexValid = false;
    const bool clockMoved = m_now != now;
    m_now = now;
    if (clockMoved)
        columnsChanged(Connected, Connected);
}

int SessionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SessionRow &row = rowAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case SortRole:
        return sortData(row, column);
    case SessionIdRole:
        return QVariant::fromValue(row.info.id);
    case Qt::TextAlignmentRole:
        if (column == Id || (column >= HeartbeatRtt && column <= LastDiff))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (isEnded(row.info))
            return QBrush(QColor(128, 128, 128));
        if (row.info.state == liveview::SessionState::Restarted && column == State)
            return QBrush(QColor(200, 120, 0));
        return {};
    case Qt::ToolTipRole:
        if (column == Connected)
            return row.info.connectedSince.toLocalTime().toString(Qt::ISODate);
        if (column == Route)
            return row.info.path;
        if (column == State && !row.info.endReason.isEmpty())
            return row.info.endReason;
        if (column == Remote)
            return row.info.userAgent;
        return {};
    default:
        return {};
    }
}

QVariant SessionsModel::displayData(const SessionRow &row, int column) const
{
    const liveview::SessionInfo &s = row.info;
    switch (column) {
    case Id:
        return row.idText;
    case Route:
        return s.route;
    case View:
        return s.viewClass;
    case User:
        return s.user;
    case Remote:
        return row.remoteText;
    case Connected: {
        const QDateTime end = isEnded(s) && s.endedAt.isValid() ? s.endedAt : m_now;
        return formatDuration(s.connectedSince.secsTo(end));
    }
    case HeartbeatRtt:
        return s.heartbeatRttMs < 0 ? QStringLiteral("–")
                                    : QStringLiteral("%1 ms").arg(s.heartbeatRttMs);
    case Events:
        return QString::number(s.events);
    case BytesIn:
        return formatBytes(double(s.bytesIn));
    case BytesOut:
        return formatBytes(double(s.bytesOut));
    case LastDiff:
        return formatBytes(double(s.lastDiffBytes));
    case Node:
        return s.node;
    case State:
        return liveview::sessionStateName(s.state);
    }
    return {};
}

QVariant SessionsModel::sortData(const SessionRow &row, int column) const
{
    const liveview::SessionInfo &s = row.info;
    switch (column) {
    case Id:
        return QVariant::fromValue(s.id);
    case Connected:
        return s.connectedSince.secsTo(m_now);
    case HeartbeatRtt:
        return s.heartbeatRttMs;
    case Events:
        return QVariant::fromValue(s.events);
    case BytesIn:
        return QVariant::fromValue(s.bytesIn);
    case BytesOut:
        return QVariant::fromValue(s.bytesOut);
    case LastDiff:
        return QVariant::fromValue(s.lastDiffBytes);
    case State:
        return int(s.state);
    default:
        return displayData(row, column);
    }
}

QVariant SessionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const titles[] = {"Id",        "Route",     "View",   "User", "Remote",
                                         "Uptime",    "Heartbeat", "Events", "In",   "Out",
                                         "Last diff", "Node",      "State"};
    static_assert(std::size(titles) == ColumnCount);
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

int SessionsModel::rowOfSession(quint64 sessionId) const
{
    if (!m_rowIndexValid) {
        m_rowOfSession.clear();
        m_rowOfSession.reserve(rows().size());
        for (int i = 0; i < rows().size(); ++i)
            m_rowOfSession.insert(rows().at(i).info.id, i);
        m_rowIndexValid = true;
    }
    return m_rowOfSession.value(sessionId, -1);
}

bool SessionsModel::lessThan(int leftRow, int rightRow, int column) const
{
    const liveview::SessionInfo &a = rowAt(leftRow).info;
    const liveview::SessionInfo &b = rowAt(rightRow).info;
    switch (column) {
    case Id:
        return a.id < b.id;
    case Route:
        return a.route < b.route;
    case View:
        return a.viewClass < b.viewClass;
    case User:
        return QString::compare(a.user, b.user, Qt::CaseInsensitive) < 0;
    case Remote:
        return rowAt(leftRow).remoteText < rowAt(rightRow).remoteText;
    case Connected: // the column shows uptime: ascending means the newest session first
        return a.connectedSince > b.connectedSince;
    case HeartbeatRtt:
        return a.heartbeatRttMs < b.heartbeatRttMs;
    case Events:
        return a.events < b.events;
    case BytesIn:
        return a.bytesIn < b.bytesIn;
    case BytesOut:
        return a.bytesOut < b.bytesOut;
    case LastDiff:
        return a.lastDiffBytes < b.lastDiffBytes;
    case Node:
        return a.node < b.node;
    case State:
        return int(a.state) < int(b.state);
    }
    return a.id < b.id;
}

bool SessionsModel::matches(int row, const QString &text) const
{
    if (text.isEmpty())
        return true;
    const SessionRow &r = rowAt(row);
    const liveview::SessionInfo &s = r.info;
    const auto has = [&text](const QString &field) {
        return field.contains(text, Qt::CaseInsensitive);
    };
    return has(r.idText) || has(s.route) || has(s.path) || has(s.viewClass) || has(s.user) ||
           has(r.remoteText) || has(s.node) || has(liveview::sessionStateName(s.state));
}

} // namespace livedeck::admin
