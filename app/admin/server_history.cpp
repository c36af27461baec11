// Samples of the server's figures over time, with rates and duration quantiles per interval.
#include "server_history.h"

#include <cmath>

namespace livedeck::admin {
namespace {

// Every view class's histogram summed: the bounds are the same for all of them.
QList<std::pair<double, quint64>> summedBuckets(const QList<liveview::ViewClassStats> &classes)
{
    QList<std::pair<double, quint64>> sum;
    for (const liveview::ViewClassStats &c : classes) {
        if (sum.isEmpty()) {
            sum = c.durationBuckets;
            continue;
        }
        for (qsizetype i = 0; i < sum.size() && i < c.durationBuckets.size(); ++i)
            sum[i].second += c.durationBuckets.at(i).second;
    }
    return sum;
}

QList<std::pair<double, quint64>> difference(const QList<std::pair<double, quint64>> &now,
                                             const QList<std::pair<double, quint64>> &before)
{
    QList<std::pair<double, quint64>> d = now;
    if (before.size() != now.size())
        return d;
    for (qsizetype i = 0; i < d.size(); ++i)
        d[i].second = now.at(i).second >= before.at(i).second
                          ? now.at(i).second - before.at(i).second
                          : 0; // a class went away: its counts left the sum
    return d;
}

double perSecond(quint64 now, quint64 before, double seconds)
{
    return now >= before && seconds > 0 ? double(now - before) / seconds : 0;
}

} // namespace

double ServerHistory::quantile(const QList<std::pair<double, quint64>> &buckets, double q)
{
    if (buckets.isEmpty() || buckets.last().second == 0)
        return 0;
    const double rank = q * double(buckets.last().second);
    double lowerBound = 0;
    quint64 lowerCount = 0;
    for (const auto &[upper, count] : buckets) {
        if (double(count) >= rank) {
            if (std::isinf(upper))
                return lowerBound; // nothing better to say than the largest finite bound
            const quint64 inBucket = count - lowerCount;
            if (inBucket == 0)
                return upper;
            return lowerBound +
                   (upper - lowerBound) * (rank - double(lowerCount)) / double(inBucket);
        }
        lowerBound = upper;
        lowerCount = count;
    }
    return lowerBound;
}

bool ServerHistory::add(const liveview::MonitorSnapshot &snapshot)
{
    if (m_havePrevious && snapshot.takenAt <= m_previousAt)
        return false;
    const liveview::ServerInfo &s = snapshot.server;
    const QList<std::pair<double, quint64>> buckets = summedBuckets(snapshot.viewClasses);
    ServerSample sample;
    sample.at = snapshot.takenAt;
    sample.connections = s.connections;
    sample.rssBytes = s.rssBytes;
    if (m_havePrevious) {
        const double seconds = double(m_previousAt.msecsTo(snapshot.takenAt)) / 1000.0;
        sample.eventsPerSecond = perSecond(s.eventsTotal, m_previous.eventsTotal, seconds);
        sample.bytesInPerSecond = perSecond(s.bytesInTotal, m_previous.bytesInTotal, seconds);
        sample.bytesOutPerSecond = perSecond(s.bytesOutTotal, m_previous.bytesOutTotal, seconds);
        const auto interval = difference(buckets, m_previousBuckets);
        sample.eventP50Ms = quantile(interval, 0.50) * 1000.0;
        sample.eventP99Ms = quantile(interval, 0.99) * 1000.0;
    }
    m_samples.append(sample);
    m_havePrevious = true;
    m_previousAt = snapshot.takenAt;
    m_previous = s;
    m_previousBuckets = buckets;

    const QDateTime oldest = snapshot.takenAt.addSecs(-m_keepSeconds);
    qsizetype expired = 0;
    while (expired < m_samples.size() && m_samples.at(expired).at < oldest)
        ++expired;
    m_samples.remove(0, expired);
    return true;
}

} // namespace livedeck::admin
