#pragma once
// /stream/inside-for: the stream inside a comprehension of streams.spec.js.

#include <liveview/live_view.h>

namespace conformance {

// A stream filled by an async result and rendered inside a one-item comprehension.
class StreamInsideForLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void connected() override;
    void handleAsync(const QString &name, const QVariant &result, const QString &error) override;
    liveview::Template render() const override;
};

} // namespace conformance
