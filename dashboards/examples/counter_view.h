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
    // The count survives a server restart under an open page.
    int checkpointVersion() const override { return 1; }
    QStringList checkpointedAssigns() const override { return {QStringLiteral("count")}; }
};

} // namespace livedeck::examples
