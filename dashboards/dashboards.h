#pragma once
// LiveDeck's ready-made pages: the dashboards under /dashboard (overview, system, sessions,
// pubsub, log, metrics; operator pages) and the widget gallery at /widgets.

#include <liveview/router.h>

#include <QByteArray>
#include <QObject>

namespace livedeck::dashboards {

struct DashboardSetup
{
    // Start the once-a-second sampler and the gallery's made-up data now (the program does; tests
    // drive the feeds themselves with sampleNow()).
    bool startFeeds = true;
};

// Registers the widgets, the routes and the feeds (owned by `owner`, on its thread). Call once,
// at startup, on the main thread.
void registerDashboards(liveview::Router &router, QObject *owner, DashboardSetup setup = {});

} // namespace livedeck::dashboards
