// The shared frame of the dashboard pages (see dashboard_view.h).
#include "dashboard_view.h"

#include "../feed/operator_access.h"

#include <QDateTime>
#include <QUrlQuery>
#include <liveview/monitor.h>

namespace livedeck::dashboards {

DashboardView::DashboardView(Options options) : m_options(std::move(options))
{
}

void DashboardView::mount(const QVariantMap &params, const QVariantMap &session)
{
    setPageTitle(m_options.title + QStringLiteral(" · LiveDeck"));
    m_allowed = !m_options.operatorOnly || OperatorAccess::permits(session, params);
    assign(QStringLiteral("allowed"), m_allowed);
    assign(QStringLiteral("page"), m_options.page);
    assign(QStringLiteral("heading"), m_options.title);
    // Links between the operator pages carry the token of a page opened with one.
    const bool byToken = OperatorAccess::byToken(session, params);
    assign(QStringLiteral("nav_suffix"),
           byToken ? QStringLiteral("?token=") + params.value(QStringLiteral("token")).toString()
                   : QString());
    assign(QStringLiteral("read_only"), isReadOnly());
    assignRefresh();
    if (!m_allowed)
        return;
    mountPage(params);
    if (m_options.latestFeed)
        m_feed = m_options.latestFeed();
    drawFeed();
}

void DashboardView::connected()
{
    if (m_allowed && !m_options.feedTopic.isEmpty())
        subscribe(m_options.feedTopic);
}

void DashboardView::handleParams(const QVariantMap &params, const QUrl &url)
{
    m_url = url;
    if (m_allowed)
        pageParams(params);
}

void DashboardView::handleInfo(const QVariant &message)
{
    if (!m_allowed)
        return;
    const QVariantMap map = message.toMap();
    if (!map.contains(QStringLiteral("at_ms"))) {
        pageInfo(message);
        return;
    }
    m_feed = map;
    if (m_refresh.due(map.value(QStringLiteral("at_ms")).toLongLong()))
        drawFeed();
}

void DashboardView::handleEvent(const QString &event, const QVariantMap &value)
{
    if (!m_allowed)
        return; // a refused page has no controls; whatever arrives is dropped
    if (m_refresh.handleEvent(event, value)) {
        assignRefresh();
        if (m_refresh.takeRedraw())
            drawFeed();
        return;
    }
    pageEvent(event, value);
}

void DashboardView::pageEvent(const QString &event, const QVariantMap &value)
{
    Q_UNUSED(value);
    qInfo("dashboard %s: unknown event %s ignored", qPrintable(m_options.page), qPrintable(event));
}

liveview::Template DashboardView::render() const
{
    if (!m_allowed)
        return liveview::Template::load(QStringLiteral("dashboards/refused.heex"));
    return liveview::Template::load(m_options.templateName);
}

QByteArray DashboardView::sharedRenderKey() const
{
    // A toast is one viewer's own: its page no longer matches the others'.
    if (!m_allowed || m_toastCount > 0 || !m_refresh.drawsEverySample())
        return {};
    const std::optional<QByteArray> page = pageStateKey();
    if (!page)
        return {};
    // What mount and the feed put in the assigns: the URL (the page's tables keep their state
    // there), the sample drawn last, the read-only switch as assigned, the page's own state.
    return m_url.toEncoded() + '\n' + QByteArray::number(m_drawnAtMs) + '\n' +
           (assigned(QStringLiteral("read_only")).toBool() ? "ro" : "rw") + '\n' + *page;
}

bool DashboardView::isReadOnly() const
{
    return liveview::Monitor::instance()->isReadOnly();
}

void DashboardView::toast(const QString &kind, const QString &text)
{
    sendUpdate(QStringLiteral("lw-toasts"), QStringLiteral("toasts"),
               {{QStringLiteral("push"),
                 QVariantMap{{QStringLiteral("id"), QStringLiteral("t%1").arg(++m_toastCount)},
                             {QStringLiteral("kind"), kind},
                             {QStringLiteral("text"), text}}}});
}

void DashboardView::download(const QString &filename, const QString &text)
{
    pushEvent(QStringLiteral("lw-download"),
              {{QStringLiteral("filename"), filename},
               {QStringLiteral("text"), text},
               {QStringLiteral("mime"), QStringLiteral("text/csv")}});
}

void DashboardView::drawFeed()
{
    m_drawnAtMs = m_feed.value(QStringLiteral("at_ms"), -1).toLongLong();
    showFeed(m_feed);
}

void DashboardView::assignRefresh()
{
    assign(QStringLiteral("refresh"), m_refresh.model());
}

} // namespace livedeck::dashboards
