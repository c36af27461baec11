#pragma once
// What the endpoint and the cluster tell the monitor about the server as a whole.

#include "liveview/monitor.h"
#include "striped_counter.h"

#include <QMutex>
#include <QPointer>
#include <atomic>

namespace liveview {
class RedisCluster;
}

namespace liveview::internal {

struct ServerStatus
{
    static ServerStatus &instance();

    std::atomic<bool> running{false};
    std::atomic<bool> draining{false};
    std::atomic<int> connections{0};
    std::atomic<int> connectionCap{0};
    std::atomic<int> workerThreads{0};
    std::atomic<qint64> startedAtMs{0};
    StripedCounter bytesIn;
    StripedCounter bytesOut;
    StripedCounter broadcasts;

    void setListenUrl(const QString &url);
    QString listenUrl() const;
    void setVersion(const QString &version);
    QString version() const;
    // The cluster this process is part of (null without --redis); read on its own thread.
    void setCluster(RedisCluster *cluster);
    RedisCluster *cluster() const;

private:
    mutable QMutex m_mutex;
    QString m_listenUrl;
    QString m_version;
    QPointer<RedisCluster> m_cluster;
};

// Resident set size of this process in bytes (from /proc/self/statm), 0 when unknown.
qint64 residentBytes();
// The soft limit on open file descriptors.
int fileDescriptorLimit();

} // namespace liveview::internal
