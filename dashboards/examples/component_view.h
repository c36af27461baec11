#pragma once
// Example: a view with two stateful live components, each counting its own clicks, and a parent
// button that relabels both through their attributes.

#include <liveview/live_component.h>
#include <liveview/live_view.h>

namespace livedeck::examples {

class CounterComponent : public liveview::LiveComponent
{
public:
    void mount() override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class ComponentView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace livedeck::examples
