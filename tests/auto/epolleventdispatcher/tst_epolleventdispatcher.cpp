// EpollEventDispatcher: timers, socket notifiers, posted events and nested loops behave as on
// Qt's own dispatcher. Each case runs on a thread whose loop uses the epoll dispatcher.
#include "epoll_thread.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSemaphore>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <functional>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using liveview::EpollEventDispatcher;

class tst_EpollEventDispatcher : public QObject
{
    Q_OBJECT
private slots:
    void singleShotTimersFireInDueOrder_data();
    void singleShotTimersFireInDueOrder();
    void repeatingTimerKeepsItsInterval();
    void timerKilledByAnEarlierHandlerDoesNotFire();
    void timerDoesNotFireAgainInsideItsOwnNestedLoop();
    void timerRestartedByAnEarlierHandlerWaitsItsNewInterval();
    void nestedLoopInATimerHandlerDoesNotSpin();
    void excludingSocketNotifiersDoesNotSpin();
    void zeroTimerAloneIsNotWorkDone();
    void remainingTimeAndRegisteredTimers();
    void socketNotifiers_data();
    void socketNotifiers();
    void notifierDisabledByAnEarlierHandlerIsSkipped();
    void zeroTimerDoesNotStarveSockets();
    void postedEventsFromAnotherThreadRun();
    void tcpRoundTripWithQtSockets();
};

void tst_EpollEventDispatcher::singleShotTimersFireInDueOrder_data()
{
    QTest::addColumn<QList<int>>("intervals");
    QTest::addColumn<QList<int>>("expectedOrder"); // indexes into intervals
    QTest::newRow("one, immediate") << QList<int>{0} << QList<int>{0};
    QTest::newRow("out of order") << QList<int>{30, 10, 20} << QList<int>{1, 2, 0};
    QTest::newRow("same interval keeps start order") << QList<int>{5, 5, 5} << QList<int>{0, 1, 2};
    QTest::newRow("zero before later") << QList<int>{15, 0} << QList<int>{1, 0};
}

void tst_EpollEventDispatcher::singleShotTimersFireInDueOrder()
{
    QFETCH(QList<int>, intervals);
    QFETCH(QList<int>, expectedOrder);
    QList<int> fired;
    QElapsedTimer clock;
    QList<qint64> firedAt;
    QVERIFY(runOnEpollThread([&](std::function<void()> done) {
        clock.start();
        for (int i = 0; i < intervals.size(); ++i)
            QTimer::singleShot(intervals[i], Qt::PreciseTimer, [&, i, done] {
                fired.append(i);
                firedAt.append(clock.elapsed());
                if (fired.size() == intervals.size())
                    done();
            });
    }));
    QCOMPARE(fired, expectedOrder);
    for (int k = 0; k < fired.size(); ++k) // never early
        QVERIFY2(firedAt[k] >= intervals[fired[k]], qPrintable(QString::number(firedAt[k])));
}

void tst_EpollEventDispatcher::repeatingTimerKeepsItsInterval()
{
    int ticks = 0;
    qint64 elapsed = 0;
    QVERIFY(runOnEpollThread([&](std::function<void()> done) {
        auto *timer = new QTimer;
        timer->setTimerType(Qt::PreciseTimer);
        timer->setInterval(5);
        auto *clock = new QElapsedTimer;
        clock->start();
        QObject::connect(timer, &QTimer::timeout, [&, timer, clock, done] {
            if (++ticks < 5)
                return;
            elapsed = clock->elapsed();
            delete timer;
            delete clock;
            done();
        });
        timer->start();
    }));
    QCOMPARE(ticks, 5);
    QVERIFY2(elapsed >= 25, qPrintable(QString::number(elapsed))); // five full intervals
}

void tst_EpollEventDispatcher::timerKilledByAnEarlierHandlerDoesNotFire()
{
    bool secondFired = false;
    QVERIFY(runOnEpollThread([&](std::function<void()> done) {
        // Two 0 ms timers are both due in the loop's first pass; the first (earlier due time)
        // kills the other. Ending the loop from there still lets that pass finish: a second
        // timer that fires anyway does so before the loop can exit.
        auto *probe = new TimerProbe;
        const int first = probe->startTimer(0);
        const int second = probe->startTimer(0);
        probe->onTimer = [&, probe, first, second, done](int id) {
            if (id == second)
                secondFired = true;
            if (id != first)
                return;
            probe->killTimer(first);
            probe->killTimer(second);
            probe->deleteLater();
            done();
        };
    }));
    QVERIFY(!secondFired);
}

