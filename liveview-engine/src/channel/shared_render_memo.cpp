// The per-broadcast memo of shared renders (see shared_render_memo.h).
#include "shared_render_memo.h"

#include <optional>

namespace liveview::internal {
namespace {
// The memo lives in the thread's storage for the scope's lifetime, built on first use: a
// broadcast to views that never share (a chat room) costs a null check.
thread_local SharedRenderMemo *currentMemo = nullptr;
thread_local std::optional<SharedRenderMemo> memoStorage;
thread_local bool scopeOpen = false;
std::atomic<quint64> led{0};
std::atomic<quint64> followed{0};
} // namespace

SharedRenderMemo *SharedRenderMemo::current()
{
    if (!currentMemo && scopeOpen) {
        memoStorage.emplace();
        currentMemo = &*memoStorage;
    }
    return currentMemo;
}

SharedRenderMemo::Scope::Scope()
{
    // One batch at a time per thread: a scope opened inside another (which PubSub does not do)
    // would only start the memo afresh, losing sharing, never correctness.
    currentMemo = nullptr;
    memoStorage.reset();
    scopeOpen = true;
}

SharedRenderMemo::Scope::~Scope()
{
    scopeOpen = false;
    currentMemo = nullptr;
    memoStorage.reset();
}

const SharedRenderMemo::Render *SharedRenderMemo::find(const QByteArray &key) const
{
    const auto it = m_renders.constFind(key);
    return it == m_renders.cend() ? nullptr : &it.value();
}

void SharedRenderMemo::remember(const QByteArray &key, Render render)
{
    m_renders.insert(key, std::move(render));
}

quint64 SharedRenderMemo::ledCount()
{
    return led.load(std::memory_order_relaxed);
}

quint64 SharedRenderMemo::followedCount()
{
    return followed.load(std::memory_order_relaxed);
}

void SharedRenderMemo::countLed()
{
    led.fetch_add(1, std::memory_order_relaxed);
}

void SharedRenderMemo::countFollowed()
{
    followed.fetch_add(1, std::memory_order_relaxed);
}

} // namespace liveview::internal
