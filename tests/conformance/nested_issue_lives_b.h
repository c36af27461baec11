#pragma once
// Issue fixtures of the suite (/issues/<number>) built around nested and sticky live views
// (<.live_render>): the number is the Phoenix LiveView issue whose spec drives the fixture. The
// child views are registered by name (registerNestedIssueLivesB) and never routed.

#include <liveview/live_view.h>

namespace conformance {

// Registers the child view modules and the function components of these fixtures (once, at
// startup, with the other fixture components).
void registerNestedIssueLivesB();

// /issues/3047/a and /b: a stream in a sticky child keeps its items across live navigation; both
// pages render upstream's per-mount layout (links, the page, the sticky child) inline.
class Issue3047ALive : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

class Issue3047BLive : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

// The sticky child of 3047: ten stream items, a reset to items 5 to 15.
class Issue3047StickyLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// /issues/3656: phx-click-loading leaves a navigate link of a sticky child once the page changed.
class Issue3656Live : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

class Issue3656StickyLive : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

// /issues/3378: a stream two nested views deep (page > app bar > notifications) rejoins cleanly.
class Issue3378HomeLive : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

class Issue3378AppBarLive : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

class Issue3378NotificationsLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    liveview::Template render() const override;
};

// /issues/3496/a and /b: one hooked element id, in a sticky child on A and in the page on B; the
// hook mounts once on each. A's layout holds the sticky child, B's does not (both inline).
class Issue3496ALive : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

class Issue3496BLive : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

class Issue3496StickyLive : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

// /issues/3612/a and /b: a sticky child's push_navigate moves the page and the child stays joined.
class Issue3612ALive : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

class Issue3612BLive : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

class Issue3612StickyLive : public liveview::LiveView
{
public:
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// /issues/3658: an element with phx-remove inside a sticky child survives live navigation.
class Issue3658Live : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

class Issue3658StickyLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    liveview::Template render() const override;
};

} // namespace conformance
