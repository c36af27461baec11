#include "chat_room_log.h"

#include "chat_history.h"

namespace livedeck::examples {
namespace {
QString idOf(const QVariant &message)
{
    return message.toMap().value(QStringLiteral("id")).toString();
}

// Whether `message` is among the newest messages of `list`. On the thread that added it this is a
// pointer comparison (the same map); another thread's views hold their own copy of the map and
// compare its few values (still no id to build).
bool endsWith(const QVariantList &list, const QVariant &message)
{
    const qsizetype newest = qMax<qsizetype>(0, list.size() - 4);
    for (qsizetype i = list.size() - 1; i >= newest; --i)
        if (list.at(i) == message) // maps sharing their data compare equal at once
            return true;
    return false;
}
} // namespace

namespace {
// Versions are unique across rooms: a room allocated where a destroyed one was never matches the
// old room's copies.
std::atomic<quint64> nextVersion{1};

struct ThreadCopy
{
    std::weak_ptr<const ChatRoomLog::Room> room; // to forget rooms that were evicted
    quint64 version = 0;
    QVariantList messages;
};
thread_local QHash<const ChatRoomLog::Room *, ThreadCopy> threadCopies;
} // namespace

ChatRoomLog::Room::Room(QVariantList messages, int keep, int slack)
    : m_keep(keep), m_slack(slack), m_messages(std::move(messages))
{
    for (const QVariant &m : std::as_const(m_messages))
        m_ids.insert(idOf(m));
    publishLocked();
}

void ChatRoomLog::Room::publishLocked()
{
    const quint64 version = nextVersion.fetch_add(1);
    m_snapshot.store(std::make_shared<const Snapshot>(Snapshot{version, m_messages}));
    m_version.store(version, std::memory_order_release);
}

QVariantList ChatRoomLog::Room::messages() const
{
    // Each thread hands its views its own copy of the list (the messages in it are shared). The
    // views of both threads assigning one list would make both cores write its reference count
    // for every view, moving that cache line back and forth; a thread's own copy stays in its
    // core's cache. Refreshed only when the room changed (one atomic read otherwise).
    if (threadCopies.size() > 64 && !threadCopies.contains(this))
        threadCopies.removeIf([](const auto &entry) { return entry.value().room.expired(); });
    ThreadCopy &copy = threadCopies[this];
    if (copy.room.expired())
        copy.room = weak_from_this();
    if (copy.version != m_version.load(std::memory_order_acquire)) {
        const std::shared_ptr<const Snapshot> snapshot = m_snapshot.load();
        copy.version = snapshot->version;
        copy.messages = QVariantList(snapshot->messages.cbegin(), snapshot->messages.cend());
    }
    return copy.messages;
}

QVariantList ChatRoomLog::Room::add(const QVariant &message)
{
    // The common case: a view on this node already added the broadcast (or its sender did).
    QVariantList seen = messages();
    if (endsWith(seen, message))
        return seen;
    QMutexLocker locker(&m_mutex);
    const QString id = idOf(message);
    if (!m_ids.contains(id)) {
        m_messages.append(message);
        m_ids.insert(id);
        if (m_messages.size() >= m_keep + m_slack) {
            const qsizetype drop = m_messages.size() - m_keep;
            for (qsizetype k = 0; k < drop; ++k)
                m_ids.remove(idOf(m_messages.at(k)));
            // A fresh list, not remove(0, drop): Qt 6.4's QList keeps the space freed at its
            // front, and the next append to a shared list (the published snapshot shares it)
            // detaches into a buffer grown past that space, so the buffer grew with every
            // message the room ever had (heaptrack: +1.7 MB in 2 minutes of the soak).
            m_messages = QVariantList(m_messages.cbegin() + drop, m_messages.cend());
        }
        publishLocked();
    }
    locker.unlock();
    return messages();
}

ChatRoomLog::ChatRoomLog(std::shared_ptr<ChatHistory> history, int keep, int slack,
                         int maxIdleRooms)
    : m_history(std::move(history)), m_keep(keep), m_slack(slack), m_maxIdleRooms(maxIdleRooms)
{
}

int ChatRoomLog::loadedRooms() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_rooms.size());
}

std::shared_ptr<ChatRoomLog::Room> ChatRoomLog::room(const QString &name)
{
    QMutexLocker locker(&m_mutex);
    if (const auto it = m_rooms.constFind(name); it != m_rooms.cend())
        return *it;
    if (m_rooms.size() >= m_maxIdleRooms) {
        // Rooms held only here have no view open: they go (the history has what they said).
        m_rooms.removeIf([](const auto &entry) { return entry.value().use_count() == 1; });
    }
    std::shared_ptr<Room> r(
        new Room(m_history ? m_history->recent(name, m_keep) : QVariantList(), m_keep, m_slack));
    m_rooms.insert(name, r);
    return r;
}

void ChatRoomLog::addIfLoaded(const QString &name, const QVariant &message)
{
    std::shared_ptr<Room> r;
    {
        QMutexLocker locker(&m_mutex);
        r = m_rooms.value(name);
    }
    if (r)
        r->add(message);
}

} // namespace livedeck::examples
