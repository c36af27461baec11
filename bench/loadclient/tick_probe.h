// Sample-to-viewer timing of a page driven by a server-side sampler (the System dashboard): each
// diff that carries the page's sample stamp (`at-<ms since the epoch>`, rendered by the page)
// is timed against that stamp on arrival (client and server share a clock: same machine), and
// its size counted. Also the server's CPU time per sample, from /proc/<pid>/stat.
//
// Receiving: like the fan-out probe, it watches the viewers' sockets itself with epoll and finds
// the stamp in the raw bytes (bytes per viewer then include the WebSocket frame headers). Qt's
// reader decodes every 6-8 KB diff into a QString: at 1,000 viewers that took tens of
// milliseconds of the load client's CPU per sample, on the same two cores as the server, and
// was measured as the server's delay. `qtReader` keeps Qt's path.
#pragma once

#include "raw_socket_watch.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <string>
#include <vector>

class LoadRunner;

struct TickResult
{
    qint64 sampledAtMs = 0;
    int received = 0;
    double maxMs = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double bytesPerViewer = 0;
};

class TickProbe : public QObject
{
    Q_OBJECT
public:
    TickProbe(LoadRunner &runner, int ticks, int viewers, QString serverPid, bool qtReader = false,
              QObject *parent = nullptr);
    void start();
    const std::vector<TickResult> &ticks() const { return m_results; }
    double serverCpuMsPerTick() const { return m_serverCpuPerTick; }

signals:
    void finished();

private:
    bool onFrame(int connection, const QString &frame);
    // A stamp seen by a viewer now; `bytes` is what it received since its previous one.
    void record(qint64 stamp, qint64 bytes);
    void closeTick(qint64 stamp);
    void finish();
    void readUntilDone();

    LoadRunner &m_runner;
    int m_wanted;
    int m_viewers;
    QString m_serverPid;
    struct Pending
    {
        std::vector<double> latencies;
        qint64 bytes = 0;
    };
    QHash<qint64, Pending> m_pending;
    qint64 m_firstStamp = -1;
    std::vector<TickResult> m_results;
    double m_serverCpuAtStart = -1;
    double m_serverCpuPerTick = -1;
    QTimer m_timeout;
    bool m_qtReader;
    RawSocketWatch m_watch;
    struct RawViewer
    {
        std::string tail; // the last bytes, for a stamp split across two reads
        qint64 bytes = 0; // received since its last stamp
    };
    std::vector<RawViewer> m_raw; // by connection index
};
