#pragma once
// The sessions table: one row per live view the monitor reports, kept in place across snapshots
// (diffed by session id) so that 20,000 rows update without losing selection or scroll position.

#include "keyed_table_model.h"

#include <liveview/monitor.h>

namespace livedeck::admin {

struct SessionRow
{
    liveview::SessionInfo info;
    // Precomputed because filtering 20,000 rows must not format addresses again and again.
    QString idText;
    QString remoteText;
    QString userSortKey; // case-folded once: a case-insensitive compare per comparison is slow
};

class SessionsModel final : public KeyedTableModel<SessionRow>
{
    Q_OBJECT
public:
    enum Column
    {
        Id,
        Route,
        View,
        User,
        Remote,
        Connected,
        HeartbeatRtt,
        Events,
        BytesIn,
        BytesOut,
        LastDiff,
        Node,
        State,
        ColumnCount
    };
    enum Role
    {
        SessionIdRole = Qt::UserRole + 1,
        SortRole, // the raw value a column sorts by
    };

    explicit SessionsModel(QObject *parent = nullptr);
    ~SessionsModel() override;

    // `now` is the snapshot's clock: uptimes (in tooltips) follow it, not the GUI's. With a step
    // size set and more rows than one step, the update continues over later event-loop passes (the
    // rows are consistent after each); a snapshot arriving meanwhile waits for it to finish, and
    // only the newest one waiting is applied.
    void setSessions(QList<liveview::SessionInfo> sessions, const QDateTime &now);
    // Rows compared or appended per event-loop pass; 0 (the default) does each update at once.
    void setStepRows(int rows) { m_stepRows = rows; }
    bool isUpdating() const { return m_update != nullptr; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Row of a session, or -1.
    int rowOfSession(quint64 sessionId) const;
    // Direct comparisons and matching for the proxy: no QVariant per call (sorting 20,000 rows).
    bool lessThan(int leftRow, int rightRow, int column) const;
    bool matches(int row, const QString &text) const;

signals:
    // The update goes on over later event-loop passes (the table is larger than one step).
    void updateSpansPasses();
    // The last setSessions() is fully applied.
    void updateFinished();

private:
    class Update;
    void continueUpdate();

    QVariant displayData(const SessionRow &row, int column) const;
    QVariant sortData(const SessionRow &row, int column) const;

    std::unique_ptr<Update> m_update;
    QDateTime m_pendingNow;
    int m_stepRows = 0;
    bool m_continueQueued = false;
    bool m_spansPasses = false;
    QList<liveview::SessionInfo> m_waiting;
    QDateTime m_waitingNow;
    bool m_haveWaiting = false;
    QDateTime m_now;
    mutable QHash<quint64, int> m_rowOfSession; // rebuilt on demand after a change
    mutable bool m_rowIndexValid = false;
};

} // namespace livedeck::admin
