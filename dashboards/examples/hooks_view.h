#pragma once
// Example: a client hook that pushes events with a reply callback, and server push_event.

#include <liveview/live_view.h>

namespace livedeck::examples {

class HooksView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace livedeck::examples
