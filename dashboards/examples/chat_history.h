#pragma once
// The chat's stored messages: the repository the chat view uses instead of SQL of its own. The
// application's database provides the table: chat_messages (id INTEGER PRIMARY KEY
// AUTOINCREMENT, room, user, body TEXT, sent_at INTEGER, origin TEXT UNIQUE).

#include <liveview/store.h>

#include <QVariantList>
#include <memory>

namespace livedeck::examples {

class ChatHistory
{
public:
    explicit ChatHistory(std::shared_ptr<liveview::Store> store) : m_store(std::move(store)) {}

    // Stores a message durably and returns its id (0 when the write failed). With several
    // nodes, `node` is this node's id: the message is also recorded under "<node>-<id>", the id
    // the other nodes know it by, so that it is recognised when it comes back to this node (a
    // replay after a restart, when this node has another id).
    qint64 append(const QString &room, const QString &user, const QString &body,
                  const QString &node = {});
    // Stores messages other nodes made ({id, room, user, body}; `id` is the id there, kept as
    // origin), each once, in one transaction (one disk sync for a whole catch-up batch). Says for
    // each whether it was new.
    enum class Stored
    {
        New,
        Repeat, // a message with this origin is already here
        Failed
    };
    QList<Stored> appendRemote(const QVariantList &messages);
    // The last `count` messages of `room`, oldest first, as {id, user, body} maps (the id a
    // message was given where it was sent).
    QVariantList recent(const QString &room, int count) const;

private:
    std::shared_ptr<liveview::Store> m_store;
};

} // namespace livedeck::examples
