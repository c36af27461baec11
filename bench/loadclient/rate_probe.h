// Sustained chat traffic: one client sends `rate` messages per second for `seconds`, every
// connected client's receipt of every message is timed from its send. Reports delivery
// percentiles over all (message, client) pairs and how many never arrived. Reads the sockets
// with epoll and finds markers in the raw bytes, like FanoutProbe, so the client's own CPU stays
// small next to the server's.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <string>
#include <vector>

class LoadRunner;

struct RateResult
{
    int messages = 0;
    qint64 expected = 0; // messages x clients
    qint64 received = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    double serverCpuMsPerSecond = -1;
    double clientCpuMsPerSecond = 0;
};

class RateProbe : public QObject
{
    Q_OBJECT
public:
    // `event`/`field`: the form event the page sends (the chat's phx-submit "send", "body").
    RateProbe(LoadRunner &runner, double rate, double seconds, QString event, QString field,
              QString serverPid, QObject *parent = nullptr);
    void start();
    const RateResult &result() const { return m_result; }

signals:
    void finished();

private:
    bool setUpEpoll();
    void run();
    void sendMessage(int sequence);
    void scan(int connection, const char *data, size_t size, double nowMs);

    LoadRunner &m_runner;
    double m_rate;
    double m_seconds;
    QString m_event;
    QString m_field;
    QString m_serverPid;
    QString m_runId;
    int m_epoll = -1;
    std::vector<int> m_clients;
    std::vector<int> m_descriptorOwner;
    std::vector<std::string> m_tails;
    std::vector<double> m_sentAtMs;        // by sequence
    std::vector<std::vector<char>> m_seen; // by sequence, by connection
    std::vector<double> m_latencies;
    QElapsedTimer m_clock;
    RateResult m_result;
};
