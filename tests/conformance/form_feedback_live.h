#pragma once
// /form/feedback: the phx-feedback-for test of forms.spec.js.

#include <liveview/live_view.h>

namespace conformance {

// phx-feedback-for kept working by the page's DOM callbacks (the shim of LiveView 1.0): counts
// of clicks, validations and submits, and a feedback element whose attribute can be toggled.
class FormFeedbackLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace conformance
