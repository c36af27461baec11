#pragma once
// /issues/3169: the view and its three nested live components.

#include <liveview/live_component.h>
#include <liveview/live_view.h>

namespace conformance {

// A selection empties a component, then a send_update fills it again: nested components (and
// function components inside them) come back onto the page.
class Issue3169Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class Issue3169FormComponent : public liveview::LiveComponent
{
public:
    void mount() override;
    void update(const QVariantHash &attributes) override;
    liveview::Template render() const override;
};

class Issue3169FormCore : public liveview::LiveComponent
{
public:
    void mount() override;
    void update(const QVariantHash &attributes) override;
    liveview::Template render() const override;
};

class Issue3169FormColumn : public liveview::LiveComponent
{
public:
    liveview::Template render() const override;
};

} // namespace conformance
