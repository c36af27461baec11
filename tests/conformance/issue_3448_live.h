#pragma once
// /issues/3448: focus kept across the patch of a locked form.

#include <liveview/live_view.h>

namespace conformance {

// A checkbox whose click dispatches input and focuses #search: the patch of the locked form
// must leave the focus there.
class Issue3448Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace conformance
