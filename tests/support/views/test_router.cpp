#include "test_router.h"

#include "async_view.h"
#include "navigation_views.h"
#include "probe_views.h"
#include "reference_views.h"

namespace testviews {

void registerTestViews(liveview::Router &router)
{
    router.live<CounterView>(QStringLiteral("/")); // the test application's home page
    router.live<CounterView>(QStringLiteral("/test/counter"));
    router.live<KeyedView>(QStringLiteral("/test/keyed"));
    router.live<ComponentView>(QStringLiteral("/test/component"));
    router.live<NavigationView>(QStringLiteral("/test/navigation"));
    router.live<AboutView>(QStringLiteral("/test/navigation/about"));
    // A second route of NavigationView (patches reach it), and one whose factory names no
    // class: a view of its own as far as patches go.
    router.live<NavigationView>(QStringLiteral("/test/navigation/alias"));
    router.live(QStringLiteral("/test/navigation/anonymous"),
                [] { return std::make_unique<NavigationView>(); });
    router.live<HooksView>(QStringLiteral("/test/hooks"));
    router.live<AsyncView>(QStringLiteral("/test/async"));
    router.live<CrashyView>(QStringLiteral("/test/crashy"));
    router.live<TickerView>(QStringLiteral("/test/ticker"));
    router.live<BadgesView>(QStringLiteral("/test/badges"));
    router.live<ToggleView>(QStringLiteral("/test/toggle"));
    router.live<StreamOpsView>(QStringLiteral("/test/streams"));
    liveview::LiveComponent::registerModule<CounterComponent>(QStringLiteral("test-counter"));
}

std::shared_ptr<liveview::Router> router()
{
    auto r = std::make_shared<liveview::Router>();
    registerTestViews(*r);
    return r;
}

} // namespace testviews
