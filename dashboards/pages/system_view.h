#pragma once
// /dashboard/system: CPU per core and in total, load, memory and swap, disk use per mount and
// disk I/O, network per interface; from the shared once-a-second sampler, with its history.

#include "dashboard_view.h"

#include <livedeck/widgets/table_state.h>

namespace livedeck::dashboards {

class SystemView : public DashboardView
{
public:
    SystemView();

protected:
    void mountPage(const QVariantMap &params) override;
    void pageParams(const QVariantMap &params) override;
    void showFeed(const QVariantMap &feed) override;
    // All of the page's state is in its URL and the feed: its viewers share renders.
    std::optional<QByteArray> pageStateKey() const override { return QByteArray(); }
    void pageEvent(const QString &event, const QVariantMap &value) override;

private:
    void showInterfaces();
    widgets::TableState m_interfaces;
};

} // namespace livedeck::dashboards
