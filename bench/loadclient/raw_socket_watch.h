#pragma once
// Reads load-client connections' sockets directly with epoll, past QWebSocket: the probes look
// for their markers in the raw bytes instead of letting Qt poll() thousands of sockets and
// decode every frame into a QString (on a 2-core machine the load client's own CPU time would
// otherwise be a large part of what is measured). Bytes read here are gone from QWebSocket's
// view, so a probe stops the runner's heartbeats for its run.

#include <functional>
#include <vector>

class LoadRunner;

class RawSocketWatch
{
public:
    RawSocketWatch() = default;
    ~RawSocketWatch();
    RawSocketWatch(const RawSocketWatch &) = delete;
    RawSocketWatch &operator=(const RawSocketWatch &) = delete;

    // Watches these connections' sockets; false (and nothing watched) if one has none.
    bool watch(LoadRunner &runner, const std::vector<int> &connections);
    bool isWatching() const { return m_epoll >= 0; }
    // Waits up to `timeoutMs` for bytes, then reads all that is there, handing each chunk to
    // `received(connection, data, size)`.
    void readFor(int timeoutMs, const std::function<void(int, const char *, size_t)> &received);

private:
    int m_epoll = -1;
    std::vector<int> m_owner; // by fd: connection index, -1 if none
};
