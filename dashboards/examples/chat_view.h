#pragma once
// Example: a chat room; messages travel between views (and browsers) through PubSub.

#include <liveview/live_view.h>

namespace livedeck::examples {

class ChatView : public liveview::LiveView
{
public:
    static constexpr int maxMessageLength = 2000;
    static constexpr int keptMessages = 100;

    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void connected() override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    void handleInfo(const QVariant &message) override;
    liveview::Template render() const override;
};

} // namespace livedeck::examples
