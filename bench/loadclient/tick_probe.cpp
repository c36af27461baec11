#include "tick_probe.h"

#include "process_cpu.h"

#include "loadrunner.h"
#include "percentile.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <algorithm>
#include <cctype>
#include <string>
#include <unistd.h>

TickProbe::TickProbe(LoadRunner &runner, int ticks, int viewers, QString serverPid, bool qtReader,
                     QObject *parent)
    : QObject(parent), m_runner(runner), m_wanted(ticks), m_viewers(viewers),
      m_serverPid(std::move(serverPid)), m_qtReader(qtReader)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &TickProbe::finish);
}

void TickProbe::start()
{
    m_runner.messageTap = [this](int c, const QString &f) { return onFrame(c, f); };
    // A generous bound: the samples come once a second.
    m_timeout.start((m_wanted + 5) * 2000);
    const std::vector<int> viewers = m_runner.joinedConnections();
    if (m_qtReader || !m_watch.watch(m_runner, viewers))
        return;
    m_raw.assign(size_t(*std::max_element(viewers.begin(), viewers.end())) + 1, RawViewer());
    m_runner.messageTap = [](int, const QString &) { return false; }; // marks the probe running
    m_runner.stopHeartbeats(); // the bytes are read here; a run is far shorter than the timeout
    readUntilDone();
}

bool TickProbe::onFrame(int, const QString &frame)
{
    static const QRegularExpression stamp(QStringLiteral("at-(\\d{13})"));
    const QRegularExpressionMatch m = stamp.match(frame);
    if (m.hasMatch())
        record(m.captured(1).toLongLong(), frame.toUtf8().size());
    return false;
}

void TickProbe::record(qint64 at, qint64 bytes)
{
    const double now = double(QDateTime::currentMSecsSinceEpoch());
    if (m_firstStamp < 0) {
        // The first sample seen may have reached some viewers before the probe started.
        m_firstStamp = at;
        m_serverCpuAtStart = processCpuMs(m_serverPid);
        return;
    }
    if (at <= m_firstStamp)
        return;
    Pending &p = m_pending[at];
    p.latencies.push_back(now - double(at));
    p.bytes += bytes;
    if (int(p.latencies.size()) == m_viewers)
        closeTick(at);
}

void TickProbe::readUntilDone()
{
    static constexpr char marker[] = "at-";
    static constexpr size_t stampDigits = 13;
    while (m_runner.messageTap && m_timeout.remainingTime() > 0) {
        m_watch.readFor(100, [&](int c, const char *data, size_t size) {
            RawViewer &viewer = m_raw[size_t(c)];
            viewer.bytes += qint64(size);
            viewer.tail.append(data, size);
            size_t at = 0;
            size_t keepFrom = viewer.tail.size() > 15 ? viewer.tail.size() - 15 : 0;
            while ((at = viewer.tail.find(marker, at)) != std::string::npos) {
                const size_t digits = at + 3;
                if (digits + stampDigits > viewer.tail.size()) {
                    keepFrom = std::min(keepFrom, at); // the stamp's end comes next
                    break;
                }
                bool stamp = true;
                for (size_t d = digits; d < digits + stampDigits; ++d)
                    stamp = stamp && std::isdigit(static_cast<unsigned char>(viewer.tail[d]));
                if (stamp) {
                    record(std::stoll(viewer.tail.substr(digits, stampDigits)), viewer.bytes);
                    viewer.bytes = 0;
                }
                at = digits;
            }
            viewer.tail.erase(0, keepFrom);
        });
    }
    finish();
}

void TickProbe::closeTick(qint64 stamp)
{
    Pending p = m_pending.take(stamp);
    std::sort(p.latencies.begin(), p.latencies.end());
    TickResult r;
    r.sampledAtMs = stamp;
    r.received = int(p.latencies.size());
    r.maxMs = p.latencies.empty() ? 0 : p.latencies.back();
    r.p50Ms = percentile(p.latencies, 0.5);
    r.p99Ms = percentile(p.latencies, 0.99);
    r.bytesPerViewer = r.received ? double(p.bytes) / r.received : 0;
    m_results.push_back(r);
    if (int(m_results.size()) >= m_wanted)
        finish();
}

void TickProbe::finish()
{
    if (!m_runner.messageTap)
        return;
    m_runner.messageTap = nullptr;
    m_timeout.stop();
    const QList<qint64> incomplete = m_pending.keys(); // late or lost: they count too
    for (const qint64 stamp : incomplete)
        closeTick(stamp);
    const double cpuNow = processCpuMs(m_serverPid);
    if (m_serverCpuAtStart >= 0 && !m_results.empty())
        m_serverCpuPerTick = (cpuNow - m_serverCpuAtStart) / double(m_results.size());
    emit finished();
}
