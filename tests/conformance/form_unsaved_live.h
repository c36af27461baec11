#pragma once
// /form-unsaved and its navigation target: the fixtures of form-unsaved.spec.js.

#include <liveview/live_view.h>

namespace conformance {

// A form whose unsaved state (data-dirty) lets the page's script cancel live navigation and
// unloading.
class FormUnsavedLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class FormUnsavedTargetLive : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

} // namespace conformance
