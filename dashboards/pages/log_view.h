#pragma once
// /dashboard/log: the monitor's log ring (engine categories and the LiveView lifecycle: joins,
// events with durations, crashes, leaves, refusals, admin actions) in a log tail: level and text
// filters, follow/pause.

#include "dashboard_view.h"

namespace livedeck::dashboards {

class LogView : public DashboardView
{
public:
    static constexpr int shownLines = 500;
    LogView();

protected:
    void showFeed(const QVariantMap &feed) override;
};

} // namespace livedeck::dashboards
