#pragma once
// /navigation/*: the suite's navigation fixtures (live patch and navigate, history, scroll
// restoration, hash scrolling, before-navigate prevention, the patch redirect loop).

#include <liveview/live_view.h>

namespace conformance {

class NavigationALive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleParams(const QVariantMap &params, const QUrl &url) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// /navigation/b lists 100 streamed items; /navigation/b/:id shows one.
class NavigationBLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleParams(const QVariantMap &params, const QUrl &url) override;
    liveview::Template render() const override;
};

// Patches to itself from handleParams while ?loop is set and it was not mounted with it.
class RedirectLoopLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleParams(const QVariantMap &params, const QUrl &url) override;
    liveview::Template render() const override;
};

// Upstream a controller page in the navigation layout; here a view in a live session of its own,
// so that live navigation to it falls back to a page load as it does for a dead page.
class NavigationDeadLive : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

} // namespace conformance
