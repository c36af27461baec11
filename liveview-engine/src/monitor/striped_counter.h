#pragma once
// A counter that several threads add to without sharing a cache line: each thread adds to its
// own stripe and readers sum them. Used for server-wide byte totals, which every frame touches.

#include <QtGlobal>
#include <array>
#include <atomic>

namespace liveview::internal {

class StripedCounter
{
public:
    void add(quint64 n)
    {
        m_stripes[stripeOfThisThread()].value.fetch_add(n, std::memory_order_relaxed);
    }
    quint64 load() const
    {
        quint64 sum = 0;
        for (const Stripe &s : m_stripes)
            sum += s.value.load(std::memory_order_relaxed);
        return sum;
    }

private:
    static constexpr size_t stripeCount = 16;
    struct alignas(64) Stripe
    {
        std::atomic<quint64> value{0};
    };
    static size_t stripeOfThisThread()
    {
        static std::atomic<size_t> next{0};
        thread_local const size_t mine = next.fetch_add(1, std::memory_order_relaxed) % stripeCount;
        return mine;
    }
    std::array<Stripe, stripeCount> m_stripes{};
};

} // namespace liveview::internal
