// The admin window with 20,000 sessions: how long the GUI thread stalls while live snapshots
// arrive (the longest lateness of a 5 ms timer), how long one snapshot takes to apply, and how
// long sorting and filtering 20,000 rows take. Synthetic snapshots (tests/gui/snapshot_factory.h)
// stand in for the monitor; every session's figures change on every tick and 1 % of the
// sessions leave and are replaced, which is more churn than a real server shows.
//
//   QT_QPA_PLATFORM=offscreen build/bench/admin/livedeck-bench-admin-window [sessions] [seconds]
#include "fake_data_source.h"
#include "snapshot_factory.h"

#include <admin_window.h>
#include <sessions_model.h>
#include <sessions_panel.h>
#include <sessions_proxy_model.h>

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>
#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace livedeck::admin;
using namespace livedeck::admin::testing;

namespace {

double percentile(QList<double> values, double q)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(qMin(values.size() - 1, qsizetype(q * double(values.size()))));
}

// Snapshots built before measuring: the monitor builds them on a pool thread, not the GUI's.
QList<liveview::MonitorSnapshot> prepareSnapshots(int sessions, int count)
{
    QList<liveview::MonitorSnapshot> snapshots;
    for (int tick = 1; tick <= count; ++tick) {
        liveview::MonitorSnapshot s = makeSnapshot(0, tick);
        s.server.connections = sessions;
        // 1 % churn per tick: the oldest ids leave, new ids arrive at the end.
        const quint64 first = 1 + quint64(tick) * quint64(sessions / 100);
        s.sessions = makeSessions(first, sessions, tick);
        snapshots.append(std::move(s));
    }
    return snapshots;
}

struct StallRun
{
    QList<double> applyMs;
    double longestStallMs = 0; // wall clock: includes time the OS gave other processes
    double longestBusyMs = 0;  // this thread's CPU time between two probes: the window's own
};

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Pushes snapshots every 250 ms (the monitor's coalescing) for `seconds`, while a 5 ms timer
// measures how late the event loop serves it.
StallRun measureLiveUpdates(FakeDataSource &source, const QList<liveview::MonitorSnapshot> &snaps,
                            int seconds)
{
    StallRun run;
    int next = 0;
    QTimer feeder;
    feeder.setTimerType(Qt::PreciseTimer);
    feeder.setInterval(250);
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        QElapsedTimer t;
        t.start();
        source.push(snaps.at(next++ % snaps.size()));
        run.applyMs.append(double(t.nsecsElapsed()) / 1e6);
    });
    QElapsedTimer sinceLastProbe;
    double cpuAtLastProbe = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const double late = double(sinceLastProbe.nsecsElapsed()) / 1e6 - 5.0;
        run.longestStallMs = std::max(run.longestStallMs, late);
        const double cpu = threadCpuMs();
        run.longestBusyMs = std::max(run.longestBusyMs, cpu - cpuAtLastProbe);
        cpuAtLastProbe = cpu;
        sinceLastProbe.start();
    });
    QEventLoop loop;
    QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    feeder.start();
    // The first pushes fill the table; measure once it is live.
    QTimer::singleShot(1000, [&] {
        run.longestStallMs = 0;
        run.applyMs.clear();
        sinceLastProbe.start();
        cpuAtLastProbe = threadCpuMs();
        probe.start();
    });
    loop.exec();
    return run;
}

double timeMs(const std::function<void()> &work)
{
    QElapsedTimer t;
    t.start();
    work();
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_NO_GLIB", "1"); // as livedeck itself runs
    QApplication app(argc, argv);
    const int sessions = argc > 1 ? std::atoi(argv[1]) : 20000;
    const int seconds = argc > 2 ? std::atoi(argv[2]) : 10;
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("bench.ini")), QSettings::IniFormat);
    FakeDataSource source;
    AdminWindow window(&source, &settings);
    window.resize(1400, 900);
    // LIVEDECK_BENCH_HIDE=serverDock,logDock: which panels cost what.
    for (const QString &name :
         qEnvironmentVariable("LIVEDECK_BENCH_HIDE").split(u',', Qt::SkipEmptyParts))
        if (auto *dock = window.findChild<QDockWidget *>(name))
            dock->hide();
    window.show();

    const QList<liveview::MonitorSnapshot> snaps = prepareSnapshots(sessions, 12);
    const double firstFill = timeMs([&] { source.push(snaps.first()); });
    app.processEvents();
    std::printf("sessions: %d, first fill: %.1f ms\n", sessions, firstFill);

    QTreeView *view = window.sessionsPanel()->view();
    SessionsProxyModel *proxy = window.sessionsPanel()->proxy();
    view->sortByColumn(SessionsModel::Id, Qt::AscendingOrder);
    window.sessionsPanel()->selectSession(quint64(sessions / 2));
    for (int column : {int(SessionsModel::Id), int(SessionsModel::BytesOut)}) {
        view->sortByColumn(column, Qt::DescendingOrder);
        const StallRun run = measureLiveUpdates(source, snaps, seconds);
        std::printf("live updates, sorted by %-9s: first slice p50 %.1f ms, max %.1f ms; longest "
                    "GUI stall %.1f ms wall, %.1f ms thread CPU (%lld updates)\n",
                    qPrintable(window.sessionsModel()
                                   ->headerData(column, Qt::Horizontal, Qt::DisplayRole)
                                   .toString()),
                    percentile(run.applyMs, 0.5), percentile(run.applyMs, 1.0), run.longestStallMs,
                    run.longestBusyMs, qint64(run.applyMs.size()));
    }

    for (int column :
         {int(SessionsModel::Id), int(SessionsModel::User), int(SessionsModel::BytesOut),
          int(SessionsModel::Connected), int(SessionsModel::Route)}) {
        const double ms = timeMs([&] { proxy->sort(column, Qt::AscendingOrder); });
        std::printf("sort %d rows by %-9s: %.1f ms\n", proxy->rowCount(),
                    qPrintable(window.sessionsModel()
                                   ->headerData(column, Qt::Horizontal, Qt::DisplayRole)
                                   .toString()),
                    ms);
    }
    for (const char *text : {"user-4", "10.0.3", "chat", ""}) {
        const double ms =
            timeMs([&] { window.sessionsPanel()->filterEdit()->setText(QLatin1String(text)); });
        std::printf("filter '%s': %.1f ms (%d rows shown)\n", text, ms, proxy->rowCount());
    }
    return 0;
}
