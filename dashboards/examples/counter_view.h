#pragma once
// Example: a counter with + and - buttons; each click changes one dynamic.

#include <liveview/live_view.h>

namespace livedeck::examples {

class CounterView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace livedeck::examples
