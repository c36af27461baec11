// The log page (see log_view.h).
#include "log_view.h"

#include <liveview/monitor.h>

namespace livedeck::dashboards {

DashboardView::Options feedPage(const QString &page, const QString &title, const QString &file);

LogView::LogView()
    : DashboardView(
          feedPage(QStringLiteral("log"), QStringLiteral("Log"), QStringLiteral("log.heex")))
{
}

void LogView::showFeed(const QVariantMap &)
{
    QVariantList entries;
    for (const liveview::LogEntry &e : liveview::Monitor::instance()->log(0, shownLines)) {
        QString message = e.message;
        if (e.sessionId)
            message = QStringLiteral("[session %1] ").arg(e.sessionId) + message;
        if (e.durationMs >= 0)
            message += QStringLiteral(" (%1 ms)").arg(e.durationMs, 0, 'f', 2);
        entries.append(QVariantMap{
            {QStringLiteral("seq"), e.seq},
            {QStringLiteral("time"), e.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"))},
            {QStringLiteral("level"), liveview::logLevelName(e.level)},
            {QStringLiteral("category"), e.category},
            {QStringLiteral("message"), message}});
    }
    assign(QStringLiteral("entries"), entries);
}

} // namespace livedeck::dashboards
