#pragma once
// The seven reference scenarios' views, re-made for the engine's own tests: same markup, ids and
// events as LiveDeck's examples (so the assertions read the same), but defined here with inline
// templates, so the engine's suites depend on nothing of the product.

#include <liveview/live_component.h>
#include <liveview/live_view.h>

namespace testviews {

class CounterView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// Registered as the live component module "test-counter".
class CounterComponent : public liveview::LiveComponent
{
public:
    void mount() override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// Two "test-counter" components whose labels the parent changes.
class ComponentView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// Keyed comprehension: append, remove, reverse and rename rows with stable keys.
class KeyedView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

private:
    int m_nextId = 1;
};

} // namespace testviews
