#pragma once
// /js: JS commands on a modal (show/hide/toggle with transitions, set/remove/toggle attributes)
// and JS.ignore_attributes keeping <details open> across patches.

#include <liveview/live_view.h>

namespace conformance {

class JsLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace conformance
