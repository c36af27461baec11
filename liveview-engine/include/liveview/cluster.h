#pragma once
// Scale-out: several nodes sharing one Redis. While a RedisCluster runs, PubSub
// broadcasts reach subscribers on every node and Presence lists merge the nodes' presences. Each
// node sends a heartbeat; a node that stops (killed, cut off) has its presences removed from the
// others once it has been silent for `nodeTimeout`. Redis going away and coming back is survived:
// the node reconnects with backoff and resynchronises presence.

#include "liveview/monitor.h"
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <chrono>
#include <memory>

namespace liveview {

namespace internal {
class ClusterNode;
class RedisClusterLink;
} // namespace internal

struct ClusterOptions
{
    QUrl redisUrl; // redis://[:password@]host[:port]
    std::chrono::milliseconds heartbeat{1000};
    std::chrono::milliseconds nodeTimeout{5000};
    qsizetype maxMessageBytes = 1024 * 1024; // larger messages from Redis are dropped and logged
    qsizetype maxPresenceBytes = 64 * 1024 * 1024; // a node's whole presence state is one message
    // Broadcasts on these topics are also kept in Redis (one stream per topic holding about the
    // last `replayLength` of them), so that a node which was down or cut off gets what it missed:
    // when it starts, and each time it gets Redis back, it delivers to its local subscribers the
    // kept messages it has not read yet, and sends those it broadcast while Redis was away. A
    // message can then arrive twice (live and again from the stream): subscribers of these
    // topics recognise repeats by an id of their own in the message.
    QStringList replayedTopics;
    int replayLength = 10000;
};

class RedisCluster : public QObject
{
    Q_OBJECT
public:
    explicit RedisCluster(ClusterOptions options, QObject *parent = nullptr);
    ~RedisCluster() override;

    // Checks the options and starts connecting in the background (false only for bad options).
    bool start(QString *error);
    void stop();

    QString nodeId() const { return m_nodeId; }
    // The id of the cluster this process runs in, empty without one (for ids that must be
    // unique across nodes, e.g. a message id made on this node).
    static QString localNodeId();
    bool isConnected() const { return m_connected; }
    // The other nodes heard from within the node timeout.
    QStringList peers() const { return m_peers; }
    // Every node with its last heartbeat and session count (this one first); any thread.
    QList<NodeInfo> nodes() const;
    // Messages from Redis dropped as oversized or malformed since start.
    int rejectedMessages() const { return m_rejected; }

signals:
    void connectedChanged(bool connected);
    void peersChanged(const QStringList &peers);

private:
    ClusterOptions m_options;
    QString m_nodeId;
    bool m_connected = false;
    QStringList m_peers;
    int m_rejected = 0;
    std::unique_ptr<QThread> m_thread;
    internal::ClusterNode *m_node = nullptr; // lives on m_thread
    std::shared_ptr<internal::RedisClusterLink> m_link;
};

} // namespace liveview
