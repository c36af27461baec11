#pragma once
// /select: the fixture of select.spec.js.

#include <liveview/live_view.h>

namespace conformance {

// Four selects of one form: error classes after validation (select3 must be above 5), and
// timers that patch the page, change select2's options or select4's value while a select is open.
class SelectLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    void handleInfo(const QVariant &message) override;
    liveview::Template render() const override;

private:
    void showFields();
    void after(int ms, const QVariant &message) const;
};

} // namespace conformance
