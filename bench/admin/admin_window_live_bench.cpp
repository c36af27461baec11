// The admin window over a real server in the same process, as `livedeck` runs them, while the
// load client joins thousands of sessions: every 5 s it prints how many rows the table shows and
// the longest the GUI thread was held (its own CPU time between two ticks of a 5 ms timer, and
// the wall-clock lateness of that timer).
//
//   QT_QPA_PLATFORM=offscreen build/bench/admin/livedeck-bench-admin-window-live 90 4680 &
//   build/bench/loadclient/livedeck-loadclient --url http://127.0.0.1:4680/examples/counter \
//       --connections 19000 --concurrency 500 --hold 30
#include <admin_window.h>
#include <in_process_source.h>
#include <sessions_model.h>

#include <examples/examples.h>
#include <liveview/endpoint.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <ctime>

using namespace livedeck::admin;

namespace {

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_NO_GLIB", "1"); // as livedeck itself runs
    QApplication app(argc, argv);
    const int seconds = argc > 1 ? std::atoi(argv[1]) : 90;
    const quint16 port = argc > 2 ? quint16(std::atoi(argv[2])) : 4680;

    QTemporaryDir dir;
    auto router = std::make_shared<liveview::Router>();
    livedeck::examples::registerExamples(*router);
    liveview::EndpointOptions options;
    options.port = port;
    options.dataDirectory = dir.path();
    options.maxConnections = 19000;
    liveview::Endpoint endpoint(router, options);
    QString error;
    if (!endpoint.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    InProcessSource source({});
    QSettings settings(dir.filePath(QStringLiteral("bench.ini")), QSettings::IniFormat);
    AdminWindow window(&source, &settings);
    window.resize(1400, 900);
    window.show();
    std::printf("listening on %s\n", qPrintable(endpoint.url().toString()));
    std::fflush(stdout);

    double longestBusy = 0, longestLate = 0, cpuAtLastProbe = threadCpuMs();
    QElapsedTimer sinceLastProbe;
    sinceLastProbe.start();
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const double cpu = threadCpuMs();
        longestBusy = std::max(longestBusy, cpu - cpuAtLastProbe);
        longestLate = std::max(longestLate, double(sinceLastProbe.nsecsElapsed()) / 1e6 - 5.0);
        cpuAtLastProbe = cpu;
        sinceLastProbe.start();
    });
    probe.start();
    QElapsedTimer running;
    running.start();
    QTimer report;
    report.setInterval(5000);
    QObject::connect(&report, &QTimer::timeout, [&] {
        int joined = 0;
        for (const SessionRow &row : window.sessionsModel()->rows())
            joined += row.info.state == liveview::SessionState::Joined ? 1 : 0;
        std::printf("%3llds: %d connections, %d rows (%d joined); longest GUI pass %.1f ms thread "
                    "CPU, %.1f ms wall\n",
                    qint64(running.elapsed() / 1000), endpoint.connectionCount(),
                    window.sessionsModel()->rowCount(), joined, longestBusy, longestLate);
        std::fflush(stdout);
        longestBusy = 0;
        longestLate = 0;
    });
    report.start();
    QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
    const int status = app.exec();
    endpoint.stop();
    return status;
}
