#pragma once
// Helpers of tst_epolleventdispatcher: a thread running the epoll dispatcher, a socket pair.

#include <liveview/epoll_event_dispatcher.h>

#include <QAbstractEventDispatcher>
#include <QObject>
#include <QThread>
#include <QTimerEvent>
#include <functional>
#include <sys/socket.h>
#include <unistd.h>

// Hands its timer events (QObject::startTimer) to a function.
class TimerProbe : public QObject
{
public:
    std::function<void(int timerId)> onTimer;

protected:
    void timerEvent(QTimerEvent *event) override
    {
        if (onTimer)
            onTimer(event->timerId());
    }
};

// Runs `body` on a fresh epoll thread; `body` calls done() when its case is over. Returns false
// if the thread did not finish in time (a case that hangs fails instead of blocking the suite).
inline bool runOnEpollThread(const std::function<void(std::function<void()> done)> &body)
{
    QThread thread;
    auto *dispatcher = new liveview::EpollEventDispatcher;
    thread.setEventDispatcher(dispatcher);
    thread.start();
    QObject context;
    context.moveToThread(&thread);
    QMetaObject::invokeMethod(&context, [&] {
        if (QAbstractEventDispatcher::instance() != dispatcher)
            qFatal("the thread does not run the epoll dispatcher");
        body([&thread] { thread.quit(); });
    });
    const bool finished = thread.wait(10000);
    if (!finished) {
        thread.quit();
        thread.wait();
    }
    return finished;
}

struct SocketPair
{
    int fds[2] = {-1, -1};
    SocketPair() { ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds); }
    ~SocketPair()
    {
        for (int fd : fds)
            if (fd >= 0)
                ::close(fd);
    }
};

// Counts the passes of the loop (each emits awake()) while `body` runs.
inline int passesDuring(const std::function<void(std::function<void()> done)> &body)
{
    int passes = 0;
    const bool finished = runOnEpollThread([&](std::function<void()> done) {
        QObject::connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::awake,
                         [&] { ++passes; });
        body(done);
    });
    return finished ? passes : -1;
}
