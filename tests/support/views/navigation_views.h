#pragma once
// Live navigation for the engine's tests: patches within a view, navigation to another view with a
// flash, and a view whose hook pushes events and gets replies.

#include <liveview/live_view.h>

namespace testviews {

// Pages of one view: /test/navigation?page=N (patch), a jump (server patch) and a navigation
// with a flash to AboutView.
class NavigationView : public liveview::LiveView
{
public:
    void handleParams(const QVariantMap &params, const QUrl &uri) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class AboutView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    liveview::Template render() const override;
};

// Answers the "ping" a hook pushes with a reply and pushes a "highlight" event back.
class HooksView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace testviews
