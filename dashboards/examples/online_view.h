#pragma once
// Example: who is in the chat lobby right now, with one count per open tab, across every node
// of a cluster. The chat views track themselves; this view only watches.

#include <liveview/live_view.h>

namespace livedeck::examples {

class OnlineView : public liveview::LiveView
{
public:
    // The presence topic the chat views track themselves on.
    static QString lobbyPresenceTopic();

    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void connected() override;
    void handleInfo(const QVariant &message) override;
    liveview::Template render() const override;

private:
    void refresh();
};

} // namespace livedeck::examples
