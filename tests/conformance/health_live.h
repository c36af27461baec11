#pragma once
// /health: what Playwright's webServer probe polls until it answers 200.

#include <liveview/live_view.h>

namespace conformance {

class HealthLive : public liveview::LiveView
{
public:
    liveview::Template render() const override
    {
        static const liveview::Template t = liveview::Template::compile(
            QStringLiteral("<p id=\"health\">OK</p>"), QStringLiteral("e2e/health.heex"));
        return t;
    }
};

} // namespace conformance
