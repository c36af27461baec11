#include "tick_probe.h"

#include "loadrunner.h"
#include "percentile.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <unistd.h>

namespace {
double processCpuMs(const QString &pid)
{
    if (pid.isEmpty())
        return -1;
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) * 1e3 /
           double(sysconf(_SC_CLK_TCK));
}
} // namespace

TickProbe::TickProbe(LoadRunner &runner, int ticks, int viewers, QString serverPid, QObject *parent)
    : QObject(parent), m_runner(runner), m_wanted(ticks), m_viewers(viewers),
      m_serverPid(std::move(serverPid))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &TickProbe::finish);
}

void TickProbe::start()
{
    m_runner.messageTap = [this](int c, const QString &f) { return onFrame(c, f); };
    // A generous bound: the samples come once a second.
    m_timeout.start((m_wanted + 5) * 2000);
}

bool TickProbe::onFrame(int, const QString &frame)
{
    static const QRegularExpression stamp(QStringLiteral("at-(\\d{13})"));
    const QRegularExpressionMatch m = stamp.match(frame);
    if (!m.hasMatch())
        return false;
    const double now = double(QDateTime::currentMSecsSinceEpoch());
    const qint64 at = m.captured(1).toLongLong();
    if (m_firstStamp < 0) {
        // The first sample seen may have reached some viewers before the probe started.
        m_firstStamp = at;
        m_serverCpuAtStart = processCpuMs(m_serverPid);
        return false;
    }
    if (at == m_firstStamp)
        return false;
    Pending &p = m_pending[at];
    p.latencies.push_back(now - double(at));
    p.bytes += frame.toUtf8().size();
    if (int(p.latencies.size()) == m_viewers)
        closeTick(at);
    return false;
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
