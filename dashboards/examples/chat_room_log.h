#pragma once
// The recent messages of each chat room on this node, shared by all the room's views. A message
// is added once (by whichever view handles it first; the others find it there) and every view
// takes the same list. So a message costs each view O(1) instead of copying its own list, the
// views render identical diffs (which the engine then encodes once), and 5,000 open chats hold
// one list, not 5,000.

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QVariantList>
#include <memory>

namespace livedeck::examples {

class ChatHistory;

class ChatRoomLog
{
public:
    // Keeps the last `keep` messages, trimming only once `keep + slack` are reached: most
    // messages then only append (cheap to diff) instead of shifting every row.
    explicit ChatRoomLog(std::shared_ptr<ChatHistory> history, int keep = 100, int slack = 50);

    // The room's recent messages, oldest first; read from the history on first use.
    QVariantList recent(const QString &room);
    // Adds `message` ({id, user, body}) unless a message with its id is already there; returns
    // the room's list either way.
    QVariantList add(const QString &room, const QVariant &message);
    // add() for a room this node has loaded; nothing otherwise (its history is read when it is).
    void addIfLoaded(const QString &room, const QVariant &message);

private:
    struct Room
    {
        QVariantList messages;
        QSet<QString> ids;
    };
    Room &roomLocked(const QString &room);
    void addLocked(Room &room, const QVariant &message);

    std::shared_ptr<ChatHistory> m_history;
    const int m_keep;
    const int m_slack;
    QMutex m_mutex;
    QHash<QString, Room> m_rooms;
};

} // namespace livedeck::examples