void tst_EpollEventDispatcher::timerDoesNotFireAgainInsideItsOwnNestedLoop()
{
    int entries = 0;
    int maxDepth = 0;
    QVERIFY(runOnEpollThread([&](std::function<void()> done) {
        auto *repeating = new QTimer;
        repeating->setInterval(1);
        QObject::connect(repeating, &QTimer::timeout, [&, repeating, done] {
            ++entries;
            maxDepth = qMax(maxDepth, entries);
            if (entries == 1) {
                // A nested loop that lasts many intervals of the timer that started it.
                QEventLoop nested;
                QTimer::singleShot(30, &nested, &QEventLoop::quit);
                nested.exec();
                delete repeating;
                done();
            }
            --entries;
        });
        repeating->start();
    }));
    QCOMPARE(maxDepth, 1);
}

void tst_EpollEventDispatcher::timerRestartedByAnEarlierHandlerWaitsItsNewInterval()
{
    bool restartedFiredEarly = false;
    int restarted = -1;
    QVERIFY(runOnEpollThread([&](std::function<void()> done) {
        // As above, but the first restarts the other with a long interval; Qt hands the freed
        // timer id straight back to the new registration, which must wait its 60 s.
        auto *probe = new TimerProbe;
        const int first = probe->startTimer(0);
        const int second = probe->startTimer(0);
        probe->onTimer = [&, probe, first, second, done](int id) {
            if (id == restarted)
                restartedFiredEarly = true;
            if (id != first)
                return;
            probe->killTimer(first);
            probe->killTimer(second);
            restarted = probe->startTimer(60000);
            QTimer::singleShot(0, probe, [probe, done] { // after the pass that might misfire
                probe->deleteLater();
                done();
            });
        };
    }));
    QVERIFY(!restartedFiredEarly);
}

void tst_EpollEventDispatcher::nestedLoopInATimerHandlerDoesNotSpin()
{
    // The repeating timer is due again many times during its handler's 50 ms nested loop; a
    // dispatcher that keeps it in the wait computation returns at once on every pass (thousands
    // of passes); one that sets it aside sleeps until the nested loop's own timer.
    const int passes = passesDuring([](std::function<void()> done) {
        auto *repeating = new QTimer;
        repeating->setInterval(1);
        QObject::connect(repeating, &QTimer::timeout, [repeating, done] {
            QEventLoop nested;
            QTimer::singleShot(50, &nested, &QEventLoop::quit);
            nested.exec();
            repeating->stop();
            repeating->deleteLater();
            done();
        });
        repeating->start();
    });
    QVERIFY2(passes >= 0 && passes < 100, qPrintable(QString::number(passes)));
}

void tst_EpollEventDispatcher::excludingSocketNotifiersDoesNotSpin()
{
    SocketPair pair;
    (void)::write(pair.fds[1], "x", 1); // readable all along: level-triggered
    const int passes = passesDuring([&](std::function<void()> done) {
        auto *notifier = new QSocketNotifier(pair.fds[0], QSocketNotifier::Read);
        bool over = false;
        QTimer::singleShot(50, [&] { over = true; });
        QEventLoop loop; // waits without socket notifiers until the timer
        while (!over)
            loop.processEvents(QEventLoop::ExcludeSocketNotifiers | QEventLoop::WaitForMoreEvents);
        delete notifier;
        done();
    });
    QVERIFY2(passes >= 0 && passes < 100, qPrintable(QString::number(passes)));
}

void tst_EpollEventDispatcher::zeroTimerAloneIsNotWorkDone()
{
    bool reported = true;
    int ticks = 0;
    QVERIFY(runOnEpollThread([&](std::function<void()> done) {
        QTimer idle;
        idle.setInterval(0);
        QObject::connect(&idle, &QTimer::timeout, [&] { ++ticks; });
        idle.start();
        // Qt's contract: a pass that only ran 0 ms timers did no work, so `while
        // (processEvents())` loops end.
        auto *dispatcher = QAbstractEventDispatcher::instance();
        dispatcher->processEvents(QEventLoop::AllEvents); // takes the wake-up that ran us
        reported = dispatcher->processEvents(QEventLoop::AllEvents);
        done();
    }));
    QVERIFY(ticks > 0);
    QVERIFY(!reported);
}

