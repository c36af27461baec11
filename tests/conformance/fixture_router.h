#pragma once
// The routes of LiveView's e2e suite that this fixture server re-creates, in their live sessions.

#include <liveview/router.h>

#include <memory>

namespace conformance {

// Registers the fixtures' live components and template components (once per process).
void registerFixtureComponents();
std::shared_ptr<liveview::Router> fixtureRouter();

} // namespace conformance
