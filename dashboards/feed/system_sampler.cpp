// /proc and statvfs readers (see system_sampler.h).
#include "system_sampler.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <sys/statvfs.h>

namespace livedeck::dashboards {

namespace {
QByteArray readFile(const QString &path)
{
    QFile f(path);
    // /proc files report size 0: read until the end.
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<QByteArray> fields(const QByteArray &line)
{
    return line.simplified().split(' ');
}

CpuTimes cpuTimes(const QList<QByteArray> &f)
{
    CpuTimes t;
    quint64 *targets[] = {&t.user,   &t.nice, &t.system,  &t.idle,
                          &t.iowait, &t.irq,  &t.softirq, &t.steal};
    for (int i = 0; i < 8; ++i)
        *targets[i] = f.value(i + 1).toULongLong();
    return t;
}

double percent(quint64 part, quint64 whole)
{
    return whole ? 100.0 * double(part) / double(whole) : 0;
}

quint64 delta(quint64 after, quint64 before)
{
    return after >= before ? after - before : 0; // a counter reset reads as no activity
}
} // namespace

namespace procfs {

void parseStat(const QByteArray &text, SystemCounters *out)
{
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith("cpu"))
            continue;
        const QList<QByteArray> f = fields(line);
        if (f.value(0) == "cpu")
            out->cpuTotal = cpuTimes(f);
        else
            out->cpuCores.append(cpuTimes(f));
    }
}

void parseLoadAvg(const QByteArray &text, SystemCounters *out)
{
    const QList<QByteArray> f = fields(text);
    out->load1 = f.value(0).toDouble();
    out->load5 = f.value(1).toDouble();
    out->load15 = f.value(2).toDouble();
}

void parseMemInfo(const QByteArray &text, SystemCounters *out)
{
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> f = fields(line);
        const quint64 bytes = f.value(1).toULongLong() * 1024;
        const QByteArray key = f.value(0);
        if (key == "MemTotal:")
            out->memTotal = bytes;
        else if (key == "MemAvailable:")
            out->memAvailable = bytes;
        else if (key == "Cached:")
            out->memCached = bytes;
        else if (key == "SwapTotal:")
            out->swapTotal = bytes;
        else if (key == "SwapFree:")
            out->swapFree = bytes;
    }
}

void parseNetDev(const QByteArray &text, SystemCounters *out)
{
    for (const QByteArray &line : text.split('\n')) {
        const int colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QString name = QString::fromLatin1(line.left(colon).trimmed());
        const QList<QByteArray> f = fields(line.mid(colon + 1));
        if (f.size() < 9)
            continue;
        out->interfaces.insert(name, {f.value(0).toULongLong(), f.value(8).toULongLong()});
    }
}

void parseDiskStats(const QByteArray &text, SystemCounters *out,
                    const std::function<bool(const QString &)> &isWholeDisk)
{
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> f = fields(line);
        if (f.size() < 10)
            continue;
        const QString name = QString::fromLatin1(f.value(2));
        if (name.startsWith(u"loop") || name.startsWith(u"ram") || !isWholeDisk(name))
            continue;
        // Sectors are 512 bytes in /proc/diskstats whatever the device's own sector size.
        out->diskReadBytes += f.value(5).toULongLong() * 512;
        out->diskWriteBytes += f.value(9).toULongLong() * 512;
    }
}

QList<MountUsage> parseMounts(const QByteArray &text)
{
    static const QStringList pseudoBacked{QStringLiteral("overlay"), QStringLiteral("zfs"),
                                          QStringLiteral("btrfs")};
    QList<MountUsage> mounts;
    QStringList devices;
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> f = fields(line);
        if (f.size() < 3)
            continue;
        MountUsage m;
        m.device = QString::fromLatin1(f[0]);
        m.mountPoint =
            QString::fromLatin1(f[1]).replace(QStringLiteral("\\040"), QStringLiteral(" "));
        m.type = QString::fromLatin1(f[2]);
        if (!m.device.startsWith(u"/dev/") && !pseudoBacked.contains(m.type))
            continue;
        if (m.device.startsWith(u"/dev/loop") || devices.contains(m.device))
            continue;
        devices.append(m.device);
        mounts.append(m);
    }
    return mounts;
}

} // namespace procfs

