// Heartbeats, presence replication and message delivery between this node and Redis.
#include "cluster_node.h"

#include "../monitor/server_status.h"
#include "../monitor/session_registry.h"

#include <QDateTime>

#include "../pubsub/presence_tracker.h"
#include "liveview/pubsub.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCluster, "liveview.cluster")

namespace liveview::internal {

using cluster::PresenceMessage;

ClusterNode::ClusterNode(RedisAddress address, ClusterOptions options, QString nodeId)
    : m_address(address), m_options(std::move(options)), m_nodeId(std::move(nodeId)),
      m_replay(m_options.replayedTopics, m_options.replayLength),
      m_publisher(address, QStringLiteral("cluster publisher"), this),
      m_subscriber(address, QStringLiteral("cluster subscriber"), this), m_heartbeat(this)
{
    m_heartbeat.setInterval(m_options.heartbeat);
    connect(&m_heartbeat, &QTimer::timeout, this, &ClusterNode::tick);
    for (RedisConnection *c : {&m_publisher, &m_subscriber}) {
        connect(c, &RedisConnection::connected, this, &ClusterNode::updateConnected);
        connect(c, &RedisConnection::disconnected, this, &ClusterNode::updateConnected);
    }
    // A fresh subscription: announce ourselves at once so the others ask for our state. What
    // was broadcast on replayed topics while we were not subscribed is read once our own
    // heartbeat comes back: the subscription is live then, so nothing falls between the two.
    connect(&m_subscriber, &RedisConnection::connected, this, [this] {
        m_ownEchoHeard = m_clock.elapsed();
        m_catchUpPending = true;
        tick();
    });
    connect(&m_publisher, &RedisConnection::connected, this,
            [this] { m_replay.flush(m_publisher); });
    m_subscriber.psubscribe(QByteArrayLiteral("liveview:*"),
                            [this](const QByteArray &channel, const QByteArray &payload) {
                                onMessage(channel, payload);
                            });
}

void ClusterNode::start()
{
    // Changes made before the cluster ran are in the state the others ask for, not in deltas.
    m_publishedSeq = PresenceTracker::instance().localSnapshot().second;
    m_clock.start();
    m_publisher.open();
    m_subscriber.open();
    m_heartbeat.start();
}

void ClusterNode::stop()
{
    m_heartbeat.stop();
    // Goodbye: an empty state makes the others drop this node's presences now rather than after
    // the node timeout. Sent before the connection closes (what is queued goes out first).
    m_publisher.command(
        {"PUBLISH", cluster::presenceChannel,
         cluster::encodePresence(
             {PresenceMessage::Type::State, m_nodeId, m_publishedSeq + 1, {}, {}, {}})});
    m_publisher.closeGracefully(1000);
    m_subscriber.close();
    // Presences of other nodes are no longer kept alive by anyone: they leave here.
    for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it)
        announcePresenceChange(PresenceTracker::instance().dropNode(it.key()));
    m_peers.clear();
}

void ClusterNode::publish(const QByteArray &channel, const QByteArray &payload)
{
    if (m_replay.isReplayed(channel)) {
        m_replay.publish(m_publisher, channel, payload);
        return;
    }
    if (!m_publisher.command({"PUBLISH", channel, payload}))
        qCWarning(lcCluster).noquote()
            << "not connected to Redis: a message on" << QString::fromUtf8(channel)
            << "reached this node's subscribers only";
}

void ClusterNode::publishPresenceDelta(qint64 seq, const std::vector<PresenceEntry> &joins,
                                       const std::vector<PresenceEntry> &leaves)
{
    PresenceMessage m{PresenceMessage::Type::Delta, m_nodeId, seq, {}, joins, leaves};
    // Heartbeats announce what was published, not what is still queued.
    m_publishedSeq = std::max(m_publishedSeq, seq);
    // Not connected: the change is in the state the others ask for once they see our next
    // heartbeat carry a sequence number they did not reach.
    m_publisher.command({"PUBLISH", cluster::presenceChannel, cluster::encodePresence(m)});
}

