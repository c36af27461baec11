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
#include <atomic>
#include <memory>

namespace livedeck::examples {

class ChatHistory;

class ChatRoomLog
{
public:
    // One room's list. Views hold it for their lifetime: handling a message then needs no lookup
    // by name and, when another view already added the message, not the writers' mutex either
    // (thousands of views on two threads would otherwise queue on it for every message); reading
    // the snapshot costs one atomic reference count.
    class Room : public std::enable_shared_from_this<Room>
    {
    public:
        // The recent messages, oldest first.
        QVariantList messages() const;
        // Adds `message` ({id, user, body}) unless it is already there; returns the list either
        // way.
        QVariantList add(const QVariant &message);

    private:
        friend class ChatRoomLog;
        Room(QVariantList messages, int keep, int slack);
        void publishLocked(); // makes m_messages what readers see

        const int m_keep;
        const int m_slack;
        QMutex m_mutex; // writers only
        QVariantList m_messages;
        QSet<QString> m_ids;
        struct Snapshot
        {
            quint64 version;
            QVariantList messages;
        };
        std::atomic<std::shared_ptr<const Snapshot>> m_snapshot; // what readers see
        std::atomic<quint64> m_version{0}; // m_snapshot's, read without touching its count
    };

    // Keeps the last `keep` messages, trimming only once `keep + slack` are reached: most
    // messages then only append (cheap to diff) instead of shifting every row.
    // Keeps rooms nobody has open only while more than `maxIdleRooms` are loaded: room names come
    // from the URL, so anyone can make up thousands; the history keeps what an evicted room said.
    explicit ChatRoomLog(std::shared_ptr<ChatHistory> history, int keep = 100, int slack = 50,
                         int maxIdleRooms = 256);

    // The room called `name`, its recent messages read from the history on first use.
    std::shared_ptr<Room> room(const QString &name);
    int loadedRooms() const; // rooms held in memory (for tests)
    // add() for a room this node has loaded; nothing otherwise (its history is read when it is).
    void addIfLoaded(const QString &name, const QVariant &message);

private:
    std::shared_ptr<ChatHistory> m_history;
    const int m_keep;
    const int m_slack;
    const int m_maxIdleRooms;
    mutable QMutex m_mutex;
    QHash<QString, std::shared_ptr<Room>> m_rooms;
};

} // namespace livedeck::examples
