#pragma once
// The central sessions table with its filter box; tells which session is current.

#include <QWidget>

class QLineEdit;
class QTreeView;

namespace livedeck::admin {

class SessionsModel;
class SessionsProxyModel;

class SessionsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit SessionsPanel(SessionsModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    SessionsProxyModel *proxy() const { return m_proxy; }

    // 0 when none.
    quint64 currentSessionId() const;
    // Makes a session current and scrolls to it; false if it is unknown or filtered out.
    bool selectSession(quint64 sessionId);

signals:
    void currentSessionChanged(quint64 sessionId);

private:
    SessionsModel *m_model;
    SessionsProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_view;
    quint64 m_current = 0;
};

} // namespace livedeck::admin
