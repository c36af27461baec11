#pragma once
// Example: a chat room; messages travel between views (and browsers) through PubSub.

#include <liveview/live_view.h>

namespace livedeck::examples {

class ChatHistory;

class ChatView : public liveview::LiveView
{
public:
    explicit ChatView(std::shared_ptr<ChatHistory> history = nullptr)
        : m_history(std::move(history))
    {
    }

    static constexpr int maxMessageLength = 2000;
    static constexpr int keptMessages = 100;

    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void connected() override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    void handleInfo(const QVariant &message) override;
    liveview::Template render() const override;

    // The room of ?room= (letters, digits, - and _), "lobby" otherwise.
    static QString roomName(const QVariantMap &params);

private:
    QString m_room;
    QString m_topic; // chat:<room>
    std::shared_ptr<ChatHistory> m_history; // null: messages live only in the open pages
};

} // namespace livedeck::examples
