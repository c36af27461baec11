#pragma once
// Which rooms a browser session joined and how far it read each: the unread counts. Keyed by the
// engine's browser session id (its signed cookie), so they survive reloads and restarts.
//
// Marks are written behind: kept in memory (reads see them) and stored together, in one
// transaction, by the first mark made once flushIntervalMs has passed (and when this object
// goes). Every page open or room switch marks
// a room; with the store's synchronous writes, hundreds of pages opening at once would each
// wait for a disk flush. A crash forgets at most the last interval's marks: a few messages then
// count as unread again, nothing is lost.

#include <liveview/store.h>

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QStringList>
#include <memory>

namespace livedeck::chat {

class ChatMembership
{
public:
    static constexpr qint64 flushIntervalMs = 1000;

    explicit ChatMembership(std::shared_ptr<liveview::Store> store);
    ~ChatMembership();

    // Joins `room` (if not yet) and marks everything stored in it so far read.
    void joinAndMarkRead(const QString &sessionId, const QString &room);
    QStringList joinedRooms(const QString &sessionId) const;
    // Joined room -> messages stored after what the session last read there.
    QHash<QString, int> unreadCounts(const QString &sessionId) const;
    // Stores the marks kept in memory now.
    void flush();

private:
    qint64 newestRow(const QString &room) const;
    QHash<QString, qint64> pendingOf(const QString &sessionId) const; // room -> last read

    std::shared_ptr<liveview::Store> m_store;
    mutable QMutex m_mutex;
    QHash<QString, QHash<QString, qint64>> m_pending; // session -> room -> last read
    QElapsedTimer m_sinceFlush;
};

} // namespace livedeck::chat
