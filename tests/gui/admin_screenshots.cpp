// Writes the README's screenshots of the admin window (light and dark) with a few hundred
// synthetic sessions and ten minutes of server history. A manual program, not a test:
//   QT_QPA_PLATFORM=offscreen build/tests/gui/livedeck-admin-screenshots docs/screenshots
#include "fake_data_source.h"
#include "snapshot_factory.h"

#include <admin_window.h>
#include <sessions_model.h>
#include <sessions_panel.h>

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QTreeView>
#include <cmath>
#include <cstdio>

using namespace livedeck::admin;
using namespace livedeck::admin::testing;

namespace {

// Ten minutes of a server whose load rises and falls, one snapshot every five seconds.
QList<liveview::MonitorSnapshot> history(int sessions)
{
    QList<liveview::MonitorSnapshot> list;
    quint64 events = 0, bytesIn = 0, bytesOut = 0, fast = 0, medium = 0, slow = 0;
    for (int i = 0; i <= 120; ++i) {
        const double wave = 0.5 + 0.5 * std::sin(i / 9.0);
        const int connected = int(sessions * (0.6 + 0.4 * std::min(1.0, i / 40.0)));
        liveview::MonitorSnapshot s = makeSnapshot(0, i);
        s.takenAt = baseTime().addSecs(3600 + i * 5);
        s.server.uptimeSeconds = 3600 + i * 5;
        s.server.connections = connected;
        s.server.rssBytes = 60LL * 1024 * 1024 + qint64(connected) * 48 * 1024 + i * 40000;
        const quint64 interval = quint64(5 * (200 + 900 * wave));
        events += interval;
        bytesIn += interval * 140;
        bytesOut += interval * 610;
        fast += quint64(double(interval) * 0.8);
        medium += quint64(double(interval) * (0.18 - 0.1 * wave));
        slow += interval - quint64(double(interval) * 0.8) -
                quint64(double(interval) * (0.18 - 0.1 * wave));
        s.server.eventsTotal = events;
        s.server.bytesInTotal = bytesIn;
        s.server.bytesOutTotal = bytesOut;
        s.viewClasses.first().durationBuckets = {
            {0.001, fast}, {0.01, fast + medium}, {0.1, events}, {qInf(), events}};
        s.sessions = makeSessions(1 + quint64(sessions - connected), connected, i);
        list.append(s);
    }
    return list;
}

QList<liveview::LogEntry> logLines()
{
    QList<liveview::LogEntry> lines;
    const char *const events[] = {"join", "event", "event", "leave", "event"};
    for (quint64 i = 1; i <= 60; ++i) {
        liveview::LogEntry e;
        e.seq = i;
        e.time = baseTime().addSecs(4200 + qint64(i) * 3);
        e.level = i % 17 == 0 ? liveview::LogLevel::Warning : liveview::LogLevel::Info;
        e.category = QStringLiteral("lifecycle");
        e.sessionId = 40 + i % 9;
        e.event = QLatin1String(events[i % 5]);
        e.message = QStringLiteral("%1 /examples/counter").arg(e.event);
        e.durationMs = e.event == u"event" ? 0.3 + double(i % 7) / 3 : -1;
        lines.append(e);
    }
    return lines;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QDir().mkpath(out);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("shots.ini")), QSettings::IniFormat);
    FakeDataSource source;
    AdminWindow window(&source, &settings);
    window.resize(1500, 900);
    window.show();
    for (const liveview::MonitorSnapshot &s : history(400))
        source.push(s);
    while (window.sessionsModel()->isUpdating())
        app.processEvents();
    emit source.logReceived(logLines());
    window.sessionsPanel()->view()->sortByColumn(SessionsModel::Events, Qt::DescendingOrder);
    window.sessionsPanel()->selectSession(42);
    liveview::SessionInfo detail = makeSession(42, 120);
    detail.topics = {QStringLiteral("chat:lobby"), QStringLiteral("online")};
    for (int i = 0; i < 8; ++i)
        detail.recent.append({baseTime().addSecs(4300 + i * 7),
                              i % 2 ? QStringLiteral("inc") : QStringLiteral("send"),
                              0.2 + i * 0.35});
    emit source.sessionDetailReady(detail, logLines().mid(0, 12));
    for (Theme theme : {Theme::Light, Theme::Dark}) {
        window.setTheme(theme);
        // The light picture shows the log, the dark one the server charts.
        if (theme == Theme::Dark)
            window.findChild<QDockWidget *>(QStringLiteral("serverDock"))->raise();
        for (int i = 0; i < 5; ++i)
            app.processEvents();
        const QString file =
            QDir(out).filePath(QStringLiteral("admin-%1.png").arg(themeName(theme)));
        if (!window.grab().save(file)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file));
            return 1;
        }
        std::printf("%s\n", qPrintable(file));
    }
    return 0;
}
