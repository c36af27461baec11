#pragma once
// /dashboard/sessions: the monitor's session table (sortable, filterable, paged; state in the
// URL), a session's detail (topics, recent events with durations), and the operator's actions:
// disconnect a session or every session of a user (confirmed first, refused when read-only).

#include "dashboard_view.h"

#include <livedeck/widgets/table_state.h>

namespace livedeck::dashboards {

class SessionsView : public DashboardView
{
public:
    SessionsView();

protected:
    void mountPage(const QVariantMap &params) override;
    void pageParams(const QVariantMap &params) override;
    void showFeed(const QVariantMap &feed) override;
    void pageEvent(const QString &event, const QVariantMap &value) override;

private:
    QVariantList sessionRows() const;
    void showDetail();
    void askToConfirm(const QString &action, const QString &target);
    void confirm();

    widgets::TableState m_table;
    quint64 m_selected = 0;
    QString m_pendingAction; // "session" or "user" while the confirmation is open
    QString m_pendingTarget;
};

} // namespace livedeck::dashboards
