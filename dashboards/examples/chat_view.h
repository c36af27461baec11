#pragma once
// Example: a chat room; messages travel between views (and browsers) through PubSub.

#include "chat_room_log.h"

#include <liveview/live_view.h>

namespace livedeck::examples {

class ChatHistory;

class ChatView : public liveview::LiveView
{
public:
    // Without a history, messages live only in the open pages; without a log, in this view.
    explicit ChatView(std::shared_ptr<ChatHistory> history = nullptr,
                      std::shared_ptr<ChatRoomLog> log = nullptr)
        : m_history(std::move(history)), m_log(std::move(log))
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
    std::shared_ptr<ChatHistory> m_history;
    std::shared_ptr<ChatRoomLog> m_log;
    std::shared_ptr<ChatRoomLog::Room> m_roomLog; // this view's room in m_log
};

} // namespace livedeck::examples
