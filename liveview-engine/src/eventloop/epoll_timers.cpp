// The timer half of EpollEventDispatcher: timers ordered by due time; the earliest one bounds the
// epoll wait. Every timer type is served precisely (a coarse timer that fires on time is within
// its contract).
#include "liveview/epoll_event_dispatcher.h"

#include <QCoreApplication>
#include <QTimerEvent>

#include <chrono>
#include <limits>

namespace liveview {
namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

constexpr qint64 nsPerMs = 1000 * 1000;

} // namespace

void EpollEventDispatcher::schedule(int timerId, Timer &timer, qint64 dueNs)
{
    m_schedule.erase({timer.dueNs, timerId});
    timer.dueNs = dueNs;
    m_schedule.insert({dueNs, timerId});
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    Timer &timer = m_timers[timerId];
    timer.intervalMs = qMax<qint64>(0, interval);
    timer.type = timerType;
    timer.object = object;
    schedule(timerId, timer, nowNs() + timer.intervalMs * nsPerMs);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    m_schedule.erase({it->dueNs, timerId});
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->object != object) {
            ++it;
            continue;
        }
        m_schedule.erase({it->dueNs, it.key()});
        it = m_timers.erase(it);
        any = true;
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> timers;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it)
        if (it->object == object)
            timers.append(TimerInfo(it.key(), int(it->intervalMs), it->type));
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    if (it == m_timers.cend())
        return -1;
    return int(qMax<qint64>(0, (it->dueNs - nowNs() + nsPerMs - 1) / nsPerMs));
}

int EpollEventDispatcher::waitTimeoutMs(bool canWait) const
{
    if (!canWait)
        return 0;
    if (m_schedule.empty())
        return -1;
    // Rounded up: waking a little early would only find nothing due and wait again.
    const qint64 left = m_schedule.begin()->first - nowNs();
    return left <= 0 ? 0 : int(qMin<qint64>((left + nsPerMs - 1) / nsPerMs, 24 * 3600 * 1000));
}

int EpollEventDispatcher::activateTimers()
{
    const qint64 now = nowNs();
    // Decided up front: a timer fires at most once per pass, even one whose interval is 0 or
    // that a slow handler made due again.
    const std::vector<std::pair<qint64, int>> due(
        m_schedule.begin(), m_schedule.lower_bound({now + 1, std::numeric_limits<int>::min()}));
    int fired = 0;
    for (const auto &[dueNs, timerId] : due) {
        auto it = m_timers.find(timerId);
        // Killed by an earlier handler, or restarted by one (Qt hands the freed id out again: the
        // new timer has its own due time and must wait for it).
        if (it == m_timers.end() || it->dueNs != dueNs)
            continue;
        // Out of the schedule while its handler runs: a nested loop in the handler neither fires
        // it again nor spins on its due time. A timer that fell behind skips the missed ticks
        // instead of firing in a burst.
        m_schedule.erase({dueNs, timerId});
        qint64 next = dueNs + it->intervalMs * nsPerMs;
        if (next <= now)
            next = now + it->intervalMs * nsPerMs;
        it->dueNs = next;
        it->firing = true;
        const bool counts = it->intervalMs > 0; // a 0 ms timer runs every pass: not "work done"
        QTimerEvent event(timerId);
        QCoreApplication::sendEvent(it->object, &event);
        if (counts)
            ++fired;
        it = m_timers.find(timerId);
        // Still the same registration (a restart inside the handler makes a new one, already
        // scheduled): back into the schedule.
        if (it != m_timers.end() && it->firing) {
            it->firing = false;
            m_schedule.insert({it->dueNs, timerId});
        }
    }
    return fired;
}

} // namespace liveview
