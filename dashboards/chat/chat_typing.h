#pragma once
// Who is typing in the room a view shows: each "typing" notice keeps a name for a few seconds,
// a message from that person or silence removes it.

#include <QHash>
#include <QStringList>

namespace livedeck::chat {

class ChatTyping
{
public:
    // How long a notice lasts; senders repeat it at most every sendInterval while typing.
    static constexpr qint64 lifetimeMs = 4000;
    static constexpr qint64 sendIntervalMs = 1500;

    // Returns true when the list of names changed.
    bool touch(const QString &name, qint64 nowMs);
    bool remove(const QString &name);
    bool expire(qint64 nowMs);
    void clear() { m_until.clear(); }

    QStringList names() const; // sorted
    // When the next notice runs out (0: nobody is typing).
    qint64 nextExpiry() const;
    // "alice is typing…", "alice and bob are typing…", "4 people are typing…", or empty.
    static QString sentence(const QStringList &names);

private:
    QHash<QString, qint64> m_until;
};

} // namespace livedeck::chat
