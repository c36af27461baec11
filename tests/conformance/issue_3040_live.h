#pragma once
// /issues/3040: a modal closed by click-away.

#include <liveview/live_view.h>

namespace conformance {

// A modal opened by a patch, closed by click-away, Escape or the close button (JS.exec of its
// data-cancel: patch back, then its phx-remove transition); submitting its form keeps it open.
class Issue3040Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleParams(const QVariantMap &params, const QUrl &url) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace conformance
