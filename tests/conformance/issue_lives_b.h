#pragma once
// Issue fixtures of the suite (/issues/<number>) built around live components: the number is the
// Phoenix LiveView issue whose spec drives the fixture.

#include <liveview/live_component.h>
#include <liveview/live_view.h>

namespace conformance {

// Registers the live component modules and function components these fixtures render (once, at
// startup, with the other fixture components).
void registerIssueLivesBComponents();

// A live component removed and rendered again while the client is still destroying it.
class Issue3026Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void connected() override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    void handleInfo(const QVariant &message) override;
    liveview::Template render() const override;
};

class Issue3026Form : public liveview::LiveComponent
{
public:
    liveview::Template render() const override;
};

// Live components whose root holds a static-only function component, updated after the join and
// after a live navigation to the same view.
class Issue3117Live : public liveview::LiveView
{
public:
    void connected() override;
    void handleAsync(const QString &name, const QVariant &result, const QString &error) override;
    liveview::Template render() const override;
};

class Issue3117Row : public liveview::LiveComponent
{
public:
    void mount() override;
    void update(const QVariantHash &attributes) override;
    liveview::Template render() const override;
};

// Patches in a burst, each one replacing the live component by one with another id.
class Issue3709Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleParams(const QVariantMap &params, const QUrl &url) override;
    liveview::Template render() const override;
};

class Issue3709Component : public liveview::LiveComponent
{
public:
    liveview::Template render() const override;
};

// Live components whose root id changes, then updated with send_update a moment later: none
// may be destroyed meanwhile (cids 1..10 stay on the page).
class Issue3979Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    void handleAsync(const QString &name, const QVariant &result, const QString &error) override;
    liveview::Template render() const override;
};

class Issue3979Component : public liveview::LiveComponent
{
public:
    liveview::Template render() const override;
};

// A live component whose root element (a hooked one) changes its id together with its children.
class Issue4334Live : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

class Issue4334Component : public liveview::LiveComponent
{
public:
    void mount() override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace conformance
