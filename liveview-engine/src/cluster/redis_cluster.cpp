// RedisCluster: runs the ClusterNode on its own thread and links PubSub and Presence to it.
#include "../monitor/server_status.h"
#include "liveview/cluster.h"

#include "cluster_link.h"
#include "cluster_message.h"
#include "cluster_node.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QMutex>
#include <QThread>
#include <QUuid>

Q_DECLARE_LOGGING_CATEGORY(lcCluster)

namespace liveview {
namespace internal {

// Called from any thread; hands encoded messages to the node's thread. The node pointer is
// cleared (under the mutex) before the node is destroyed.
class RedisClusterLink : public ClusterLink
{
public:
    RedisClusterLink(ClusterNode *node, QString nodeId) : m_node(node), m_nodeId(nodeId) {}

    void detach()
    {
        QMutexLocker locker(&m_mutex);
        m_node = nullptr;
    }

    void publish(const QString &topic, const QVariant &message) override
    {
        QByteArray payload;
        if (!cluster::encodeBroadcast(m_nodeId, message, &payload)) {
            qCWarning(lcCluster).noquote()
                << "a message on" << topic << "of type" << message.typeName()
                << "has no JSON form: delivered on this node only";
            return;
        }
        const QByteArray channel = cluster::pubsubPrefix + topic.toUtf8();
        QMutexLocker locker(&m_mutex);
        if (ClusterNode *node = m_node)
            QMetaObject::invokeMethod(
                node, [node, channel, payload] { node->publish(channel, payload); },
                Qt::QueuedConnection);
    }

    void presenceChanged(qint64 seq, const std::vector<PresenceEntry> &joins,
                         const std::vector<PresenceEntry> &leaves) override
    {
        QMutexLocker locker(&m_mutex);
        if (ClusterNode *node = m_node)
            QMetaObject::invokeMethod(
                node,
                [node, seq, joins, leaves] { node->publishPresenceDelta(seq, joins, leaves); },
                Qt::QueuedConnection);
    }

private:
    QMutex m_mutex;
    ClusterNode *m_node;
    const QString m_nodeId;
};

QMutex localNodeMutex;
QString localNode; // the running cluster's node id

} // namespace internal

QString RedisCluster::localNodeId()
{
    QMutexLocker locker(&internal::localNodeMutex);
    return internal::localNode;
}

RedisCluster::RedisCluster(ClusterOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)),
      m_nodeId(QUuid::createUuid().toString(QUuid::WithoutBraces).left(13))
{
}

RedisCluster::~RedisCluster()
{
    stop();
}

bool RedisCluster::start(QString *error)
{
    if (m_node)
        return true;
    internal::RedisAddress address;
    if (!internal::RedisAddress::parse(m_options.redisUrl, &address, error))
        return false;
    if (m_options.heartbeat.count() <= 0 || m_options.nodeTimeout <= m_options.heartbeat) {
        *error = QStringLiteral("the node timeout must be longer than the heartbeat interval");
        return false;
    }
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("cluster"));
    m_node = new internal::ClusterNode(address, m_options, m_nodeId);
    m_node->moveToThread(m_thread.get());
    connect(m_node, &internal::ClusterNode::connectedChanged, this, [this](bool connected) {
        m_connected = connected;
        emit connectedChanged(connected);
    });
    connect(m_node, &internal::ClusterNode::peersChanged, this, [this](const QStringList &peers) {
        m_peers = peers;
        emit peersChanged(peers);
    });
    connect(m_node, &internal::ClusterNode::messageRejected, this,
            [this](int total) { m_rejected = total; });
    m_thread->start();
    QMetaObject::invokeMethod(m_node, &internal::ClusterNode::start, Qt::QueuedConnection);
    m_link = std::make_shared<internal::RedisClusterLink>(m_node, m_nodeId);
    internal::ClusterLink::setActive(m_link);
    internal::ServerStatus::instance().setCluster(this);
    {
        QMutexLocker locker(&internal::localNodeMutex);
        internal::localNode = m_nodeId;
    }
    qCInfo(lcCluster).noquote() << "node" << m_nodeId << "joining the cluster at"
                                << m_options.redisUrl.toString(QUrl::RemovePassword);
    return true;
}

void RedisCluster::stop()
{
    if (!m_node)
        return;
    internal::ClusterLink::setActive(nullptr);
    m_node->disconnect(this); // the node reports nothing more...
    {
        QMutexLocker locker(&internal::localNodeMutex);
        internal::localNode.clear();
    }
    m_link->detach();
    m_link.reset();
    // The node's sockets and timers belong to its thread: stop and delete it there.
    internal::ClusterNode *node = std::exchange(m_node, nullptr);
    QMetaObject::invokeMethod(
        node,
        [node] {
            node->stop();
            delete node;
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    // ...and what it reported before, still queued to us, is dropped.
    QCoreApplication::removePostedEvents(this, QEvent::MetaCall);
    if (std::exchange(m_connected, false))
        emit connectedChanged(false);
    m_peers.clear();
}

QList<NodeInfo> RedisCluster::nodes() const
{
    return m_node ? m_node->nodes() : QList<NodeInfo>{};
}

} // namespace liveview
