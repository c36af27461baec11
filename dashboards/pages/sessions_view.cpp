// The sessions page (see sessions_view.h).
#include "sessions_view.h"

#include <livedeck/widgets/format.h>

#include <QDateTime>
#include <QUrlQuery>
#include <liveview/monitor.h>

namespace livedeck::dashboards {

DashboardView::Options feedPage(const QString &page, const QString &title, const QString &file);

using widgets::TableColumn;

namespace {
QList<TableColumn> sessionColumns(bool withActions)
{
    QList<TableColumn> columns{
        {QStringLiteral("id"), QStringLiteral("Session"), TableColumn::Kind::Link},
        {QStringLiteral("route"), QStringLiteral("Route")},
        {QStringLiteral("view"), QStringLiteral("View")},
        {QStringLiteral("user"), QStringLiteral("User")},
        {QStringLiteral("address"), QStringLiteral("Address")},
        {QStringLiteral("connected"), QStringLiteral("Connected"), TableColumn::Kind::Number},
        {QStringLiteral("events"), QStringLiteral("Events"), TableColumn::Kind::Number},
        {QStringLiteral("bytes_out"), QStringLiteral("Bytes out"), TableColumn::Kind::Number},
        {QStringLiteral("rtt"), QStringLiteral("RTT"), TableColumn::Kind::Number},
        {QStringLiteral("state"), QStringLiteral("State"), TableColumn::Kind::Badge}};
    if (withActions)
        columns.append({QStringLiteral("disconnect"), QStringLiteral("Disconnect"),
                        TableColumn::Kind::Action, QStringLiteral("ask-disconnect")});
    return columns;
}

QString stateTone(liveview::SessionState state)
{
    switch (state) {
    case liveview::SessionState::Joined:
        return QStringLiteral("ok");
    case liveview::SessionState::Restarted:
        return QStringLiteral("warn");
    case liveview::SessionState::Crashed:
        return QStringLiteral("critical");
    case liveview::SessionState::Left:
        break;
    }
    return QStringLiteral("muted");
}
} // namespace

SessionsView::SessionsView()
    : DashboardView(feedPage(QStringLiteral("sessions"), QStringLiteral("Sessions"),
                             QStringLiteral("sessions.heex"))),
      m_table(QStringLiteral("sessions"),
              sessionColumns(!liveview::Monitor::instance()->isReadOnly()),
              QStringLiteral("connected"), true, 25)
{
}

void SessionsView::mountPage(const QVariantMap &params)
{
    assign(QStringLiteral("modal"), QVariantMap{{QStringLiteral("open"), false}});
    pageParams(params);
}

void SessionsView::pageParams(const QVariantMap &params)
{
    m_table.applyParams(params);
    m_selected = params.value(QStringLiteral("session")).toULongLong();
    showFeed(lastFeed());
}

QVariantList SessionsView::sessionRows() const
{
    const liveview::MonitorSnapshot snap =
        liveview::Monitor::instance()->snapshot(liveview::Monitor::Sessions);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVariantList rows;
    rows.reserve(snap.sessions.size());
    for (const liveview::SessionInfo &s : snap.sessions) {
        QUrl link = currentUrl();
        QUrlQuery query(link);
        query.removeAllQueryItems(QStringLiteral("session"));
        query.addQueryItem(QStringLiteral("session"), QString::number(s.id));
        link.setQuery(query);
        const qint64 seconds = s.connectedSince.secsTo(s.endedAt.isValid() ? s.endedAt : now);
        rows.append(QVariantMap{
            {QStringLiteral("id"), s.id},
            {QStringLiteral("id_href"), link.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority)},
            {QStringLiteral("route"), s.route},
            {QStringLiteral("view"), s.viewClass},
            {QStringLiteral("user"), s.user},
            {QStringLiteral("address"), s.remoteAddress.toString()},
            {QStringLiteral("connected"), seconds},
            {QStringLiteral("connected_text"), widgets::formatDuration(seconds)},
            {QStringLiteral("events"), s.events},
            {QStringLiteral("bytes_out"), s.bytesOut},
            {QStringLiteral("bytes_out_text"), widgets::formatBytes(double(s.bytesOut))},
            {QStringLiteral("rtt"), s.heartbeatRttMs},
            {QStringLiteral("rtt_text"), s.heartbeatRttMs < 0
                                             ? QStringLiteral("–")
                                             : QStringLiteral("%1 ms").arg(s.heartbeatRttMs)},
            {QStringLiteral("state"), liveview::sessionStateName(s.state)},
            {QStringLiteral("state_tone"), stateTone(s.state)}});
    }
    return rows;
}

void SessionsView::showFeed(const QVariantMap &)
{
    stream(QStringLiteral("sessions"), m_table.page(sessionRows()), true);
    assign(QStringLiteral("table"), m_table.model());
    showDetail();
}

