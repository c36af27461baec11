// Allocator settings for bursty servers (see allocator_tuning.h).
#include "allocator_tuning.h"

#include <cstdlib>
#include <malloc.h>

namespace livedeck {

void tuneAllocatorForBursts()
{
    // An operator's explicit choice stands.
    if (std::getenv("GLIBC_TUNABLES") || std::getenv("MALLOC_TRIM_THRESHOLD_") ||
        std::getenv("MALLOC_TOP_PAD_"))
        return;
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
    mallopt(M_TOP_PAD, 64 * 1024 * 1024);
}

} // namespace livedeck