void tst_EpollEventDispatcher::remainingTimeAndRegisteredTimers()
{
    int remaining = -2, afterKill = -2;
    QList<QAbstractEventDispatcher::TimerInfo> registered;
    QVERIFY(runOnEpollThread([&](std::function<void()> done) {
        QObject owner;
        const int id = owner.startTimer(1000, Qt::PreciseTimer);
        auto *dispatcher = QAbstractEventDispatcher::instance();
        remaining = dispatcher->remainingTime(id);
        registered = dispatcher->registeredTimers(&owner);
        owner.killTimer(id);
        afterKill = dispatcher->remainingTime(id);
        done();
    }));
    QVERIFY2(remaining > 900 && remaining <= 1000, qPrintable(QString::number(remaining)));
    QCOMPARE(registered.size(), 1);
    QCOMPARE(registered.first().interval, 1000);
    QCOMPARE(registered.first().timerType, Qt::PreciseTimer);
    QCOMPARE(afterKill, -1);
}

void tst_EpollEventDispatcher::socketNotifiers_data()
{
    QTest::addColumn<QSocketNotifier::Type>("type");
    QTest::addColumn<QString>("action"); // what the peer does to make the notifier fire
    QTest::newRow("read: data") << QSocketNotifier::Read << "write";
    QTest::newRow("read: peer closed") << QSocketNotifier::Read << "close";
    QTest::newRow("write: room in the buffer") << QSocketNotifier::Write << "nothing";
}

void tst_EpollEventDispatcher::socketNotifiers()
{
    QFETCH(QSocketNotifier::Type, type);
    QFETCH(QString, action);
    SocketPair pair;
    QByteArray received;
    int activations = 0;
    QVERIFY(runOnEpollThread([&](std::function<void()> done) {
        auto *notifier = new QSocketNotifier(pair.fds[0], type);
        QObject::connect(notifier, &QSocketNotifier::activated, [&, notifier, done] {
            ++activations;
            if (type == QSocketNotifier::Read) {
                char buffer[64];
                const ssize_t n = ::read(pair.fds[0], buffer, sizeof buffer);
                received.append(buffer, n > 0 ? n : 0);
            }
            delete notifier; // level-triggered: it would fire again while the state lasts
            done();
        });
        if (action == u"write")
            QTimer::singleShot(5, [&] { (void)::write(pair.fds[1], "ping", 4); });
        else if (action == u"close")
            QTimer::singleShot(5, [&] {
                ::close(pair.fds[1]);
                pair.fds[1] = -1;
            });
    }));
    QCOMPARE(activations, 1);
    QCOMPARE(received, action == u"write" ? QByteArray("ping") : QByteArray());
}

void tst_EpollEventDispatcher::notifierDisabledByAnEarlierHandlerIsSkipped()
{
    SocketPair a, b;
    int firstActivations = 0, secondActivations = 0;
    (void)::write(a.fds[1], "x", 1);
    (void)::write(b.fds[1], "x", 1);
    QVERIFY(runOnEpollThread([&](std::function<void()> done) {
        auto *first = new QSocketNotifier(a.fds[0], QSocketNotifier::Read);
        auto *second = new QSocketNotifier(b.fds[0], QSocketNotifier::Read);
        // Both are ready in the first pass; whichever runs first disables the other.
        QObject::connect(first, &QSocketNotifier::activated, [&, first, second] {
            ++firstActivations;
            first->setEnabled(false);
            second->setEnabled(false);
        });
        QObject::connect(second, &QSocketNotifier::activated, [&, first, second] {
            ++secondActivations;
            first->setEnabled(false);
            second->setEnabled(false);
        });
        QTimer::singleShot(30, [first, second, done] {
            delete first;
            delete second;
            done();
        });
    }));
    QCOMPARE(firstActivations + secondActivations, 1);
}

