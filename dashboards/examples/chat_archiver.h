#pragma once
// With several nodes, each node keeps the whole chat: messages sent on other nodes are stored in
// this node's history (under the id they were given there), added to the room's log and shown to
// the room's views here, even when nobody on this node has the room open. A page opened here
// later, or after this node restarts, shows them too. The archive topic is replayed by the
// cluster (ClusterOptions::replayedTopics): a node that was down or cut off receives what it
// missed, and a message it already has (same origin id) is ignored.

#include <liveview/subscription.h>

#include <QObject>
#include <memory>

namespace livedeck::examples {

class ChatHistory;
class ChatRoomLog;

class ChatArchiver : public QObject
{
    Q_OBJECT
public:
    // Every chat message crosses nodes on this topic, with its room.
    static QString topic();

    ChatArchiver(std::shared_ptr<ChatHistory> history, std::shared_ptr<ChatRoomLog> log);

private:
    void archive(const QVariant &message);
    void flush();

    std::shared_ptr<ChatHistory> m_history;
    std::shared_ptr<ChatRoomLog> m_log;
    liveview::Subscription m_subscription;
    // Messages that arrived in this turn of the event loop, stored together: a catch-up brings
    // thousands at once, and one transaction each would hold the database for one disk sync
    // each while the views' own writes wait.
    QVariantList m_pending;
};

} // namespace livedeck::examples