SystemSampler::SystemSampler(QString procRoot, QString sysRoot)
    : m_proc(std::move(procRoot)), m_sys(std::move(sysRoot))
{
}

SystemCounters SystemSampler::read(qint64 timeMs) const
{
    SystemCounters c;
    c.timeMs = timeMs;
    procfs::parseStat(readFile(m_proc + QStringLiteral("/stat")), &c);
    procfs::parseLoadAvg(readFile(m_proc + QStringLiteral("/loadavg")), &c);
    procfs::parseMemInfo(readFile(m_proc + QStringLiteral("/meminfo")), &c);
    procfs::parseNetDev(readFile(m_proc + QStringLiteral("/net/dev")), &c);
    const QString sys = m_sys;
    procfs::parseDiskStats(readFile(m_proc + QStringLiteral("/diskstats")), &c,
                           [&sys](const QString &name) {
                               return QFileInfo::exists(sys + QStringLiteral("/block/") + name);
                           });
    for (MountUsage m : procfs::parseMounts(readFile(m_proc + QStringLiteral("/mounts")))) {
        struct statvfs s
        {
        };
        if (statvfs(QFile::encodeName(m.mountPoint).constData(), &s) != 0 || s.f_blocks == 0)
            continue;
        m.sizeBytes = quint64(s.f_blocks) * s.f_frsize;
        m.usedBytes = quint64(s.f_blocks - s.f_bfree) * s.f_frsize;
        m.availableBytes = quint64(s.f_bavail) * s.f_frsize;
        c.mounts.append(m);
    }
    return c;
}

SystemRates SystemSampler::rates(const SystemCounters &a, const SystemCounters &b)
{
    SystemRates r;
    const quint64 total = delta(b.cpuTotal.total(), a.cpuTotal.total());
    const quint64 idle = delta(b.cpuTotal.idle, a.cpuTotal.idle);
    const quint64 iowait = delta(b.cpuTotal.iowait, a.cpuTotal.iowait);
    r.cpuBusy = percent(total - std::min(total, idle + iowait), total);
    r.cpuUser =
        percent(delta(b.cpuTotal.user + b.cpuTotal.nice, a.cpuTotal.user + a.cpuTotal.nice), total);
    r.cpuSystem = percent(delta(b.cpuTotal.system + b.cpuTotal.irq + b.cpuTotal.softirq,
                                a.cpuTotal.system + a.cpuTotal.irq + a.cpuTotal.softirq),
                          total);
    r.cpuIowait = percent(iowait, total);
    for (int i = 0; i < b.cpuCores.size(); ++i) {
        const CpuTimes before = a.cpuCores.value(i), after = b.cpuCores[i];
        const quint64 t = delta(after.total(), before.total());
        const quint64 idleCore = delta(after.idle + after.iowait, before.idle + before.iowait);
        r.coreBusy.append(percent(t - std::min(t, idleCore), t));
    }
    const double seconds = std::max<qint64>(1, b.timeMs - a.timeMs) / 1000.0;
    r.diskReadPerSecond = delta(b.diskReadBytes, a.diskReadBytes) / seconds;
    r.diskWritePerSecond = delta(b.diskWriteBytes, a.diskWriteBytes) / seconds;
    for (auto it = b.interfaces.cbegin(); it != b.interfaces.cend(); ++it) {
        const InterfaceCounters before = a.interfaces.value(it.key(), it.value());
        const double rx = delta(it->rxBytes, before.rxBytes) / seconds;
        const double tx = delta(it->txBytes, before.txBytes) / seconds;
        r.interfaceRates.insert(it.key(), {rx, tx});
        if (it.key() != u"lo") {
            r.rxPerSecond += rx;
            r.txPerSecond += tx;
        }
    }
    return r;
}

} // namespace livedeck::dashboards
