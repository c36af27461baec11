#pragma once
// The chat's rooms: names checked once here (they become topics and URLs), stored in SQLite, and
// the same on every node: a room created on one node is broadcast and stored by the others.

#include <liveview/store.h>
#include <liveview/subscription.h>

#include <QObject>
#include <QStringList>
#include <memory>

namespace livedeck::chat {

class ChatRoomDirectory : public QObject
{
    Q_OBJECT
public:
    enum class Creation
    {
        Created,
        AlreadyThere,
        InvalidName,
        StoreFailed
    };

    explicit ChatRoomDirectory(std::shared_ptr<liveview::Store> store);

    // 1 to 40 letters, digits, - and _: the names the chat example accepts in ?room= too.
    static bool isValidName(const QString &name);
    // What a person is told when their name is refused.
    static QString nameRule();
    // Where creations are announced ({"room_created": name}): views list the new room at once.
    static QString topic();
    // The PubSub topic and stored `room` of a room's messages (shared with the chat example).
    static QString messageTopic(const QString &name);

    Creation create(const QString &name, const QString &createdBy);
    bool exists(const QString &name) const;
    QStringList names() const; // sorted, the lobby among them

private:
    bool insert(const QString &name, const QString &createdBy) const;

    std::shared_ptr<liveview::Store> m_store;
    liveview::Subscription m_subscription; // creations on other nodes
};

} // namespace livedeck::chat
