#pragma once
// What the System dashboard shows, read from /proc and statvfs: CPU per core and in total, load,
// memory and swap, disk use per mount and disk I/O, network per interface. Counters become rates
// between two samples. The parsers take the files' text, so tests feed them known contents.

#include <QList>
#include <QMap>
#include <QString>
#include <functional>

namespace livedeck::dashboards {

struct CpuTimes
{
    quint64 user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    quint64 total() const { return user + nice + system + idle + iowait + irq + softirq + steal; }
};

struct MountUsage
{
    QString mountPoint;
    QString device;
    QString type;
    quint64 sizeBytes = 0;
    quint64 usedBytes = 0;
    quint64 availableBytes = 0;
};

struct InterfaceCounters
{
    quint64 rxBytes = 0;
    quint64 txBytes = 0;
};

struct SystemCounters
{
    qint64 timeMs = 0;
    CpuTimes cpuTotal;
    QList<CpuTimes> cpuCores;
    double load1 = 0, load5 = 0, load15 = 0;
    quint64 memTotal = 0, memAvailable = 0, memCached = 0, swapTotal = 0, swapFree = 0; // bytes
    quint64 diskReadBytes = 0, diskWriteBytes = 0; // whole disks, since boot
    QMap<QString, InterfaceCounters> interfaces;
    QList<MountUsage> mounts;
};

// Percentages and rates between two samples.
struct SystemRates
{
    double cpuBusy = 0, cpuUser = 0, cpuSystem = 0, cpuIowait = 0; // percent of all cores
    QList<double> coreBusy;                                        // percent per core
    double diskReadPerSecond = 0, diskWritePerSecond = 0;
    QMap<QString, std::pair<double, double>> interfaceRates; // rx, tx bytes/s
    double rxPerSecond = 0, txPerSecond = 0;                 // every interface but loopback
};

namespace procfs {
void parseStat(const QByteArray &text, SystemCounters *out);
void parseLoadAvg(const QByteArray &text, SystemCounters *out);
void parseMemInfo(const QByteArray &text, SystemCounters *out);
void parseNetDev(const QByteArray &text, SystemCounters *out);
// `isWholeDisk(name)` says which devices count (partitions would count twice).
void parseDiskStats(const QByteArray &text, SystemCounters *out,
                    const std::function<bool(const QString &)> &isWholeDisk);
// Mounts of real file systems (block devices, overlay, zfs, btrfs), one per device.
QList<MountUsage> parseMounts(const QByteArray &text);
} // namespace procfs

class SystemSampler
{
public:
    // `procRoot` and `sysRoot` are /proc and /sys (tests point them elsewhere).
    explicit SystemSampler(QString procRoot = QStringLiteral("/proc"),
                           QString sysRoot = QStringLiteral("/sys"));
    SystemCounters read(qint64 timeMs) const;
    static SystemRates rates(const SystemCounters &before, const SystemCounters &after);

private:
    QString m_proc;
    QString m_sys;
};

} // namespace livedeck::dashboards
