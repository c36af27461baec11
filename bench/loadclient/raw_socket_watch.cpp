#include "raw_socket_watch.h"

#include "loadrunner.h"

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

RawSocketWatch::~RawSocketWatch()
{
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool RawSocketWatch::watch(LoadRunner &runner, const std::vector<int> &connections)
{
    const int epoll = epoll_create1(EPOLL_CLOEXEC);
    if (epoll < 0 || connections.empty()) {
        if (epoll >= 0)
            ::close(epoll);
        return false;
    }
    std::vector<int> owner;
    for (int c : connections) {
        const int fd = runner.descriptorOf(c);
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = fd;
        if (fd < 0 || epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &ev) != 0) {
            ::close(epoll);
            return false;
        }
        if (size_t(fd) >= owner.size())
            owner.resize(size_t(fd) + 1, -1);
        owner[size_t(fd)] = c;
    }
    m_epoll = epoll;
    m_owner = std::move(owner);
    return true;
}

void RawSocketWatch::readFor(int timeoutMs,
                             const std::function<void(int, const char *, size_t)> &received)
{
    epoll_event events[1024];
    static thread_local char buffer[65536];
    const int n = epoll_wait(m_epoll, events, 1024, timeoutMs);
    for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        const int connection = m_owner[size_t(fd)];
        for (;;) {
            const ssize_t got = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (got <= 0)
                break;
            received(connection, buffer, size_t(got));
        }
    }
}
