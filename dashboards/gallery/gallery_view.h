#pragma once
// /widgets: every widget live on made-up data (DemoFeed), the page the README's screenshots come
// from and the reference for an application building its own dashboard page.

#include "../pages/dashboard_view.h"

#include <livedeck/widgets/table_state.h>

namespace livedeck::dashboards {

class GalleryView : public DashboardView
{
public:
    GalleryView();

protected:
    void mountPage(const QVariantMap &params) override;
    void pageParams(const QVariantMap &params) override;
    void showFeed(const QVariantMap &feed) override;
    void pageEvent(const QString &event, const QVariantMap &value) override;
    void pageInfo(const QVariant &message) override;

private:
    void showTable();
    widgets::TableState m_services;
    int m_toasts = 0;
};

} // namespace livedeck::dashboards
