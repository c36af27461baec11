#pragma once
// Spreads accepted connections over the event-loop threads: the least loaded takes the next one.
//
// All workers poll one listening socket, and whichever wakes first accepts everything queued:
// 32 keep-alive connections opened at once all landed on one thread while the other idled. So
// the worker that accepts asks the balancer who should serve the connection, and hands the
// descriptor over when another worker has fewer open connections. Load is the number of open
// connections (HTTP and WebSocket) a worker serves; counts are atomics, read without a lock.
#include <QtGlobal>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace liveview::internal {

class ConnectionBalancer
{
public:
    explicit ConnectionBalancer(int workers);

    // Worker `index` takes handed-over descriptors with `handOff` (called on the accepting
    // worker's thread; it must post to its own). Only attached workers are given connections.
    void attach(int index, std::function<void(qintptr)> handOff);
    void detach(int index);

    // Which worker serves a connection `acceptedBy` just accepted: `acceptedBy` unless another
    // attached worker has fewer open connections. The connection is counted for the result.
    int assign(int acceptedBy);
    // Gives the descriptor to `worker` (see attach).
    void handOff(int worker, qintptr descriptor);
    // A connection `worker` served has closed (or never opened).
    void released(int worker);

    int load(int worker) const;
    int workerCount() const { return int(m_workers.size()); }

private:
    struct Worker
    {
        std::atomic<int> open{0};
        std::atomic<bool> attached{false};
        std::function<void(qintptr)> handOff; // set before `attached`, read after it
    };
    std::vector<std::unique_ptr<Worker>> m_workers;
};

} // namespace liveview::internal
