#include "rate_probe.h"

#include "process_cpu.h"

#include "loadrunner.h"
#include "percentile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <algorithm>
#include <cstring>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
constexpr double kDrainMs = 5000; // after the last send, for late deliveries
} // namespace

RateProbe::RateProbe(LoadRunner &runner, double rate, double seconds, QString event, QString field,
                     QString serverPid, QObject *parent)
    : QObject(parent), m_runner(runner), m_rate(rate), m_seconds(seconds),
      m_event(std::move(event)), m_field(std::move(field)), m_serverPid(std::move(serverPid))
{
}

void RateProbe::start()
{
    m_clients = m_runner.joinedConnections();
    if (m_clients.empty() || m_rate <= 0 || m_seconds <= 0 || !setUpEpoll()) {
        emit finished();
        return;
    }
    m_runner.stopHeartbeats();
    // Marker: "r<run>q<sequence>z", unique to this run so older messages never match.
    m_runId = QString::number(QRandomGenerator::global()->generate(), 36);
    run();
    emit finished();
}

bool RateProbe::setUpEpoll()
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0)
        return false;
    for (int c : m_clients) {
        const int fd = m_runner.descriptorOf(c);
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = fd;
        if (fd < 0 || epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) != 0)
            return false;
        if (size_t(fd) >= m_descriptorOwner.size())
            m_descriptorOwner.resize(size_t(fd) + 1, -1);
        m_descriptorOwner[size_t(fd)] = c;
    }
    m_tails.assign(size_t(*std::max_element(m_clients.begin(), m_clients.end())) + 1, {});
    return true;
}

void RateProbe::sendMessage(int sequence)
{
    const int sender = m_clients.front();
    const QString marker = QStringLiteral("r%1q%2z").arg(m_runId).arg(sequence);
    const QJsonObject payload{{QStringLiteral("type"), QStringLiteral("form")},
                              {QStringLiteral("event"), m_event},
                              {QStringLiteral("value"), m_field + QLatin1Char('=') + marker},
                              {QStringLiteral("meta"), QJsonObject()}};
    const QJsonArray frame{QStringLiteral("4"), m_runner.nextRefOf(sender),
                           m_runner.topicOf(sender), QStringLiteral("event"), payload};
    m_sentAtMs.push_back(double(m_clock.nsecsElapsed()) / 1e6);
    m_seen.emplace_back(m_tails.size(), 0);
    m_runner.sendText(sender,
                      QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    m_runner.flush(sender);
}

void RateProbe::scan(int connection, const char *data, size_t size, double nowMs)
{
    std::string &buffer = m_tails[size_t(connection)];
    buffer.append(data, size);
    const std::string prefix = "r" + m_runId.toStdString() + "q";
    size_t at = 0;
    size_t consumed = 0;
    while ((at = buffer.find(prefix, at)) != std::string::npos) {
        const size_t digits = at + prefix.size();
        const size_t end = buffer.find('z', digits);
        if (end == std::string::npos)
            break; // the rest of the marker comes with the next read
        const int sequence = std::atoi(buffer.c_str() + digits);
        if (sequence >= 0 && size_t(sequence) < m_seen.size() &&
            !m_seen[size_t(sequence)][size_t(connection)]) {
            m_seen[size_t(sequence)][size_t(connection)] = 1;
            m_latencies.push_back(nowMs - m_sentAtMs[size_t(sequence)]);
        }
        at = consumed = end + 1;
    }
    // Keep only what could start a marker split across reads.
    const size_t keep = prefix.size() + 12;
    const size_t from = std::max(consumed, buffer.size() > keep ? buffer.size() - keep : 0);
    buffer.erase(0, from);
}

void RateProbe::run()
{
    const int total = std::max(1, int(m_rate * m_seconds));
    const double intervalMs = 1000.0 / m_rate;
    const double clientCpuStart = ownCpuMs();
    const double serverCpuStart = processCpuMs(m_serverPid);
    m_clock.start();
    std::vector<epoll_event> events(1024);
    char buffer[65536];
    int sent = 0;
    const double endMs = (total - 1) * intervalMs + kDrainMs;
    const qint64 expected = qint64(total) * qint64(m_clients.size());
    for (;;) {
        double now = double(m_clock.nsecsElapsed()) / 1e6;
        while (sent < total && now >= sent * intervalMs) {
            sendMessage(sent++);
            now = double(m_clock.nsecsElapsed()) / 1e6;
        }
        if (now >= endMs || (sent == total && qint64(m_latencies.size()) >= expected))
            break;
        const double untilNext = sent < total ? sent * intervalMs - now : 50;
        const int n =
            epoll_wait(m_epoll, events.data(), int(events.size()), std::max(0, int(untilNext)));
        now = double(m_clock.nsecsElapsed()) / 1e6;
        for (int i = 0; i < n; ++i) {
            const int fd = events[size_t(i)].data.fd;
            const int c = m_descriptorOwner[size_t(fd)];
            for (;;) {
                const ssize_t got = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
                if (got <= 0)
                    break;
                scan(c, buffer, size_t(got), now);
            }
        }
    }
    const double elapsedS = double(m_clock.nsecsElapsed()) / 1e9;
    m_result.messages = total;
    m_result.expected = expected;
    m_result.received = qint64(m_latencies.size());
    m_result.p50Ms = percentile(m_latencies, 0.5);
    m_result.p99Ms = percentile(m_latencies, 0.99);
    m_result.maxMs =
        m_latencies.empty() ? 0 : *std::max_element(m_latencies.begin(), m_latencies.end());
    m_result.clientCpuMsPerSecond = (ownCpuMs() - clientCpuStart) / elapsedS;
    if (serverCpuStart >= 0)
        m_result.serverCpuMsPerSecond = (processCpuMs(m_serverPid) - serverCpuStart) / elapsedS;
    ::close(m_epoll);
    m_epoll = -1;
}
