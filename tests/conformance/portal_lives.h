#pragma once
// Fixtures of portal.spec.js (/portal: <.portal> teleporting modals, a tooltip, nested portals, a
// nested LiveView's buttons and a LiveView nested in it) and of the issues 4095, 4107 and 4121
// (/issues/<number>: a portal inside a form, a form teleported out of the view, a stream
// teleported out of the view). The page's components and JS are portal_lives_components.cpp.

#include <liveview/live_component.h>
#include <liveview/live_view.h>

namespace conformance {

// Registers the child views of /portal (LiveView::registerModule), its live component, its
// function components and their template helper (once); call at startup, before views render.
void registerPortalLives();

// The modal page: a modal teleported into the page's #root-portal (and removed with its portal),
// a second one into #app-portal holding a portal in a portal, a tooltip teleported to <body>
// next to one that is not, nested portals, a menu teleported out of a modal that must not count
// as a click away from it, a live component with a stream teleported as a whole (and a button
// it teleports out of itself), and a nested LiveView (with its own teleported button and child
// view). Ticks every second unless `tick=false` (the specs always pass it).
class PortalLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void connected() override;
    void handleParams(const QVariantMap &params, const QUrl &url) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    void handleInfo(const QVariant &message) override;
    liveview::Template render() const override;

private:
    void scheduleTick() const;
    bool m_tick = true;
};

// /portal's nested LiveView: counts its "event"s, sent from its own button and from one it
// teleports to <body>, and teleports a LiveView of its own there.
class PortalNestedLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// The LiveView PortalNestedLive renders inside a portal: a button whose event it ignores.
class PortalNestedTeleportedLive : public liveview::LiveView
{
public:
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// /portal's live component (upstream's PortalLive.LC): a stream it prepends to from its own
// button and from one it teleports to <body> (a hook pushing to it: issue 4101).
class PortalLiveComponent : public liveview::LiveComponent
{
public:
    void update(const QVariantHash &attributes) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// A form whose button is teleported out of it (to a target after the form) and rendered while
// its field is truthy: the patches of changes sent under latency must not mark it skipped.
class Issue4095Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// A plain (non-live) form teleported to <body>, submitted by a button of the view that names it
// with form="...": the page's unload must not remove the form before the browser posts it.
class Issue4107Live : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

// A stream teleported to <body> and reset by an event: the reset reaches the teleported list.
class Issue4121Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace conformance
