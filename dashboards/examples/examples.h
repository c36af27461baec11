#pragma once
// The reference examples, served under /examples/<name>.

#include <liveview/router.h>

namespace livedeck::examples {

void registerExamples(liveview::Router &router);

} // namespace livedeck::examples
