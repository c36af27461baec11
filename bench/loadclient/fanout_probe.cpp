#include "fanout_probe.h"

#include "process_cpu.h"

#include "loadrunner.h"
#include "percentile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <algorithm>
#include <unistd.h>

namespace {
constexpr int kRoundTimeoutMs = 30000;
constexpr int kPauseBetweenRoundsMs = 500; // lets the server drain before the next message
} // namespace

FanoutProbe::FanoutProbe(LoadRunner &runner, int rounds, QString event, QString field,
                         QString serverPid, bool qtReader, QObject *parent)
    : QObject(parent), m_runner(runner), m_rounds(rounds), m_event(std::move(event)),
      m_field(std::move(field)), m_serverPid(std::move(serverPid)), m_qtReader(qtReader)
{
    m_roundTimeout.setSingleShot(true);
    connect(&m_roundTimeout, &QTimer::timeout, this, &FanoutProbe::endRound);
}

void FanoutProbe::start()
{
    m_clients = m_runner.joinedConnections();
    if (m_clients.empty() || m_rounds <= 0) {
        emit finished();
        return;
    }
    m_seen.assign(size_t(*std::max_element(m_clients.begin(), m_clients.end())) + 1, 0);
    if (m_qtReader || !m_watch.watch(m_runner, m_clients))
        m_runner.messageTap = [this](int c, const QString &f) { return onFrame(c, f); };
    else
        m_runner.stopHeartbeats();
    m_tails.assign(m_seen.size(), std::string());
    m_clock.start();
    sendRound();
}

void FanoutProbe::sendRound()
{
    std::fill(m_seen.begin(), m_seen.end(), 0);
    m_latencies.clear();
    m_marker = QStringLiteral("fanout%1x%2")
                   .arg(m_results.size())
                   .arg(QRandomGenerator::global()->generate(), 0, 36);
    const int sender = m_clients.front();
    const QJsonObject payload{{QStringLiteral("type"), QStringLiteral("form")},
                              {QStringLiteral("event"), m_event},
                              {QStringLiteral("value"), m_field + QLatin1Char('=') + m_marker},
                              {QStringLiteral("meta"), QJsonObject()}};
    const QJsonArray frame{QStringLiteral("4"), m_runner.nextRefOf(sender),
                           m_runner.topicOf(sender), QStringLiteral("event"), payload};
    m_clientCpuAtSend = ownCpuMs();
    m_serverCpuAtSend = processCpuMs(m_serverPid);
    m_clock.restart();
    m_runner.sendText(sender,
                      QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    if (m_watch.isWatching()) {
        m_runner.flush(sender);
        readUntilDone();
        return;
    }
    m_roundTimeout.start(kRoundTimeoutMs);
}

bool FanoutProbe::onFrame(int connection, const QString &frame)
{
    // A plain substring test: parsing thousands of frames would time the client, not the server.
    if (m_marker.isEmpty() || !frame.contains(m_marker))
        return false;
    if (size_t(connection) < m_seen.size() && !m_seen[size_t(connection)]) {
        m_seen[size_t(connection)] = 1;
        m_latencies.push_back(double(m_clock.nsecsElapsed()) / 1e6);
        if (m_latencies.size() == m_clients.size())
            endRound();
    }
    return true;
}

void FanoutProbe::readUntilDone()
{
    const QByteArray marker = m_marker.toUtf8();
    const size_t keep = size_t(marker.size()) - 1;
    while (m_latencies.size() < m_clients.size() && m_clock.elapsed() < kRoundTimeoutMs) {
        m_watch.readFor(100, [&](int c, const char *data, size_t size) {
            if (m_seen[size_t(c)])
                return;
            std::string &tail = m_tails[size_t(c)];
            tail.append(data, size);
            if (tail.find(marker.constData(), 0, size_t(marker.size())) != std::string::npos) {
                m_seen[size_t(c)] = 1;
                m_latencies.push_back(double(m_clock.nsecsElapsed()) / 1e6);
                tail.clear();
            } else if (tail.size() > keep) {
                tail.erase(0, tail.size() - keep);
            }
        });
    }
    endRound();
}

void FanoutProbe::endRound()
{
    m_roundTimeout.stop();
    FanoutRound r;
    r.expected = int(m_clients.size());
    r.received = int(m_latencies.size());
    r.lastMs = m_latencies.empty() ? 0 : *std::max_element(m_latencies.begin(), m_latencies.end());
    r.p50Ms = percentile(m_latencies, 0.5);
    r.p99Ms = percentile(m_latencies, 0.99);
    r.clientCpuMs = ownCpuMs() - m_clientCpuAtSend;
    if (m_serverCpuAtSend >= 0)
        r.serverCpuMs = processCpuMs(m_serverPid) - m_serverCpuAtSend;
    m_results.push_back(r);
    m_marker.clear();
    if (int(m_results.size()) >= m_rounds) {
        m_runner.messageTap = nullptr;
        emit finished();
        return;
    }
    QTimer::singleShot(qEnvironmentVariableIsSet("FANOUT_PAUSE_MS")
                           ? qEnvironmentVariableIntValue("FANOUT_PAUSE_MS")
                           : kPauseBetweenRoundsMs,
                       this, &FanoutProbe::sendRound);
}
