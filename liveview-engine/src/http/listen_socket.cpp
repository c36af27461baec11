// POSIX listening socket, so that each worker's QTcpServer can adopt a dup() of it.
#include "listen_socket.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace liveview::internal {

int openListenSocket(const QHostAddress &address, quint16 port, int backlog, quint16 *boundPort,
                     QString *error)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(strerror(errno));
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (v6) {
        auto *a = reinterpret_cast<sockaddr_in6 *>(&storage);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        const Q_IPV6ADDR ip = address.toIPv6Address();
        std::memcpy(&a->sin6_addr, &ip, sizeof ip);
        length = sizeof *a;
    } else {
        auto *a = reinterpret_cast<sockaddr_in *>(&storage);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        a->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof *a;
    }
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) < 0 ||
        ::listen(fd, backlog) < 0) {
        *error = QString::fromLocal8Bit(strerror(errno));
        ::close(fd);
        return -1;
    }
    if (boundPort) {
        sockaddr_storage bound{};
        socklen_t boundLength = sizeof bound;
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&bound), &boundLength);
        *boundPort = ntohs(v6 ? reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port
                              : reinterpret_cast<sockaddr_in *>(&bound)->sin_port);
    }
    return fd;
}

} // namespace liveview::internal
