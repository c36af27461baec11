#pragma once
// The live log: entries appended at the end, the oldest dropped past a capacity, so the model
// never grows without bound while the server logs for days.

#include <liveview/monitor.h>

#include <QAbstractTableModel>

namespace livedeck::admin {

class LogModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Level,
        Category,
        Session,
        Message,
        ColumnCount
    };
    enum Role
    {
        LevelRole = Qt::UserRole + 1, // int(liveview::LogLevel)
        SessionIdRole,
    };

    explicit LogModel(int capacity = 20000, QObject *parent = nullptr);

    // Entries not newer than the last one appended are ignored (a remote source may repeat).
    void append(const QList<liveview::LogEntry> &entries);
    const liveview::LogEntry &entryAt(int row) const { return m_entries.at(row); }
    quint64 lastSeq() const { return m_entries.isEmpty() ? 0 : m_entries.last().seq; }
    // "time level category [session] message", one line per entry, for the clipboard.
    static QString lineOf(const liveview::LogEntry &entry);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    int m_capacity;
    QList<liveview::LogEntry> m_entries;
};

} // namespace livedeck::admin
