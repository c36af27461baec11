#pragma once
// Which log lines the Log panel shows: a minimum level, a text, and optionally one session.

#include <liveview/monitor.h>

#include <QSortFilterProxyModel>

namespace livedeck::admin {

class LogFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilterModel(QObject *parent = nullptr);

    void setMinimumLevel(liveview::LogLevel level);
    void setText(const QString &text);
    // 0 shows every session's lines.
    void setSessionId(quint64 sessionId);
    quint64 sessionId() const { return m_sessionId; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    liveview::LogLevel m_minimum = liveview::LogLevel::Debug;
    QString m_text;
    quint64 m_sessionId = 0;
};

} // namespace livedeck::admin
