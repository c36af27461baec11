// Prints what monitoring costs: a snapshot of N registered sessions, the longest a socket
// thread's join/leave or event waits while snapshots run, and the memory a session record adds.
// Usage: livedeck-bench-monitor [sessions=20000] [snapshots=30]
#include "monitor/server_status.h"
#include "monitor/session_registry.h"

#include <liveview/monitor.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace liveview;
using namespace liveview::internal;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int sessions = argc > 1 ? std::atoi(argv[1]) : 20000;
    const int snapshots = argc > 2 ? std::atoi(argv[2]) : 30;
    Monitor::instance();

    auto connection = std::make_shared<ConnectionStats>();
    connection->remoteAddress = QHostAddress(QStringLiteral("127.0.0.1"));
    connection->userAgent = QStringLiteral("Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0");
    const qint64 rssBefore = residentBytes();
    std::vector<std::shared_ptr<SessionRecord>> records;
    records.reserve(size_t(sessions));
    for (int i = 0; i < sessions; ++i) {
        auto r = std::make_shared<SessionRecord>(SessionRegistry::nextId(), connection);
        r->topic = QStringLiteral("lv:phx-%1").arg(i);
        r->route = QStringLiteral("/examples/counter");
        r->path = r->route;
        r->viewClass = QStringLiteral("CounterView");
        SessionRegistry::add(r);
        records.push_back(r);
    }
    const qint64 rssIdle = residentBytes();
    // A quarter of them have handled events (their history is allocated on the first one).
    for (int i = 0; i < sessions; i += 4)
        records[size_t(i)]->noteEvent(QStringLiteral("inc"), 0.05);
    const qint64 rssActive = residentBytes();

    // A socket thread joins, leaves and handles events while the snapshots run.
    std::atomic<bool> stop{false};
    std::atomic<qint64> longestNs{0};
    std::atomic<quint64> operations{0};
    std::thread socketThread([&] {
        QElapsedTimer t;
        while (!stop.load()) {
            t.start();
            auto r = std::make_shared<SessionRecord>(SessionRegistry::nextId(), connection);
            SessionRegistry::add(r);
            r->noteEvent(QStringLiteral("inc"), 0.05);
            r->countOut(120);
            SessionRegistry::remove(r.get());
            const qint64 ns = t.nsecsElapsed();
            qint64 seen = longestNs.load();
            while (ns > seen && !longestNs.compare_exchange_weak(seen, ns)) {
            }
            ++operations;
        }
    });
    std::vector<double> ms;
    for (int i = 0; i < snapshots; ++i) {
        QElapsedTimer t;
        t.start();
        const MonitorSnapshot snap = Monitor::instance()->snapshot();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        if (snap.sessions.size() < sessions)
            std::fprintf(stderr, "snapshot missed sessions: %lld\n",
                         qlonglong(snap.sessions.size()));
    }
    stop = true;
    socketThread.join();
    std::sort(ms.begin(), ms.end());
    std::printf("sessions                         %d\n", sessions);
    std::printf("snapshot median / max            %.2f / %.2f ms (%d snapshots)\n",
                ms[ms.size() / 2], ms.back(), snapshots);
    std::printf("socket-thread join+event+leave   longest %.1f us over %llu meanwhile\n",
                double(longestNs.load()) / 1e3, qulonglong(operations.load()));
    std::printf("record memory, idle session      %.0f bytes (RSS delta / sessions)\n",
                double(rssIdle - rssBefore) / sessions);
    std::printf("event history, first event       %.0f bytes per session that had one\n",
                double(rssActive - rssIdle) / (sessions / 4));
    return 0;
}
