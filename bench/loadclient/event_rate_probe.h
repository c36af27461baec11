// Event rate: once everyone has joined, the first `activeClients` clients each send a click
// event `perClientPerSecond` times a second for `seconds`, evenly spread in time, and the probe
// measures each event from its send to its reply (the reply carries the diff, and is what a
// browser waits for). Reports events answered per second and the latency percentiles.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <vector>

class LoadRunner;

struct EventRateResult
{
    qint64 sent = 0;
    qint64 answered = 0;
    qint64 errors = 0;  // replies with status error
    double seconds = 0; // from the first send to the last reply (or the last send)
    double p50Ms = 0, p90Ms = 0, p99Ms = 0, maxMs = 0;
};

class EventRateProbe : public QObject
{
    Q_OBJECT
public:
    EventRateProbe(LoadRunner &runner, QString event, int activeClients, double perClientPerSecond,
                   double seconds, QObject *parent = nullptr);
    void start();
    const EventRateResult &result() const { return m_result; }

signals:
    void finished();

private:
    void tick();
    void finish();
    bool onFrame(int connection, const QString &frame);

    LoadRunner &m_runner;
    QString m_event;
    int m_activeClients;
    double m_rate;
    double m_seconds;
    std::vector<int> m_clients;
    QString m_frameTail;              // the event's payload after the ref and topic
    size_t m_next = 0;                // round-robin position
    qint64 m_due = 0;                 // events the schedule has asked for so far
    QHash<quint64, qint64> m_pending; // connection << 32 | ref -> send time (ns)
    std::vector<float> m_latencies;
    QElapsedTimer m_clock;
    QTimer m_ticker;
    QTimer m_drain;
    bool m_sending = false;
    EventRateResult m_result;
};
