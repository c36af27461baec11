#include "liveview/epoll_event_dispatcher.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>

#include <sys/eventfd.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcEventLoop, "liveview.eventloop")

namespace liveview {
namespace {

constexpr int maxEventsPerWait = 1024; // more ready descriptors are served by the next pass

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent), m_events(maxEventsPerWait)
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_wakeOnlyEpoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_epoll < 0 || m_wakeOnlyEpoll < 0 || m_wakeFd < 0)
        qFatal("epoll dispatcher: cannot create epoll or eventfd: %s", strerror(errno));
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = m_wakeFd;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &ev);
    ::epoll_ctl(m_wakeOnlyEpoll, EPOLL_CTL_ADD, m_wakeFd, &ev);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    ::close(m_wakeFd);
    ::close(m_wakeOnlyEpoll);
    ::close(m_epoll);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.storeRelaxed(0);
    emit awake();
    // Posted events first, as Qt's dispatcher does. Anything posted from now on calls wakeUp(),
    // which makes the wait below return at once: no posted event waits for a socket or a timer.
    QCoreApplication::sendPostedEvents();

    const bool canWait = (flags & QEventLoop::WaitForMoreEvents) && !m_interrupted.loadRelaxed();
    if (canWait)
        emit aboutToBlock();
    if (m_interrupted.loadRelaxed())
        return false;

    const int timeout =
        (flags & QEventLoop::X11ExcludeTimers) ? (canWait ? -1 : 0) : waitTimeoutMs(canWait);
    // Without socket notifiers, wait on a set holding only the wake-up eventfd: sockets are
    // level-triggered, so a ready one in the main set would end every wait at once (a spin).
    const bool sockets = !(flags & QEventLoop::ExcludeSocketNotifiers);
    int ready = ::epoll_wait(sockets ? m_epoll : m_wakeOnlyEpoll, m_events.data(),
                             int(m_events.size()), timeout);
    if (ready < 0) {
        if (errno != EINTR)
            qCWarning(lcEventLoop) << "epoll_wait failed:" << strerror(errno);
        ready = 0;
    }
    int handled = 0;
    if (sockets)
        handled += activateSocketNotifiers(ready);
    else
        for (int i = 0; i < ready; ++i)
            if (m_events[size_t(i)].data.fd == m_wakeFd)
                drainWakeUps();
    if (!(flags & QEventLoop::X11ExcludeTimers))
        handled += activateTimers();
    return handled > 0;
}

void EpollEventDispatcher::drainWakeUps()
{
    eventfd_t value = 0;
    ::eventfd_read(m_wakeFd, &value);
    // Cleared after reading. A wakeUp() between the two skipped its write, but what it posted is
    // sent by the next pass's sendPostedEvents, which comes after this. Cleared before reading,
    // that wakeUp's write could be consumed here and leave the flag set with nothing to read:
    // every later wakeUp would skip its write and the loop would sleep through posted events.
    m_wakeUpPending.storeRelease(0);
}

int EpollEventDispatcher::activateSocketNotifiers(int ready)
{
    int woken = 0;
    m_pending.clear();
    for (int i = 0; i < ready; ++i) {
        const epoll_event &ev = m_events[size_t(i)];
        if (ev.data.fd == m_wakeFd) {
            drainWakeUps();
            ++woken;
            continue;
        }
        const auto it = m_notifiers.constFind(ev.data.fd);
        if (it == m_notifiers.cend())
            continue;
        // The same mapping as Qt's poll() dispatcher: a hang-up or an error wakes readers and
        // writers, so they see the end of the stream or the error themselves.
        if (it->read && (ev.events & (EPOLLIN | EPOLLHUP | EPOLLERR | EPOLLRDHUP)))
            m_pending.push_back(it->read);
        if (it->write && (ev.events & (EPOLLOUT | EPOLLHUP | EPOLLERR)))
            m_pending.push_back(it->write);
        if (it->exception && (ev.events & (EPOLLPRI | EPOLLHUP | EPOLLERR)))
            m_pending.push_back(it->exception);
    }
    int activated = 0;
    // A notifier's slot may delete or disable others found ready in the same pass: those are
    // nulled in m_pending by unregisterSocketNotifier and skipped here.
    for (size_t i = 0; i < m_pending.size(); ++i) {
        QSocketNotifier *notifier = m_pending[i];
        if (!notifier)
            continue;
        m_pending[i] = nullptr;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(notifier, &event);
        ++activated;
    }
    m_pending.clear();
    return activated + woken;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const bool added = !m_notifiers.contains(fd);
    Notifiers &n = m_notifiers[fd];
    n.slot(notifier->type()) = notifier;
    if (updateInterest(fd, n, added) || added) // (a failed add has been reported already)
        return;
    if (errno != ENOENT) {
        qCWarning(lcEventLoop) << "cannot watch socket" << fd << ":" << strerror(errno);
        return;
    }
    // The descriptor was closed (so it left epoll) while notifiers of its old socket were still
    // registered, and its number now belongs to a new socket: the old notifiers are stale and must
    // never be woken for the new one.
    qCWarning(lcEventLoop) << "socket" << fd << "was closed with notifiers still enabled";
    n = Notifiers();
    n.slot(notifier->type()) = notifier;
    if (!updateInterest(fd, n, true))
        qCWarning(lcEventLoop) << "cannot watch socket" << fd << ":" << strerror(errno);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    for (QSocketNotifier *&pending : m_pending)
        if (pending == notifier)
            pending = nullptr;
    const int fd = int(notifier->socket());
    const auto it = m_notifiers.find(fd);
    if (it == m_notifiers.end())
        return;
    if (QSocketNotifier *&slot = it->slot(notifier->type()); slot == notifier)
        slot = nullptr;
    if (!it->read && !it->write && !it->exception) {
        // Fails harmlessly when the descriptor was closed first: closing removed it already.
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        m_notifiers.erase(it);
        return;
    }
    if (!updateInterest(fd, *it, false) && errno == ENOENT)
        m_notifiers.erase(it); // closed behind its notifiers' back: nothing left to watch
}

bool EpollEventDispatcher::updateInterest(int fd, const Notifiers &n, bool added)
{
    epoll_event ev{};
    ev.data.fd = fd;
    if (n.read)
        ev.events |= EPOLLIN | EPOLLRDHUP;
    if (n.write)
        ev.events |= EPOLLOUT;
    if (n.exception)
        ev.events |= EPOLLPRI;
    // ENOENT on a change: the descriptor was closed behind its notifiers' back. Never added
    // again here: its number may belong to another socket by now.
    if (::epoll_ctl(m_epoll, added ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &ev) == 0)
        return true;
    if (added)
        qCWarning(lcEventLoop) << "cannot watch socket" << fd << ":" << strerror(errno);
    return false;
}

void EpollEventDispatcher::wakeUp()
{
    // One write per sleep is enough: later ones only add system calls to every postEvent.
    if (m_wakeUpPending.testAndSetAcquire(0, 1))
        ::eventfd_write(m_wakeFd, 1);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.storeRelaxed(1);
    wakeUp();
}

} // namespace liveview
