// RLIMIT_NOFILE: raise soft to hard at start, then size the connection cap from it.
#include "fd_budget.h"

#include <limits>
#include <sys/resource.h>

namespace liveview::internal {

qint64 raiseDescriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024; // what Linux gives by default: the careful guess
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return limit.rlim_cur == RLIM_INFINITY ? -1 : qint64(limit.rlim_cur);
}

int connectionCapFor(qint64 descriptorLimit, int requested, qint64 reserve)
{
    const qint64 intMax = std::numeric_limits<int>::max();
    const qint64 room = descriptorLimit < 0 ? intMax : descriptorLimit - reserve;
    const qint64 cap = requested > 0 ? qMin<qint64>(requested, room) : room;
    return int(qBound<qint64>(1, cap, intMax));
}

} // namespace liveview::internal
