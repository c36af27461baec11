#pragma once
// /issues/4350: the view and its two nested live components.

#include <liveview/live_component.h>
#include <liveview/live_view.h>

namespace conformance {

// A component removed and shown again before cids_destroyed: its child, which change tracking
// no longer renders, must come back with it.
class Issue4350Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class Issue4350Branch : public liveview::LiveComponent
{
public:
    liveview::Template render() const override;
};

class Issue4350Leaf : public liveview::LiveComponent
{
public:
    void mount() override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace conformance
