// Fan-out timing: one chat message, sent by one client, reaches every connected client. Each
// round sends a uniquely marked message and measures, from the send, when each client receives
// the diff carrying it; the round's figure is the time until the last one has it.
//
// Receiving: raw bytes through RawSocketWatch by default; `qtReader` keeps Qt's path.
#pragma once

#include "raw_socket_watch.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <string>
#include <vector>

class LoadRunner;

struct FanoutRound
{
    int expected = 0;
    int received = 0;
    double lastMs = 0; // send -> last client's diff
    double p50Ms = 0;
    double p99Ms = 0;
    double clientCpuMs = 0;  // this process's CPU time during the round
    double serverCpuMs = -1; // the server's (with --server-pid), -1 if unknown
};

class FanoutProbe : public QObject
{
    Q_OBJECT
public:
    // `event`/`field`: the form event the page sends (chat: phx-submit "send", input "body").
    FanoutProbe(LoadRunner &runner, int rounds, QString event, QString field,
                QString serverPid = {}, bool qtReader = false, QObject *parent = nullptr);
    void start();
    const std::vector<FanoutRound> &rounds() const { return m_results; }

signals:
    void finished();

private:
    void sendRound();
    bool onFrame(int connection, const QString &frame);
    void endRound();
    void readUntilDone();

    LoadRunner &m_runner;
    int m_rounds;
    QString m_event;
    QString m_field;
    QString m_serverPid;
    bool m_qtReader;
    RawSocketWatch m_watch;
    std::vector<std::string> m_tails; // by connection: last bytes, for a marker split in two
    double m_clientCpuAtSend = 0;
    double m_serverCpuAtSend = -1;
    std::vector<int> m_clients;
    std::vector<char> m_seen; // per connection index, this round
    std::vector<double> m_latencies;
    QString m_marker;
    QElapsedTimer m_clock;
    QTimer m_roundTimeout;
    std::vector<FanoutRound> m_results;
};
