#pragma once
// The harness's server side as the engine's own code and tests see it: the endpoint context behind
// a LiveTestApp (routes, token signer, checkpoints). Not part of the public API.

#include "../channel/endpoint_context.h"
#include "liveview/testing/live_view_test.h"

namespace liveview::internal {

class LiveTestAppAccess
{
public:
    static std::shared_ptr<const EndpointContext> context(const testing::LiveTestApp &app)
    {
        return app.m_context;
    }
};

} // namespace liveview::internal