void SessionsView::showDetail()
{
    if (m_selected == 0) {
        assign(QStringLiteral("detail"), QVariant());
        return;
    }
    const liveview::SessionInfo s = liveview::Monitor::instance()->session(m_selected);
    if (s.id == 0) {
        assign(QStringLiteral("detail"),
               QVariantMap{{QStringLiteral("missing"), true}, {QStringLiteral("id"), m_selected}});
        return;
    }
    QVariantList events;
    for (auto it = s.recent.crbegin(); it != s.recent.crend(); ++it)
        events.append(QVariantMap{
            {QStringLiteral("id"), it->at.toMSecsSinceEpoch()},
            {QStringLiteral("at"), it->at.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"))},
            {QStringLiteral("name"), it->name},
            {QStringLiteral("duration"), widgets::formatMs(it->durationMs)}});
    assign(
        QStringLiteral("detail"),
        QVariantMap{{QStringLiteral("missing"), false},
                    {QStringLiteral("id"), QString::number(s.id)},
                    {QStringLiteral("path"), s.path},
                    {QStringLiteral("view"), s.viewClass},
                    {QStringLiteral("user"), s.user},
                    {QStringLiteral("address"), s.remoteAddress.toString()},
                    {QStringLiteral("agent"), s.userAgent},
                    {QStringLiteral("node"), s.node},
                    {QStringLiteral("since"), s.connectedSince.toLocalTime().toString(Qt::ISODate)},
                    {QStringLiteral("state"), liveview::sessionStateName(s.state)},
                    {QStringLiteral("state_tone"), stateTone(s.state)},
                    {QStringLiteral("events"), QString::number(s.events)},
                    {QStringLiteral("traffic"),
                     widgets::formatBytes(double(s.bytesIn)) + QStringLiteral(" in · ") +
                         widgets::formatBytes(double(s.bytesOut)) + QStringLiteral(" out")},
                    {QStringLiteral("latency"),
                     QStringLiteral("p50 %1 · p99 %2")
                         .arg(widgets::formatMs(s.eventP50Ms), widgets::formatMs(s.eventP99Ms))},
                    {QStringLiteral("topics"), s.topics},
                    {QStringLiteral("recent"), events},
                    {QStringLiteral("close_href"), [this] {
                         QUrl url = currentUrl();
                         QUrlQuery q(url);
                         q.removeAllQueryItems(QStringLiteral("session"));
                         url.setQuery(q);
                         return url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority);
                     }()}});
}

void SessionsView::pageEvent(const QString &event, const QVariantMap &value)
{
    QUrl patch;
    if (m_table.handleEvent(event, value, currentUrl(), &patch)) {
        patchTo(patch);
    } else if (event == u"lw-table-csv") {
        download(QStringLiteral("sessions.csv"), m_table.csv(sessionRows()));
    } else if (event == u"ask-disconnect") {
        askToConfirm(QStringLiteral("session"), value.value(QStringLiteral("id")).toString());
    } else if (event == u"ask-disconnect-user") {
        askToConfirm(QStringLiteral("user"), value.value(QStringLiteral("user")).toString());
    } else if (event == u"confirm") {
        confirm();
    } else if (event == u"cancel") {
        m_pendingAction.clear();
        assign(QStringLiteral("modal"), QVariantMap{{QStringLiteral("open"), false}});
    } else {
        DashboardView::pageEvent(event, value);
    }
}

void SessionsView::askToConfirm(const QString &action, const QString &target)
{
    if (isReadOnly()) {
        toast(QStringLiteral("warn"),
              QStringLiteral("The server is read-only: actions are refused."));
        return;
    }
    if (target.isEmpty())
        return;
    m_pendingAction = action;
    m_pendingTarget = target;
    const bool user = action == u"user";
    assign(QStringLiteral("modal"),
           QVariantMap{
               {QStringLiteral("open"), true},
               {QStringLiteral("title"),
                user ? QStringLiteral("Disconnect every session of %1?").arg(target)
                     : QStringLiteral("Disconnect session %1?").arg(target)},
               {QStringLiteral("message"),
                QStringLiteral("Its socket closes with 4000 (disconnected by an operator); the "
                               "browser reconnects as LiveView clients do.")}});
}

void SessionsView::confirm()
{
    const QString action = m_pendingAction, target = m_pendingTarget;
    m_pendingAction.clear();
    assign(QStringLiteral("modal"), QVariantMap{{QStringLiteral("open"), false}});
    if (action.isEmpty())
        return;
    QString error;
    if (action == u"session") {
        if (liveview::Admin::disconnectSession(target.toULongLong(), &error))
            toast(QStringLiteral("ok"), QStringLiteral("Session %1 disconnected.").arg(target));
        else
            toast(QStringLiteral("critical"), error);
    } else {
        const int sockets = liveview::Admin::disconnectUser(target, &error);
        if (error.isEmpty())
            toast(QStringLiteral("ok"),
                  QStringLiteral("%1 socket(s) of %2 disconnected.").arg(sockets).arg(target));
        else
            toast(QStringLiteral("critical"), error);
    }
    showFeed(lastFeed());
}

} // namespace livedeck::dashboards
