// Per-thread registry of the scopes opened around a broadcast batch, and their opening.
#include "delivery_scope.h"

#include <QtGlobal>

namespace liveview::internal {

std::vector<DeliveryScope::Hook> &DeliveryScope::threadHooks()
{
    // Installed and used on the same thread only: no lock.
    thread_local std::vector<Hook> hooks;
    return hooks;
}

void DeliveryScope::installHook(Hook hook)
{
    std::vector<Hook> &hooks = threadHooks();
    size_t end = 0;
    for (const Hook &h : hooks) {
        if (h.open == hook.open)
            return;
        end = h.offset + h.size;
    }
    hook.offset = (end + hook.align - 1) / hook.align * hook.align;
    if (hook.offset + hook.size > storageBytes)
        qFatal("DeliveryScope: the installed scopes need more than %zu bytes", storageBytes);
    hooks.push_back(hook);
}

void DeliveryScope::uninstallAll()
{
    threadHooks().clear();
}

DeliveryScope::DeliveryScope()
{
    for (const Hook &h : threadHooks()) {
        h.open(m_storage + h.offset);
        ++m_opened;
    }
}

DeliveryScope::~DeliveryScope()
{
    while (m_opened > 0) {
        const Hook &h = threadHooks()[--m_opened];
        h.close(m_storage + h.offset);
    }
}

} // namespace liveview::internal
