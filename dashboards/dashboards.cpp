// Routes and feeds of the dashboards and the gallery (see dashboards.h).
#include "dashboards.h"

#include "feed/dashboard_feed.h"
#include "gallery/demo_feed.h"
#include "gallery/gallery_view.h"
#include "pages/log_view.h"
#include "pages/metrics_view.h"
#include "pages/overview_view.h"
#include "pages/pubsub_view.h"
#include "pages/sessions_view.h"
#include "pages/system_view.h"

#include <livedeck/widgets/widgets.h>
#include <liveview/template.h>

namespace livedeck::dashboards {

void registerDashboards(liveview::Router &router, QObject *owner, DashboardSetup setup)
{
    widgets::registerWidgets();
    liveview::TemplateLibrary::addTemplateRoot(QStringLiteral(":/livedeck/templates"));
    liveview::TemplateLibrary::registerComponent(QStringLiteral("dash_nav"),
                                                 QStringLiteral("dashboards/nav.heex"));
    auto *feed = new DashboardFeed(std::make_unique<SystemSampler>(), owner);
    DashboardFeed::setInstance(feed);
    auto *demo = new DemoFeed(owner);
    DemoFeed::setInstance(demo);
    if (setup.startFeeds) {
        feed->start();
        demo->start();
    }
    router.live<OverviewView>(QStringLiteral("/dashboard"));
    router.live<SystemView>(QStringLiteral("/dashboard/system"));
    router.live<SessionsView>(QStringLiteral("/dashboard/sessions"));
    router.live<PubSubView>(QStringLiteral("/dashboard/pubsub"));
    router.live<LogView>(QStringLiteral("/dashboard/log"));
    router.live<MetricsView>(QStringLiteral("/dashboard/metrics"));
    router.live<GalleryView>(QStringLiteral("/widgets"));
}

} // namespace livedeck::dashboards
