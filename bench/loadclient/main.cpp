// livedeck-loadclient: opens N real LiveView sessions against a server and reports join/RSS cost.
#include "event_rate_probe.h"
#include "fanout_probe.h"
#include "loadrunner.h"
#include "percentile.h"
#include "rate_probe.h"
#include "tick_probe.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

namespace {

// VmRSS in kB from /proc/<pid>/status, or -1 if the process is gone or unreadable.
qint64 readRssKb(const QString &pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Each client needs one socket fd (two briefly during its GET); the default soft limit of 1024
// would cap the run long before the server does.
rlim_t raiseFdLimit()
{
    rlimit rl{};
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return 1024;
    if (rl.rlim_cur < rl.rlim_max) {
        rlimit want = rl;
        want.rlim_cur = rl.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &want) == 0)
            rl = want;
    }
    return rl.rlim_cur;
}

} // namespace

int main(int argc, char **argv)
{
    // Qt's glib dispatcher degrades badly with thousands of fds; the plain poll() one copes.
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("livedeck-loadclient"));
    QTextStream err(stderr);
    QTextStream out(stdout);

    QCommandLineParser cli;
    cli.setApplicationDescription(
        QStringLiteral("Opens N LiveView sessions (page GET + WebSocket join) and holds them."));
    cli.addHelpOption();
    const QCommandLineOption urlOpt(QStringLiteral("url"), QStringLiteral("Page URL."),
                                    QStringLiteral("url"));
    const QCommandLineOption connOpt(QStringLiteral("connections"),
                                     QStringLiteral("Number of sessions."), QStringLiteral("n"),
                                     QStringLiteral("1"));
    const QCommandLineOption concOpt(QStringLiteral("concurrency"),
                                     QStringLiteral("Sessions in the GET/join phase at once."),
                                     QStringLiteral("c"), QStringLiteral("200"));
    const QCommandLineOption getConcOpt(QStringLiteral("get-concurrency"),
                                        QStringLiteral("Page GETs in flight at once."),
                                        QStringLiteral("g"), QStringLiteral("8"));
    const QCommandLineOption pidOpt(QStringLiteral("server-pid"),
                                    QStringLiteral("Server PID whose VmRSS is sampled."),
                                    QStringLiteral("pid"));
    const QCommandLineOption holdOpt(QStringLiteral("hold"),
                                     QStringLiteral("Seconds to stay connected after all joined."),
                                     QStringLiteral("seconds"), QStringLiteral("5"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout"),
                                        QStringLiteral("Per-session seconds from GET to join."),
                                        QStringLiteral("seconds"), QStringLiteral("30"));
    const QCommandLineOption pathOpt(QStringLiteral("socket-path"),
                                     QStringLiteral("LiveSocket endpoint path."),
                                     QStringLiteral("path"), QStringLiteral("/live"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"),
                                     QStringLiteral("Print one JSON line of results."));
    const QCommandLineOption fanoutOpt(
        QStringLiteral("fanout"),
        QStringLiteral("Once all joined, send this many chat messages from one client and time "
                       "each until every client has its diff (the page's form event \"send\" "
                       "with field \"body\")."),
        QStringLiteral("rounds"), QStringLiteral("0"));
    const QCommandLineOption qtReaderOpt(
        QStringLiteral("fanout-qt-reader"),
        QStringLiteral(
            "Receive fan-out and sample frames through QWebSocket (slower client) instead of "
            "watching the sockets with epoll."));
    const QCommandLineOption eventRateOpt(
        QStringLiteral("events-per-second"),
        QStringLiteral("Once all joined, each active client sends this many click events a "
                       "second (see --event, --event-clients, --event-seconds); each is timed "
                       "until its reply."),
        QStringLiteral("rate"), QStringLiteral("0"));
    const QCommandLineOption eventOpt(QStringLiteral("event"),
                                      QStringLiteral("The click event to send (default inc)."),
                                      QStringLiteral("name"), QStringLiteral("inc"));
    const QCommandLineOption eventClientsOpt(
        QStringLiteral("event-clients"),
        QStringLiteral("How many of the clients send events (0: all; the rest stay idle)."),
        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption eventSecondsOpt(QStringLiteral("event-seconds"),
                                             QStringLiteral("How long events are sent."),
                                             QStringLiteral("seconds"), QStringLiteral("10"));
    const QCommandLineOption ticksOpt(
        QStringLiteral("ticks"),
        QStringLiteral("Once all joined, time this many server-side samples from their stamp "
                       "(`at-<ms>` in the diff, as /dashboard/system renders it) to each "
                       "client's diff; bytes per viewer per sample; server CPU per sample."),
        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption rateOpt(
        QStringLiteral("rate"),
        QStringLiteral("Once all joined, one client sends this many chat messages per second "
                       "(for --duration); every client's receipt of every message is timed."),
        QStringLiteral("per-second"), QStringLiteral("0"));
    const QCommandLineOption durationOpt(QStringLiteral("duration"),
                                         QStringLiteral("Seconds of --rate traffic."),
                                         QStringLiteral("seconds"), QStringLiteral("10"));
    cli.addOptions({urlOpt, connOpt, concOpt, getConcOpt, pidOpt, holdOpt, timeoutOpt, pathOpt,
                    jsonOpt, fanoutOpt, qtReaderOpt, eventRateOpt, eventOpt, eventClientsOpt,
                    eventSecondsOpt, ticksOpt, rateOpt, durationOpt});
    cli.process(app);

    RunConfig cfg;
    cfg.pageUrl = QUrl(cli.value(urlOpt), QUrl::StrictMode);
    bool okN = false, okC = false, okG = false, okH = false, okT = false;
    cfg.connections = cli.value(connOpt).toInt(&okN);
    cfg.concurrency = cli.value(concOpt).toInt(&okC);
    cfg.getConcurrency = cli.value(getConcOpt).toInt(&okG);
    const double holdSec = cli.value(holdOpt).toDouble(&okH);
    cfg.timeoutMs = int(cli.value(timeoutOpt).toDouble(&okT) * 1000);
    cfg.socketPath = cli.value(pathOpt);
    if (!cfg.pageUrl.isValid() || cfg.pageUrl.scheme() != QLatin1String("http") ||
        cfg.pageUrl.host().isEmpty()) {
        err << "--url must be an http:// page URL\n";
        return 2;
    }
    if (!okN || !okC || !okH || !okT || cfg.connections < 1 || cfg.concurrency < 1 || holdSec < 0 ||
        cfg.timeoutMs <= 0) {
        err << "--connections/--concurrency must be >= 1, --hold >= 0, --timeout > 0\n";
        return 2;
    }

    const rlim_t fdLimit = raiseFdLimit();
    if (fdLimit != RLIM_INFINITY && rlim_t(cfg.connections) + 100 > fdLimit) {
        err << "--connections " << cfg.connections << " exceeds fd limit " << qint64(fdLimit)
            << " minus 100 headroom; raise `ulimit -Hn`\n";
        return 2;
    }

    const QHostInfo host = QHostInfo::fromName(cfg.pageUrl.host());
    if (host.addresses().isEmpty()) {
        err << "cannot resolve " << cfg.pageUrl.host() << "\n";
        return 2;
    }
    cfg.address = host.addresses().constFirst();

    const QString serverPid = cli.value(pidOpt);
    const qint64 rssBaseline = serverPid.isEmpty() ? -1 : readRssKb(serverPid);
    if (!serverPid.isEmpty() && rssBaseline < 0) {
        err << "cannot read /proc/" << serverPid << "/status\n";
        return 2;
    }

    LoadRunner runner(cfg);
    const int fanoutRounds = cli.value(fanoutOpt).toInt();
    FanoutProbe fanout(runner, fanoutRounds, QStringLiteral("send"), QStringLiteral("body"),
                       serverPid, cli.isSet(qtReaderOpt));
    const double eventRate = cli.value(eventRateOpt).toDouble();
    EventRateProbe events(runner, cli.value(eventOpt), cli.value(eventClientsOpt).toInt(),
                          eventRate, cli.value(eventSecondsOpt).toDouble());
    QObject::connect(&events, &EventRateProbe::finished, &fanout, &FanoutProbe::finished);
    const int tickCount = cli.value(ticksOpt).toInt();
    TickProbe ticks(runner, tickCount, cfg.connections, serverPid, cli.isSet(qtReaderOpt));
    QObject::connect(&ticks, &TickProbe::finished, &fanout, &FanoutProbe::finished);
    const double rate = cli.value(rateOpt).toDouble();
    RateProbe rateProbe(runner, rate, cli.value(durationOpt).toDouble(), QStringLiteral("send"),
                        QStringLiteral("body"), serverPid);
    QObject::connect(&rateProbe, &RateProbe::finished, &fanout, &FanoutProbe::finished);
    qint64 rssAfter = -1;
    int stillOpen = 0;
    QObject::connect(&runner, &LoadRunner::allAttempted, &app, [&] {
        if (tickCount > 0)
            QTimer::singleShot(1000, &ticks, &TickProbe::start);
        else if (rate > 0)
            QTimer::singleShot(1000, &rateProbe, &RateProbe::start);
        else if (eventRate > 0)
            QTimer::singleShot(1000, &events, &EventRateProbe::start);
        else if (fanoutRounds > 0) // after a moment for the last joins' work to finish
            QTimer::singleShot(1000, &fanout, &FanoutProbe::start);
        else
            QTimer::singleShot(int(holdSec * 1000), &fanout, &FanoutProbe::finished);
    });
    QObject::connect(&fanout, &FanoutProbe::finished, &app, [&] {
        rssAfter = serverPid.isEmpty() ? -1 : readRssKb(serverPid);
        stillOpen = runner.openSockets();
        runner.closeAll();
        // A moment for close frames to leave; the server may be measured for cleanup next.
        QTimer::singleShot(1000, &app, &QCoreApplication::quit);
    });
    runner.start();
    app.exec();

    const RunStats &s = runner.stats();
    const double perView =
        (rssAfter >= 0 && s.joined > 0) ? double(rssAfter - rssBaseline) / s.joined : -1;
    const qint64 clientRss = readRssKb(QStringLiteral("self"));
    const double p50 = percentile(s.latenciesMs, 0.5), p99 = percentile(s.latenciesMs, 0.99);

    std::vector<double> lasts;
    bool fanoutComplete = true;
    for (const FanoutRound &r : fanout.rounds()) {
        lasts.push_back(r.lastMs);
        fanoutComplete = fanoutComplete && r.received == r.expected;
    }
    std::sort(lasts.begin(), lasts.end());
    const double medianLast = lasts.empty() ? 0 : lasts[lasts.size() / 2];

    int ticksWithin50 = 0, ticksComplete = 0;
    for (const TickResult &t : ticks.ticks()) {
        ticksComplete += t.received == cfg.connections;
        ticksWithin50 += t.received == cfg.connections && t.maxMs <= 50;
        out << "sample " << t.sampledAtMs << ": " << t.received << " / " << cfg.connections
            << " viewers, last after " << QString::number(t.maxMs, 'f', 1) << " ms (p50 "
            << QString::number(t.p50Ms, 'f', 1) << ", p99 " << QString::number(t.p99Ms, 'f', 1)
            << "), " << QString::number(t.bytesPerViewer, 'f', 0) << " bytes per viewer\n";
    }
    if (!ticks.ticks().empty())
        out << "samples: " << ticks.ticks().size() << ", complete " << ticksComplete
            << ", every viewer within 50 ms: " << ticksWithin50 << "; server CPU per sample "
            << QString::number(ticks.serverCpuMsPerTick(), 'f', 1) << " ms\n";
    if (cli.isSet(jsonOpt)) {
        QJsonObject errorSamples;
        for (auto it = s.errorSamples.cbegin(); it != s.errorSamples.cend(); ++it)
            errorSamples.insert(it.key(), it.value());
        QJsonObject o{{QStringLiteral("url"), cfg.pageUrl.toString()},
                      {QStringLiteral("connections"), cfg.connections},
                      {QStringLiteral("concurrency"), cfg.concurrency},
                      {QStringLiteral("get_concurrency"), cfg.getConcurrency},
                      {QStringLiteral("joined"), s.joined},
                      {QStringLiteral("errors"), s.errors()},
                      {QStringLiteral("http_errors"), s.httpErrors},
                      {QStringLiteral("ws_errors"), s.wsErrors},
                      {QStringLiteral("join_errors"), s.joinErrors},
                      {QStringLiteral("timeouts"), s.timeouts},
                      {QStringLiteral("dropped"), s.dropped},
                      {QStringLiteral("open_at_end"), stillOpen},
                      {QStringLiteral("join_all_ms"), s.joinAllMs},
                      {QStringLiteral("join_latency_p50_ms"), p50},
                      {QStringLiteral("join_latency_p99_ms"), p99},
                      {QStringLiteral("hold_s"), holdSec},
                      {QStringLiteral("heartbeats_sent"), s.heartbeatsSent},
                      {QStringLiteral("heartbeats_ok"), s.heartbeatsOk},
                      {QStringLiteral("heartbeats_late"), s.heartbeatsLate},
                      {QStringLiteral("other_messages"), s.otherMessages},
                      {QStringLiteral("client_rss_kb"), clientRss},
                      {QStringLiteral("error_samples"), errorSamples}};
        if (!fanout.rounds().empty()) {
            QJsonArray rounds;
            for (const FanoutRound &r : fanout.rounds())
                rounds.append(QJsonObject{{QStringLiteral("received"), r.received},
                                          {QStringLiteral("expected"), r.expected},
                                          {QStringLiteral("last_ms"), r.lastMs},
                                          {QStringLiteral("p50_ms"), r.p50Ms},
                                          {QStringLiteral("p99_ms"), r.p99Ms},
                                          {QStringLiteral("client_cpu_ms"), r.clientCpuMs},
                                          {QStringLiteral("server_cpu_ms"), r.serverCpuMs}});
            o.insert(QStringLiteral("fanout_rounds"), rounds);
            o.insert(QStringLiteral("fanout_median_last_ms"), medianLast);
        }
        if (!serverPid.isEmpty()) {
            o.insert(QStringLiteral("server_rss_baseline_kb"), rssBaseline);
            o.insert(QStringLiteral("server_rss_after_kb"), rssAfter);
            o.insert(QStringLiteral("rss_per_view_kb"), perView);
        }
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
    } else {
        out << "joined ok:            " << s.joined << " / " << cfg.connections << "\n"
            << "errors:               " << s.errors() << " (http " << s.httpErrors << ", ws "
            << s.wsErrors << ", join " << s.joinErrors << ", timeout " << s.timeouts << ")\n"
            << "time to join all:     " << s.joinAllMs << " ms (per session p50 " << p50
            << " ms, p99 " << p99 << " ms)\n"
            << "dropped while held:   " << s.dropped << ", open at end " << stillOpen << "\n"
            << "heartbeats:           " << s.heartbeatsSent << " sent, " << s.heartbeatsOk
            << " ok, " << s.heartbeatsLate << " late\n"
            << "client VmRSS:         " << clientRss << " KB\n";
        if (!serverPid.isEmpty()) {
            out << "server VmRSS baseline: " << rssBaseline << " KB\n"
                << "server VmRSS after:    " << rssAfter << " KB (after " << holdSec << " s hold)\n"
                << "RSS per connected view (KB): " << QString::number(perView, 'f', 2) << "\n";
        }
        for (auto it = s.errorSamples.cbegin(); it != s.errorSamples.cend(); ++it)
            out << "  error x" << it.value() << ": " << it.key() << "\n";
        if (eventRate > 0) {
            const EventRateResult &e = events.result();
            out << "events:               " << e.sent << " sent, " << e.answered << " answered ("
                << e.errors << " errors) in " << QString::number(e.seconds, 'f', 1)
                << " s: " << QString::number(double(e.answered) / qMax(1e-9, e.seconds), 'f', 0)
                << " events/s\n"
                << "event reply latency:  p50 " << QString::number(e.p50Ms, 'f', 1) << " ms, p90 "
                << QString::number(e.p90Ms, 'f', 1) << " ms, p99 "
                << QString::number(e.p99Ms, 'f', 1) << " ms, max "
                << QString::number(e.maxMs, 'f', 1) << " ms\n";
        }
        for (const FanoutRound &r : fanout.rounds())
            out << "fan-out round:        " << r.received << " / " << r.expected
                << " clients, last after " << QString::number(r.lastMs, 'f', 1) << " ms (p50 "
                << QString::number(r.p50Ms, 'f', 1) << ", p99 " << QString::number(r.p99Ms, 'f', 1)
                << "); CPU client " << QString::number(r.clientCpuMs, 'f', 0) << " ms, server "
                << QString::number(r.serverCpuMs, 'f', 0) << " ms\n";
        if (!fanout.rounds().empty())
            out << "fan-out median last: " << QString::number(medianLast, 'f', 1) << " ms\n";
        if (rate > 0) {
            const RateResult &r = rateProbe.result();
            out << "rate delivery:        " << r.received << " / " << r.expected << " ("
                << r.messages << " messages x clients); p50 " << QString::number(r.p50Ms, 'f', 1)
                << " ms, p99 " << QString::number(r.p99Ms, 'f', 1) << " ms, max "
                << QString::number(r.maxMs, 'f', 1) << " ms\n"
                << "rate CPU per second:  server "
                << QString::number(r.serverCpuMsPerSecond, 'f', 0) << " ms, client "
                << QString::number(r.clientCpuMsPerSecond, 'f', 0) << " ms\n";
        }
    }
    out.flush();
    const bool rateComplete =
        rate <= 0 || rateProbe.result().received == rateProbe.result().expected;
    return s.joined < cfg.connections || !fanoutComplete || !rateComplete ? 1 : 0;
}
