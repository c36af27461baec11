// The overview page (see overview_view.h).
#include "overview_view.h"

#include "../feed/dashboard_feed.h"

#include <livedeck/widgets/format.h>

namespace livedeck::dashboards {

DashboardView::Options feedPage(const QString &page, const QString &title, const QString &file)
{
    return {page, title, QStringLiteral("dashboards/") + file, true, DashboardFeed::topic(), [] {
                DashboardFeed *feed = DashboardFeed::instance();
                return feed ? feed->latest() : QVariantMap();
            }};
}

OverviewView::OverviewView()
    : DashboardView(feedPage(QStringLiteral("overview"), QStringLiteral("Overview"),
                             QStringLiteral("overview.heex")))
{
}

void OverviewView::showFeed(const QVariantMap &feed)
{
    const QVariantMap server = feed.value(QStringLiteral("server")).toMap();
    const QVariantMap system = feed.value(QStringLiteral("system")).toMap();
    assign(QStringLiteral("s"), server);
    assign(QStringLiteral("sys"), system);
    assign(QStringLiteral("p99"),
           widgets::formatMs(server.value(QStringLiteral("p99")).toDouble()));
    assign(QStringLiteral("load"),
           QString::number(system.value(QStringLiteral("load1")).toDouble(), 'f', 2));
    assign(QStringLiteral("bytes_in"),
           widgets::formatRate(server.value(QStringLiteral("bytes_in_per_second")).toDouble()));
}

} // namespace livedeck::dashboards
