#pragma once
// /issues/4066: the view and its live component with a hooked input.

#include <liveview/live_component.h>
#include <liveview/live_view.h>

namespace conformance {

// A hooked input in a component that pushes to the component some time after each input; the
// component is removed before that: the view must not crash (nor remount).
class Issue4066Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class Issue4066Component : public liveview::LiveComponent
{
public:
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace conformance
