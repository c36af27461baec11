// The per-broadcast memo of shared renders (see shared_render_memo.h).
#include "shared_render_memo.h"

namespace liveview::internal {
namespace {
// The thread's one memo, reused batch after batch: a broadcast to views that never share (a
// chat room) costs two pointer stores.
thread_local SharedRenderMemo threadMemo;
thread_local SharedRenderMemo *currentMemo = nullptr;
std::atomic<quint64> led{0};
std::atomic<quint64> followed{0};
} // namespace

SharedRenderMemo *SharedRenderMemo::current()
{
    return currentMemo;
}

// One batch at a time per thread (PubSub does not nest them); a nested scope would only end
// sharing early, never mix two broadcasts' renders.
SharedRenderMemo::Scope::Scope()
{
    threadMemo.m_renders.clear();
    currentMemo = &threadMemo;
}

SharedRenderMemo::Scope::~Scope()
{
    threadMemo.m_renders.clear();
    currentMemo = nullptr;
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
