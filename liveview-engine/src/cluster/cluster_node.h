#pragma once
// This node's side of the cluster, on its own thread: publishes local broadcasts and presence
// changes, delivers what other nodes publish, and keeps the other nodes' presences alive by
// their heartbeats (the approach of Phoenix's tracker: deltas in sequence, a full state on
// request when a gap shows, everything of a node dropped when its heartbeats stop).

#include "liveview/monitor.h"

#include "../pubsub/presence_entry.h"
#include "cluster_message.h"
#include "liveview/cluster.h"
#include "redis_connection.h"
#include "topic_replay.h"
#include <QMutex>

#include <QElapsedTimer>
#include <QHash>
#include <QTimer>

namespace liveview::internal {

class ClusterNode : public QObject
{
    Q_OBJECT
public:
    ClusterNode(RedisAddress address, ClusterOptions options, QString nodeId);

    // On the node's thread.
    void start();
    void stop();
    void publish(const QByteArray &channel, const QByteArray &payload);
    void publishPresenceDelta(qint64 seq, const std::vector<PresenceEntry> &joins,
                              const std::vector<PresenceEntry> &leaves);

    // Every node heard of, this one included, for the monitor. Safe from any thread.
    QList<NodeInfo> nodes() const;

signals:
    void connectedChanged(bool connected);
    void peersChanged(const QStringList &peers);
    void messageRejected(int total);

private:
    struct Peer
    {
        qint64 seq = -1;           // last change applied; -1 before the first state
        qint64 lastHeard = 0;      // ms on m_clock
        qint64 syncRequested = -1; // ms on m_clock, throttles sync requests
        qint64 lastHeardWallMs = 0;
        QJsonObject status; // from its last heartbeat
    };
    void publishNodes();

    void onMessage(const QByteArray &channel, const QByteArray &payload);
    void deliverBroadcast(const QByteArray &channel, const QByteArray &payload);
    void catchUp();
    void onPresence(const cluster::PresenceMessage &message);
    void requestSync(const QString &node, Peer &peer);
    void tick();
    void reject(const QString &reason, const QByteArray &channel);
    void updateConnected();
    void emitPeers();

    RedisAddress m_address;
    ClusterOptions m_options;
    QString m_nodeId;
    TopicReplay m_replay; // before the connections: their last callbacks may still reach it
    bool m_catchUpPending = false; // subscribed afresh: read the replayed topics' streams
    RedisConnection m_publisher;
    RedisConnection m_subscriber;
    QTimer m_heartbeat;
    QElapsedTimer m_clock;
    qint64 m_ownEchoHeard = 0;
    qint64 m_publishedSeq = 0; // the last local presence change handed to Redis
    QHash<QString, Peer> m_peers;
    bool m_connected = false;
    int m_rejected = 0;
    mutable QMutex m_nodesMutex;
    QList<NodeInfo> m_nodes; // what nodes() returns, rebuilt on this thread
};

} // namespace liveview::internal
