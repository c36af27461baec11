#pragma once
// The chat's stored messages: the repository the chat example and the chat product (/chat) use
// instead of SQL of their own. The application's database provides the table (chat::ChatSchema):
// chat_messages (id INTEGER PRIMARY KEY AUTOINCREMENT, room, user, body TEXT, sent_at INTEGER,
// origin TEXT UNIQUE, attachment TEXT).

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
    // replay after a restart, when this node has another id). `attachment` is the chat
    // product's {name, type, size, file} of an uploaded file (empty: none).
    qint64 append(const QString &room, const QString &user, const QString &body,
                  const QString &node = {}, const QVariantMap &attachment = {});
    // Stores messages other nodes made ({id, room, user, body, attachment?}; `id` is the id
    // there, kept as origin), each once, in one transaction (one disk sync for a whole catch-up
    // batch). Says for each whether it was new.
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

    // Paging for views that hold no rows (streams): up to `count` messages of `room` stored
    // before row `beforeRow` (0: the newest), oldest first, as {id, row, user, body, sent_at,
    // attachment} maps; `row` is this node's row number, the cursor for the next page.
    QVariantList before(const QString &room, qint64 beforeRow, int count) const;
    // Up to `count` messages stored after row `afterRow`, oldest first (same maps).
    QVariantList after(const QString &room, qint64 afterRow, int count) const;
    // How many messages of `room` were stored after row `afterRow`.
    int countAfter(const QString &room, qint64 afterRow) const;
    // The newest row of `room` (0 when it has none).
    qint64 newestRow(const QString &room) const;

private:
    std::shared_ptr<liveview::Store> m_store;
};

} // namespace livedeck::examples