void ClusterNode::onMessage(const QByteArray &channel, const QByteArray &payload)
{
    QString error;
    if (channel == cluster::presenceChannel) {
        // A node's whole state is one message: it may be far larger than a broadcast.
        PresenceMessage m;
        if (!cluster::decodePresence(payload, m_options.maxPresenceBytes, &m, &error))
            return reject(error, channel);
        onPresence(m);
        return;
    }
    if (!channel.startsWith(cluster::pubsubPrefix))
        return; // another node's channel of a newer version: not ours to judge
    deliverBroadcast(channel, payload);
}

void ClusterNode::deliverBroadcast(const QByteArray &channel, const QByteArray &payload)
{
    QString error;
    cluster::Broadcast b;
    if (!cluster::decodeBroadcast(channel, payload, m_options.maxMessageBytes, &b, &error))
        return reject(error, channel);
    if (b.node != m_nodeId) // ours were delivered here when they were broadcast
        PubSub::localBroadcast(b.topic, b.message);
}

void ClusterNode::onPresence(const PresenceMessage &m)
{
    const qint64 now = m_clock.elapsed();
    if (m.node == m_nodeId) {
        m_ownEchoHeard = now;
        if (std::exchange(m_catchUpPending, false))
            catchUp();
        return;
    }
    using Type = PresenceMessage::Type;
    if (m.type == Type::Sync) {
        if (m.to == m_nodeId) {
            auto [entries, seq] = PresenceTracker::instance().localSnapshot();
            m_publishedSeq = std::max(m_publishedSeq, seq); // the state covers the queued deltas
            m_publisher.command({"PUBLISH", cluster::presenceChannel,
                                 cluster::encodePresence(
                                     {Type::State, m_nodeId, seq, {}, std::move(entries), {}})});
        }
        return; // a sync says nothing about the asking node's own presences
    }
    const bool isNew = !m_peers.contains(m.node);
    Peer &peer = m_peers[m.node];
    peer.lastHeard = now;
    peer.lastHeardWallMs = QDateTime::currentMSecsSinceEpoch();
    if (m.type == Type::Heartbeat)
        peer.status = m.status;
    if (isNew) {
        qCInfo(lcCluster).noquote() << "node" << m.node << "joined the cluster";
        emitPeers();
    }
    switch (m.type) {
    case Type::State:
        announcePresenceChange(PresenceTracker::instance().replaceRemote(m.node, m.joins));
        peer.seq = m.seq;
        peer.syncRequested = -1;
        break;
    case Type::Delta:
        if (peer.seq >= 0 && m.seq == peer.seq + 1) {
            announcePresenceChange(
                PresenceTracker::instance().applyRemote(m.node, m.joins, m.leaves));
            peer.seq = m.seq;
        } else if (m.seq > peer.seq) {
            requestSync(m.node, peer); // a gap, or the first we hear of the node
        }
        break;
    case Type::Heartbeat:
        if (m.seq != peer.seq)
            requestSync(m.node, peer);
        break;
    case Type::Sync:
        break;
    }
}

void ClusterNode::catchUp()
{
    // Our own broadcasts were delivered here when they were made; a previous run of this node
    // had another id, so its messages come back like any other node's (subscribers of replayed
    // topics recognise what they already have).
    m_replay.catchUp(m_publisher, [this](const QByteArray &channel, const QByteArray &payload) {
        deliverBroadcast(channel, payload);
    });
}

void ClusterNode::requestSync(const QString &node, Peer &peer)
{
    const qint64 now = m_clock.elapsed();
    if (peer.syncRequested >= 0 && now - peer.syncRequested < m_options.heartbeat.count())
        return; // the answer is on its way
    peer.syncRequested = now;
    m_publisher.command(
        {"PUBLISH", cluster::presenceChannel,
         cluster::encodePresence({PresenceMessage::Type::Sync, m_nodeId, 0, node, {}, {}})});
}