void tst_EpollEventDispatcher::zeroTimerDoesNotStarveSockets()
{
    SocketPair pair;
    int idleTicks = 0;
    bool read = false;
    QVERIFY(runOnEpollThread([&](std::function<void()> done) {
        auto *idle = new QTimer;
        idle->setInterval(0); // runs on every pass of the loop
        QObject::connect(idle, &QTimer::timeout, [&] { ++idleTicks; });
        idle->start();
        auto *notifier = new QSocketNotifier(pair.fds[0], QSocketNotifier::Read);
        QObject::connect(notifier, &QSocketNotifier::activated, [&, idle, notifier, done] {
            read = true;
            delete notifier;
            delete idle;
            done();
        });
        QTimer::singleShot(5, [&] { (void)::write(pair.fds[1], "x", 1); });
    }));
    QVERIFY(read);
    QVERIFY(idleTicks > 0);
}

void tst_EpollEventDispatcher::postedEventsFromAnotherThreadRun()
{
    QThread thread;
    thread.setEventDispatcher(new EpollEventDispatcher);
    thread.start();
    QObject receiver;
    receiver.moveToThread(&thread);
    QAtomicInt ran = 0;
    QThread *ranOn = nullptr;
    for (int i = 0; i < 100; ++i)
        QMetaObject::invokeMethod(&receiver, [&] {
            ranOn = QThread::currentThread();
            ran.fetchAndAddRelaxed(1);
        });
    QTRY_COMPARE(ran.loadRelaxed(), 100);
    QCOMPARE(ranOn, &thread);
    // Ping-pong: each call must wake the loop, including calls that race with the loop clearing
    // its wake-up from the previous one (a lost wake-up leaves the loop asleep: the acquire
    // below then times out).
    QSemaphore answered;
    for (int round = 0; round < 2000; ++round) {
        QMetaObject::invokeMethod(&receiver, [&] { answered.release(); });
        QVERIFY2(answered.tryAcquire(1, 5000), qPrintable(QString::number(round)));
    }
    // The same from several threads at once, while the loop is busy with the calls before.
    // The race is narrow: several rounds make a lost wake-up all but certain to show.
    constexpr int rounds = 10, posters = 3, callsEach = 20000;
    for (int round = 0; round < rounds; ++round) {
        std::vector<std::thread> threads;
        for (int p = 0; p < posters; ++p)
            threads.emplace_back([&] {
                for (int c = 0; c < callsEach; ++c)
                    QMetaObject::invokeMethod(&receiver, [&] { answered.release(); });
            });
        for (std::thread &t : threads)
            t.join();
        QVERIFY2(answered.tryAcquire(posters * callsEach, 5000),
                 qPrintable(QString::number(round)));
    }

    thread.quit(); // interrupt() from this thread ends the loop that is asleep in epoll_wait
    QVERIFY(thread.wait(5000));
}

void tst_EpollEventDispatcher::tcpRoundTripWithQtSockets()
{
    QByteArray echoed;
    bool listening = false;
    QVERIFY(runOnEpollThread([&](std::function<void()> done) {
        auto *server = new QTcpServer;
        listening = server->listen(QHostAddress::LocalHost);
        if (!listening) {
            delete server;
            return done();
        }
        QObject::connect(server, &QTcpServer::newConnection, [server] {
            QTcpSocket *peer = server->nextPendingConnection();
            QObject::connect(peer, &QTcpSocket::readyRead,
                             [peer] { peer->write(peer->readAll().toUpper()); });
        });
        auto *client = new QTcpSocket;
        QObject::connect(client, &QTcpSocket::connected,
                         [client] { client->write(QByteArray(100000, 'a')); });
        QObject::connect(client, &QTcpSocket::readyRead, [&, client, server, done] {
            echoed += client->readAll();
            if (echoed.size() < 100000)
                return;
            client->deleteLater();
            server->deleteLater();
            done();
        });
        client->connectToHost(QHostAddress::LocalHost, server->serverPort());
    }));
    QVERIFY(listening);
    QCOMPARE(echoed, QByteArray(100000, 'A'));
}

QTEST_GUILESS_MAIN(tst_EpollEventDispatcher)
#include "tst_epolleventdispatcher.moc"
