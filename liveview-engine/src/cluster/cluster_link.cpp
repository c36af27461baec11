#include "cluster_link.h"

#include <QMutex>

namespace liveview::internal {
namespace {
QMutex linkMutex;
std::shared_ptr<ClusterLink> installed;
} // namespace

std::shared_ptr<ClusterLink> ClusterLink::active()
{
    QMutexLocker locker(&linkMutex);
    return installed;
}

void ClusterLink::setActive(std::shared_ptr<ClusterLink> link)
{
    QMutexLocker locker(&linkMutex);
    installed = std::move(link);
}

} // namespace liveview::internal
