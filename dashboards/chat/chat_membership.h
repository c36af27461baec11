#pragma once
// Which rooms a browser session joined and how far it read each: the unread counts. Keyed by the
// engine's browser session id (its signed cookie), so they survive reloads and restarts.

#include <liveview/store.h>

#include <QHash>
#include <QStringList>
#include <memory>

namespace livedeck::examples {
class ChatHistory;
}

namespace livedeck::chat {

class ChatMembership
{
public:
    explicit ChatMembership(std::shared_ptr<liveview::Store> store) : m_store(std::move(store)) {}

    // Joins `room` (if not yet) and marks everything in it read.
    void joinAndMarkRead(const QString &sessionId, const QString &room);
    QStringList joinedRooms(const QString &sessionId) const;
    // Joined room -> messages stored after what the session last read there.
    QHash<QString, int> unreadCounts(const QString &sessionId) const;

private:
    std::shared_ptr<liveview::Store> m_store;
};

} // namespace livedeck::chat
