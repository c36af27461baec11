#pragma once
// The chat product (/chat?room=NAME): rooms with unread counts, the room's messages as a stream
// paged from SQLite as the reader scrolls up (the view holds cursors, never rows), who is online
// (Presence, cluster-wide), who is typing, a nickname per browser session; attachments stored
// with a message are shown (raster images inline, anything else as a download link).

#include "chat_services.h"
#include "chat_typing.h"

#include <liveview/live_view.h>

#include <QMap>
#include <QSet>
#include <memory>

class QTimer;

namespace livedeck::chat {

class ChatPage : public liveview::LiveView
{
public:
    explicit ChatPage(ChatServices services);
    ~ChatPage() override;

    static constexpr int maxMessageLength = 2000;
    static constexpr int pageSize = 30;
    // People listed by name (the count covers everyone): a room of thousands renders 50 rows.
    static constexpr int listedOnline = 50;
    // Presence changes are applied as they come but shown at most this often: when hundreds
    // join at once, each page renders a few times instead of once per arrival.
    static constexpr int onlineRefreshMs = 200;

    // Topics of a room besides its messages (ChatRoomDirectory::messageTopic).
    static QString presenceTopic(const QString &room);
    static QString typingTopic(const QString &room);

    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void connected() override;
    void handleParams(const QVariantMap &params, const QUrl &url) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    void handleInfo(const QVariant &message) override;
    liveview::Template render() const override;

private:
    void enterRoom(const QString &room);
    void leaveRoom();
    void loadOlder();
    void send(const QString &body, const QVariantMap &attachment);
    void typed(const QString &draft);
    void createRoom(const QString &name);
    void changeNickname(const QString &wanted);
    void receiveMessage(const QVariantMap &message);
    void receiveTyping(const QVariantMap &notice);
    void refreshRooms();
    void loadOnline(); // the whole list, from Presence
    void applyPresenceDiff(const QVariantMap &diff);
    void showOnline();
    void refreshTyping();
    void scheduleTypingExpiry();
    void subscribeToRoom(const QString &room);

    ChatServices m_services;
    QString m_sessionId;
    QString m_nickname;
    QString m_room;      // empty before the first handleParams
    bool m_live = false; // connected(): subscriptions and presence exist
    QStringList m_roomNames;
    QSet<QString> m_joined;
    QSet<QString> m_subscribed; // rooms whose messages this view hears (for unread counts)
    QHash<QString, int> m_unread;
    qint64 m_oldestRow = 0; // cursors into the history: the rows themselves are in the browser
    qint64 m_newestRow = 0;
    qint64 m_lastTypingSentMs = 0;
    ChatTyping m_typing;
    std::unique_ptr<QTimer> m_typingExpiry;
    // name -> its presences' phx_refs (one per open page), sorted by name. Refs make a diff that
    // the first list already contained harmless.
    QMap<QString, QSet<QString>> m_online;
    std::unique_ptr<QTimer> m_onlineRefresh;
};

} // namespace livedeck::chat
