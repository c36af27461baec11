#pragma once
// /dashboard: the server at a glance (version, uptime, listen URL, connections against the cap
// and the fd limit, live views, topics, presences, Redis and nodes, RSS) with usage bars.

#include "dashboard_view.h"

namespace livedeck::dashboards {

class OverviewView : public DashboardView
{
public:
    OverviewView();

protected:
    void showFeed(const QVariantMap &feed) override;
    // All of the page's state is in its URL and the feed: its viewers share renders.
    std::optional<QByteArray> pageStateKey() const override { return QByteArray(); }
};

} // namespace livedeck::dashboards
