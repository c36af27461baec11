// The sessions table model: diffing by session id, display, sorting and text matching.
#include "sessions_model.h"

#include "display_format.h"

#include <QBrush>
#include <QColor>

namespace livedeck::admin {
namespace {

quint64 keyOfRow(const SessionRow &row)
{
    return row.info.id;
}

quint64 keyOfSession(const liveview::SessionInfo &session)
{
    return session.id;
}

// Only what a column shows or sorts by: other changes (e.g. recent events) cost no repaint.
bool sameShownFields(const SessionRow &a, const liveview::SessionInfo &y)
{
    const liveview::SessionInfo &x = a.info;
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

// A session keeps its id and address: their texts are made once, not on every update.
SessionRow makeRow(const liveview::SessionInfo &session, const SessionRow *previous)
{
    SessionRow row;
    row.info = session;
    if (previous) {
        row.idText = previous->idText;
        row.remoteText = previous->remoteText;
    } else {
        row.idText = QString::number(session.id);
        row.remoteText = session.remoteAddress.toString();
    }
    row.userSortKey = previous && previous->info.user == session.user ? previous->userSortKey
                                                                      : session.user.toCaseFolded();
    return row;
}

} // namespace

class SessionsModel::Update : public KeyedRowsUpdate<SessionRow, liveview::SessionInfo,
                                                     decltype(&keyOfRow), decltype(&keyOfSession),
                                                     decltype(&sameShownFields), decltype(&makeRow)>
{
public:
    Update(QList<SessionRow> &rows, QList<liveview::SessionInfo> sessions)
        : KeyedRowsUpdate(rows, std::move(sessions), &keyOfRow, &keyOfSession, &sameShownFields,
                          &makeRow)
    {
    }
};

SessionsModel::SessionsModel(QObject *parent) : KeyedTableModel<SessionRow>(parent)
{
}

SessionsModel::~SessionsModel() = default;

void SessionsModel::setSessions(QList<liveview::SessionInfo> sessions, const QDateTime &now)
{
    if (m_update) {
        // The update under way finishes first (restarting it each time a snapshot arrives could
        // starve a busy GUI of complete tables); only the newest waiting snapshot is kept.
        m_waiting = std::move(sessions);
        m_waitingNow = now;
        m_haveWaiting = true;
        return;
    }
    m_update = std::make_unique<Update>(mutableRows(), std::move(sessions));
    m_pendingNow = now;
    continueUpdate();
}

void SessionsModel::continueUpdate()
{
    m_continueQueued = false;
    if (!m_update)
        return;
    const bool stepwise = m_stepRows > 0;
    const qsizetype budget =
        stepwise ? qsizetype(m_stepRows) : std::numeric_limits<qsizetype>::max();
    for (;;) {
        const qsizetype before = rows().size();
        const bool done = m_update->step(budget, notifier());
        // Removals and appends move rows; comparing replaces them in place.
        if (rows().size() != before)
            m_rowIndexValid = false;
        if (done)
            break;
        if (stepwise) {
            // The rest in later passes of the event loop: painting and input get their turn.
            if (!m_continueQueued) {
                if (!m_spansPasses) {
                    m_spansPasses = true;
                    emit updateSpansPasses();
                }
                m_continueQueued = true;
                QMetaObject::invokeMethod(this, &SessionsModel::continueUpdate,
                                          Qt::QueuedConnection);
            }
            return;
        }
    }
    m_update.reset();
    // Only the tooltip's uptime follows the clock: a column changing in all 20,000 rows every
    // second would cost a signal per row through a sorted proxy.
    m_now = m_pendingNow;
    m_spansPasses = false;
    emit updateFinished();
    if (m_haveWaiting) {
        m_haveWaiting = false;
        setSessions(std::exchange(m_waiting, {}), m_waitingNow);
    }
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
        if (column == Connected) {
            const QDateTime end =
                isEnded(row.info) && row.info.endedAt.isValid() ? row.info.endedAt : m_now;
            return tr("%1, up %2")
                .arg(row.info.connectedSince.toLocalTime().toString(Qt::ISODate),
                     formatDuration(row.info.connectedSince.secsTo(end)));
        }
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
        // Today's sessions show the time only; older ones their date too.
        const QDateTime local = s.connectedSince.toLocalTime();
        return local.date() == m_now.toLocalTime().date()
                   ? local.toString(QStringLiteral("HH:mm:ss"))
                   : local.toString(QStringLiteral("MM-dd HH:mm"));
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
        return s.connectedSince;
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
                                         "Since",     "Heartbeat", "Events", "In",   "Out",
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
        return rowAt(leftRow).userSortKey < rowAt(rightRow).userSortKey;
    case Remote:
        return rowAt(leftRow).remoteText < rowAt(rightRow).remoteText;
    case Connected:
        return a.connectedSince < b.connectedSince;
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
