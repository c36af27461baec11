#pragma once
// Fixtures of the suite's issue regressions that render nested live views (<.live_render>):
// issues 3530, 3681, 3953, 4209 and 4359 (/issues/<number>). The child views are registered by
// name (LiveView::registerModule) in registerNestedIssueLivesC(); the parents and the pages they
// live on are routed in fixture_router.cpp.

#include <liveview/live_component.h>
#include <liveview/live_view.h>

namespace conformance {

// Registers the child view modules, live components and function components of these fixtures
// (once); call at startup, before views render.
void registerNestedIssueLivesC();

// --- issue 3681 (outside every live session upstream) ---

// A page whose layout (inlined here) holds a sticky child with a stream; it links to a page
// whose own stream shares the child's stream ref.
class Issue3681Live : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

// The same layout around a stream configured twice in mount (the second time with reset): its
// first render holds the item once, and the sticky child's stream is not reset by it.
class Issue3681AwayLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    liveview::Template render() const override;
};

// The sticky child: a stream of three messages under the same stream ref as the page's.
class Issue3681StickyLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    liveview::Template render() const override;
};

// --- issue 3953 ---

// A live component next to a toggled child view that renders a live component of its own: the
// child's component ids are its own (cid 1 again after each toggle).
class Issue3953Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class Issue3953NestedViewLive : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

class Issue3953Component : public liveview::LiveComponent
{
public:
    liveview::Template render() const override;
};

// --- issue 4209 ---

// A hooked panel (a function component's single root) pushes an event to a slow child view;
// while the panel is locked by it, the child has the parent bump a counter outside the panel
// and send_update the component inside it.
class Issue4209Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleInfo(const QVariant &message) override;
    liveview::Template render() const override;
};

class Issue4209ChildComponent : public liveview::LiveComponent
{
public:
    liveview::Template render() const override;
};

// Tells its parent twice, then takes 800 ms to answer (upstream: Process.sleep(800)).
class Issue4209SlowTargetLive : public liveview::LiveView
{
public:
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// --- issue 4359 ---

// Once connected (and without done=1), the parent spends 2 s on a message while the client
// joins its child, then navigates to itself with done=1.
class Issue4359Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void connected() override;
    void handleInfo(const QVariant &message) override;
    liveview::Template render() const override;

private:
    bool m_done = false;
};

class Issue4359ChildLive : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

// --- issue 3530 (outside every live session upstream) ---

// A stream whose items are child views with a hook each; patches reset the stream to other
// items and an event inserts one: only the children that leave or arrive are destroyed or
// mounted.
class Issue3530Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleParams(const QVariantMap &params, const QUrl &url) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class Issue3530NestedLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    liveview::Template render() const override;
};

} // namespace conformance
