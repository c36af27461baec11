#pragma once
// Example: who is in a chat room (?room=, the lobby by default) right now, with one count per open
// tab, across every node of a cluster. The chat views track themselves; this view only watches.

#include <liveview/live_view.h>

namespace livedeck::examples {

class OnlineView : public liveview::LiveView
{
public:
    // The presence topic the chat views of `room` track themselves on.
    static QString presenceTopic(const QString &room);

    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void connected() override;
    void handleInfo(const QVariant &message) override;
    liveview::Template render() const override;

private:
    void refresh();
    QString m_topic;
};

} // namespace livedeck::examples
