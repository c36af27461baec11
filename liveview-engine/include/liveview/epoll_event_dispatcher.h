#pragma once
// An event dispatcher on Linux epoll, for threads that serve thousands of sockets.
//
// Qt's own dispatcher calls poll() over every registered socket on every wakeup, so a thread with
// 10,000 idle WebSockets spends most of its time building and scanning that list. epoll keeps the
// interest list in the kernel: a wakeup costs what is ready, not what is open. Everything else
// behaves as Qt's dispatcher does (posted events first, then sockets, then timers; level-triggered
// notifiers; timers that fire at most once per pass), so QTcpSocket, QWebSocket and QTimer work
// on it unchanged. Install it on a QThread before start: thread->setEventDispatcher(new ...).

#include <QAbstractEventDispatcher>
#include <QAtomicInt>
#include <QHash>
#include <QSocketNotifier>
#include <set>
#include <sys/epoll.h>
#include <vector>

namespace liveview {

class EpollEventDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;    // any thread
    void interrupt() override; // any thread

private:
    struct Notifiers // the notifiers of one descriptor, by QSocketNotifier::Type
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        QSocketNotifier *&slot(QSocketNotifier::Type type)
        {
            return type == QSocketNotifier::Read    ? read
                   : type == QSocketNotifier::Write ? write
                                                    : exception;
        }
    };
    struct Timer
    {
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        qint64 dueNs = 0;    // steady clock
        bool firing = false; // its event is being delivered (it is out of m_schedule meanwhile)
    };

    // Adds or changes `fd` in the epoll set; false (errno set) when the kernel refused.
    bool updateInterest(int fd, const Notifiers &n, bool added);
    int waitTimeoutMs(bool canWait) const;
    int activateSocketNotifiers(int ready);
    int activateTimers();
    void schedule(int timerId, Timer &timer, qint64 dueNs);
    void drainWakeUps();

    int m_epoll = -1;
    int m_wakeOnlyEpoll = -1; // holds only m_wakeFd: waits that exclude socket notifiers
    int m_wakeFd = -1;        // eventfd: posted events and interrupt() from other threads
    QAtomicInt m_wakeUpPending;
    QAtomicInt m_interrupted;
    QHash<int, Notifiers> m_notifiers;
    // Notifiers found ready but not activated yet; one unregistered meanwhile is nulled here.
    std::vector<QSocketNotifier *> m_pending;
    QHash<int, Timer> m_timers;
    std::set<std::pair<qint64, int>> m_schedule; // (due, timer id), earliest first
    std::vector<epoll_event> m_events;
};

} // namespace liveview
