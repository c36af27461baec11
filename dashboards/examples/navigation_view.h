#pragma once
// Example: live navigation — patches within a view (pages, back/forward), navigation to another
// view over the same socket, server-side push_patch / push_navigate, and flash messages.

#include <liveview/live_view.h>

namespace livedeck::examples {

class NavigationView : public liveview::LiveView
{
public:
    void handleParams(const QVariantMap &params, const QUrl &url) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class AboutView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    liveview::Template render() const override;
};

} // namespace livedeck::examples
