#pragma once
// The engine tests' routes: /test/<name> for every view in tests/support/views, plus the
// live component module "test-counter", and an asset root (":/testviews/assets") for tests that
// serve pages over real sockets.

#include <liveview/router.h>

#include <memory>

namespace testviews {

void registerTestViews(liveview::Router &router);
std::shared_ptr<liveview::Router> router();

// Where the test views' static files are embedded (site.css), for EndpointOptions::assetRoots.
inline constexpr const char *assetRoot = ":/testviews/assets";

} // namespace testviews
