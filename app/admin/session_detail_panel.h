#pragma once
// One session up close: who and where, its PubSub topics, its recent events with durations and
// its log lines.

#include <liveview/monitor.h>

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QTreeWidget;

namespace livedeck::admin {

class SessionDetailPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit SessionDetailPanel(QWidget *parent = nullptr);

    quint64 sessionId() const { return m_sessionId; }
    // Shows "no session selected" for 0; the detail itself arrives through showDetail().
    void setSessionId(quint64 sessionId);
    // Ignored unless it is about the session shown (answers may arrive after the user moved on).
    void showDetail(const liveview::SessionInfo &session, const QList<liveview::LogEntry> &log);

    QTreeWidget *eventsView() const { return m_events; }
    QListWidget *topicsView() const { return m_topics; }
    QPlainTextEdit *logView() const { return m_log; }

private:
    quint64 m_sessionId = 0;
    QLabel *m_header;
    QListWidget *m_topics;
    QTreeWidget *m_events;
    QPlainTextEdit *m_log;
};

} // namespace livedeck::admin
