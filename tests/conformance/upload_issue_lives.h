#pragma once
// Upload fixtures of the suite's issue regressions (/issues/<number>).

#include <liveview/live_view.h>

namespace conformance {

// A live file input whose disabled and class attributes change while it keeps its files.
class Issue4078Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace conformance
