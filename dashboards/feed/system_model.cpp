// The System part of the feed's model: histories appended and the figures the page shows.
#include "dashboard_feed.h"

#include <livedeck/widgets/format.h>

namespace livedeck::dashboards {

using widgets::formatBytes;

namespace {
QVariantList toList(const QList<double> &values)
{
    QVariantList out;
    for (const double v : values)
        out.append(v);
    return out;
}
} // namespace

QVariantMap DashboardFeed::systemModel(const SystemCounters &now, const SystemRates &rates)
{
    const double memUsed = double(now.memTotal - std::min(now.memTotal, now.memAvailable));
    const double swapUsed = double(now.swapTotal - std::min(now.swapTotal, now.swapFree));
    m_cpu.append(now.timeMs, {rates.cpuBusy, rates.cpuUser, rates.cpuSystem, rates.cpuIowait});
    m_load.append(now.timeMs, {now.load1, now.load5, now.load15});
    m_memory.append(now.timeMs, {memUsed, double(now.memCached), swapUsed});
    m_disk.append(now.timeMs, {rates.diskReadPerSecond, rates.diskWritePerSecond});
    m_network.append(now.timeMs, {rates.rxPerSecond, rates.txPerSecond});

    QVariantList cores;
    for (int i = 0; i < rates.coreBusy.size(); ++i)
        cores.append(QVariantMap{{QStringLiteral("label"), QStringLiteral("cpu%1").arg(i)},
                                 {QStringLiteral("value"), rates.coreBusy[i]}});
    QVariantList mounts;
    for (const MountUsage &m : now.mounts)
        mounts.append(QVariantMap{
            {QStringLiteral("id"), QString::number(qHash(m.mountPoint), 16)},
            {QStringLiteral("mount"), m.mountPoint},
            {QStringLiteral("used"), double(m.usedBytes)},
            {QStringLiteral("size"), double(m.usedBytes + m.availableBytes)},
            {QStringLiteral("hint"), QStringLiteral("%1 (%2) · %3 free")
                                         .arg(m.device, m.type, formatBytes(m.availableBytes))}});
    QVariantList interfaces;
    for (auto it = now.interfaces.cbegin(); it != now.interfaces.cend(); ++it) {
        const auto rate = rates.interfaceRates.value(it.key());
        interfaces.append(QVariantMap{{QStringLiteral("id"), it.key()},
                                      {QStringLiteral("name"), it.key()},
                                      {QStringLiteral("rx"), rate.first},
                                      {QStringLiteral("rx_text"), widgets::formatRate(rate.first)},
                                      {QStringLiteral("tx"), rate.second},
                                      {QStringLiteral("tx_text"), widgets::formatRate(rate.second)},
                                      {QStringLiteral("rx_total"), double(it->rxBytes)},
                                      {QStringLiteral("rx_total_text"), formatBytes(it->rxBytes)},
                                      {QStringLiteral("tx_total"), double(it->txBytes)},
                                      {QStringLiteral("tx_total_text"), formatBytes(it->txBytes)}});
    }
    return {{QStringLiteral("cpu_chart"), m_cpu.chartModel()},
            {QStringLiteral("load_chart"), m_load.chartModel()},
            {QStringLiteral("memory_chart"), m_memory.chartModel()},
            {QStringLiteral("disk_chart"), m_disk.chartModel()},
            {QStringLiteral("network_chart"), m_network.chartModel()},
            {QStringLiteral("cpu_busy"), rates.cpuBusy},
            {QStringLiteral("cpu_spark"), toList(m_cpu.tail(0, 60))},
            {QStringLiteral("cores"), cores},
            {QStringLiteral("core_count"), int(rates.coreBusy.size())},
            {QStringLiteral("load1"), now.load1},
            {QStringLiteral("load5"), now.load5},
            {QStringLiteral("load15"), now.load15},
            {QStringLiteral("mem_total"), double(now.memTotal)},
            {QStringLiteral("mem_used"), memUsed},
            {QStringLiteral("mem_spark"), toList(m_memory.tail(0, 60))},
            {QStringLiteral("swap_total"), double(now.swapTotal)},
            {QStringLiteral("swap_used"), swapUsed},
            {QStringLiteral("mounts"), mounts},
            {QStringLiteral("interfaces"), interfaces},
            {QStringLiteral("disk_read"), rates.diskReadPerSecond},
            {QStringLiteral("disk_write"), rates.diskWritePerSecond},
            {QStringLiteral("rx"), rates.rxPerSecond},
            {QStringLiteral("tx"), rates.txPerSecond}};
}

} // namespace livedeck::dashboards
