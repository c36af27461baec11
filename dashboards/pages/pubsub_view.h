#pragma once
// /dashboard/pubsub: topics with subscribers and rates, presences per topic, and the operator's
// broadcast to a topic (a JSON object; refused when read-only).

#include "dashboard_view.h"

#include <livedeck/widgets/table_state.h>

namespace livedeck::dashboards {

class PubSubView : public DashboardView
{
public:
    PubSubView();

protected:
    void mountPage(const QVariantMap &params) override;
    void pageParams(const QVariantMap &params) override;
    void showFeed(const QVariantMap &feed) override;
    void pageEvent(const QString &event, const QVariantMap &value) override;

private:
    QVariantList rows(const char *key) const;
    void broadcast(const QVariantMap &form);

    widgets::TableState m_topics;
    widgets::TableState m_presences;
};

} // namespace livedeck::dashboards
