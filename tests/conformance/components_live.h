#pragma once
// /components: the fixture of components.spec.js.

#include <liveview/live_view.h>

namespace conformance {

// <.focus_wrap> in a dropdown opened by JS.toggle + JS.focus_first and in a plain container,
// shown by a patch-selected tab.
class ComponentsLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleParams(const QVariantMap &params, const QUrl &url) override;
    liveview::Template render() const override;
};

} // namespace conformance
