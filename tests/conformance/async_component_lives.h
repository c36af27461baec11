#pragma once
// Issue fixtures (/issues/<number>) around async results: live components loading their own
// assigns in the background (3941), and a keyed list in a live component fed by a view's async
// result (4027). The number is the Phoenix LiveView issue whose spec drives the fixture.

#include <liveview/live_component.h>
#include <liveview/live_view.h>

namespace conformance {

// Registers the live component modules and function components of these fixtures (once, at
// startup, with the other fixture components).
void registerAsyncComponentLives();

// Checkboxes choose which items show; each item is a component whose nested header component
// loads in the background, and whose hook pushes an event when it mounts: the header's
// component-only patch must survive the item's tree being locked by that event.
class Issue3941Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void connected() override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

private:
    void assignSelected(QStringList selected);
};

class Issue3941Item : public liveview::LiveComponent
{
public:
    void update(const QVariantHash &attributes) override;
    liveview::Template render() const override;
};

class Issue3941ItemHeader : public liveview::LiveComponent
{
public:
    void update(const QVariantHash &attributes) override;
    liveview::Template render() const override;
};

// An async result loaded again (and again, one entry shorter) feeds a live component's keyed
// list: directly (?case=first) or as the async result itself (?case=second).
class Issue4027Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    void handleAsync(const QString &name, const QVariant &result, const QString &error) override;
    liveview::Template render() const override;
};

class Issue4027ReproComponent : public liveview::LiveComponent
{
public:
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class Issue4027ReproAsyncComponent : public liveview::LiveComponent
{
public:
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace conformance