void ClusterNode::tick()
{
    const qint64 now = m_clock.elapsed();
    m_publisher.command({"PUBLISH", cluster::presenceChannel,
                         cluster::encodePresence(
                             {PresenceMessage::Type::Heartbeat,
                              m_nodeId,
                              m_publishedSeq,
                              {},
                              {},
                              {},
                              {{QStringLiteral("sessions"), SessionRegistry::count()},
                               {QStringLiteral("url"), ServerStatus::instance().listenUrl()}}})});

    bool peersChanged = false;
    for (auto it = m_peers.begin(); it != m_peers.end();) {
        if (now - it->lastHeard > m_options.nodeTimeout.count()) {
            qCWarning(lcCluster).noquote() << "node" << it.key() << "silent for"
                                           << (now - it->lastHeard) << "ms: removing its presences";
            announcePresenceChange(PresenceTracker::instance().dropNode(it.key()));
            it = m_peers.erase(it);
            peersChanged = true;
        } else {
            ++it;
        }
    }
    if (peersChanged)
        emitPeers();
    publishNodes();

    // Our own heartbeats come back through the subscription; when they stop, so has it, even if
    // the socket looks open (a Redis that hangs). Start it over.
    if (m_subscriber.isConnected() && m_publisher.isConnected() &&
        now - m_ownEchoHeard > m_options.nodeTimeout.count()) {
        // Either side may be the stuck one: start both over.
        qCWarning(lcCluster) << "no echo of our own heartbeat: reconnecting to Redis";
        m_ownEchoHeard = now;
        for (RedisConnection *c : {&m_publisher, &m_subscriber}) {
            c->close();
            c->open();
        }
    }
}

void ClusterNode::reject(const QString &reason, const QByteArray &channel)
{
    ++m_rejected;
    // A flood of garbage must not flood the log as well.
    if (m_rejected <= 20 || m_rejected % 1000 == 0)
        qCWarning(lcCluster).noquote()
            << "dropped a message on" << QString::fromUtf8(channel) << ":" << reason
            << QStringLiteral("(%1 dropped so far)").arg(m_rejected);
    emit messageRejected(m_rejected);
}

void ClusterNode::updateConnected()
{
    const bool now = m_publisher.isConnected() && m_subscriber.isConnected();
    if (now != m_connected) {
        m_connected = now;
        emit connectedChanged(now);
    }
}

void ClusterNode::emitPeers()
{
    QStringList peers = m_peers.keys();
    peers.sort();
    emit peersChanged(peers);
}

void ClusterNode::publishNodes()
{
    QList<NodeInfo> nodes;
    NodeInfo self;
    self.id = m_nodeId;
    self.self = true;
    self.alive = m_connected;
    self.address = ServerStatus::instance().listenUrl();
    self.sessions = SessionRegistry::count();
    self.lastHeartbeat = QDateTime::currentDateTimeUtc();
    nodes.append(self);
    for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it) {
        NodeInfo n;
        n.id = it.key();
        n.address = it->status.value(QStringLiteral("url")).toString();
        n.sessions = it->status.value(QStringLiteral("sessions")).toInt();
        n.lastHeartbeat = QDateTime::fromMSecsSinceEpoch(it->lastHeardWallMs, Qt::UTC);
        n.alive = m_clock.elapsed() - it->lastHeard <= m_options.nodeTimeout.count();
        nodes.append(n);
    }
    std::sort(nodes.begin() + 1, nodes.end(),
              [](const NodeInfo &a, const NodeInfo &b) { return a.id < b.id; });
    QMutexLocker lock(&m_nodesMutex);
    m_nodes = std::move(nodes);
}

QList<NodeInfo> ClusterNode::nodes() const
{
    QMutexLocker lock(&m_nodesMutex);
    return m_nodes;
}

} // namespace liveview::internal
