// Least-loaded assignment of accepted connections to worker threads.
#include "connection_balancer.h"

namespace liveview::internal {

ConnectionBalancer::ConnectionBalancer(int workers)
{
    for (int i = 0; i < qMax(1, workers); ++i)
        m_workers.push_back(std::make_unique<Worker>());
}

void ConnectionBalancer::attach(int index, std::function<void(qintptr)> handOff)
{
    Worker &w = *m_workers.at(size_t(index));
    w.handOff = std::move(handOff);
    w.attached.store(true, std::memory_order_release);
}

void ConnectionBalancer::detach(int index)
{
    m_workers.at(size_t(index))->attached.store(false, std::memory_order_release);
}

int ConnectionBalancer::assign(int acceptedBy)
{
    int best = acceptedBy;
    int bestLoad = m_workers[size_t(acceptedBy)]->open.load(std::memory_order_relaxed);
    for (int i = 0; i < int(m_workers.size()); ++i) {
        const Worker &w = *m_workers[size_t(i)];
        if (i == acceptedBy || !w.attached.load(std::memory_order_acquire))
            continue;
        const int load = w.open.load(std::memory_order_relaxed);
        if (load < bestLoad) { // ties stay with the accepting worker: no handover for nothing
            best = i;
            bestLoad = load;
        }
    }
    m_workers[size_t(best)]->open.fetch_add(1, std::memory_order_relaxed);
    return best;
}

void ConnectionBalancer::handOff(int worker, qintptr descriptor)
{
    m_workers.at(size_t(worker))->handOff(descriptor);
}

void ConnectionBalancer::released(int worker)
{
    m_workers.at(size_t(worker))->open.fetch_sub(1, std::memory_order_relaxed);
}

int ConnectionBalancer::load(int worker) const
{
    return m_workers.at(size_t(worker))->open.load(std::memory_order_relaxed);
}

} // namespace liveview::internal
