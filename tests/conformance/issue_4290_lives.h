#pragma once
// /issues/4290/a and /b: no event of a view being replaced reaches the view replacing it.

#include <liveview/live_view.h>

namespace conformance {

// Navigates to B while a phx-remove transition keeps A on the page; A's form stays usable.
class Issue4290ALive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// Lists every event it receives (none may come from A).
class Issue4290BLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace conformance
