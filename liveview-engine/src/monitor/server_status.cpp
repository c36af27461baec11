// The server-wide figures of the monitor, and what the process says about itself.
#include "server_status.h"

#include "liveview/cluster.h"

#include <QFile>
#include <sys/resource.h>
#include <unistd.h>

namespace liveview::internal {

ServerStatus &ServerStatus::instance()
{
    static ServerStatus status;
    return status;
}

void ServerStatus::setListenUrl(const QString &url)
{
    QMutexLocker lock(&m_mutex);
    m_listenUrl = url;
}

QString ServerStatus::listenUrl() const
{
    QMutexLocker lock(&m_mutex);
    return m_listenUrl;
}

void ServerStatus::setVersion(const QString &version)
{
    QMutexLocker lock(&m_mutex);
    m_version = version;
}

QString ServerStatus::version() const
{
    QMutexLocker lock(&m_mutex);
    return m_version;
}

void ServerStatus::setCluster(RedisCluster *cluster)
{
    QMutexLocker lock(&m_mutex);
    m_cluster = cluster;
}

RedisCluster *ServerStatus::cluster() const
{
    QMutexLocker lock(&m_mutex);
    return m_cluster.data();
}

qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 2)
        return 0;
    return fields[1].toLongLong() * ::sysconf(_SC_PAGESIZE);
}

int fileDescriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    return limit.rlim_cur == RLIM_INFINITY ? INT_MAX
                                           : int(std::min<rlim_t>(limit.rlim_cur, INT_MAX));
}

} // namespace liveview::internal
