#pragma once
// /dashboard/metrics: events/s, event duration p50/p95/p99, bytes in/out, connections and RSS
// over the last five minutes, and the figures per view class.

#include "dashboard_view.h"

#include <livedeck/widgets/table_state.h>

namespace livedeck::dashboards {

class MetricsView : public DashboardView
{
public:
    MetricsView();

protected:
    void mountPage(const QVariantMap &params) override;
    void pageParams(const QVariantMap &params) override;
    void showFeed(const QVariantMap &feed) override;
    // All of the page's state is in its URL and the feed: its viewers share renders.
    std::optional<QByteArray> pageStateKey() const override { return QByteArray(); }
    void pageEvent(const QString &event, const QVariantMap &value) override;

private:
    widgets::TableState m_classes;
};

} // namespace livedeck::dashboards
