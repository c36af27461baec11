// The widget gallery (see gallery_view.h).
#include "gallery_view.h"

#include "demo_feed.h"

namespace livedeck::dashboards {

using widgets::TableColumn;

namespace {
DashboardView::Options galleryPage()
{
    return {QStringLiteral("widgets"),
            QStringLiteral("Widgets"),
            QStringLiteral("dashboards/gallery.heex"),
            false,
            DemoFeed::topic(),
            [] {
                DemoFeed *feed = DemoFeed::instance();
                return feed ? feed->latest() : QVariantMap();
            }};
}
} // namespace

GalleryView::GalleryView()
    : DashboardView(galleryPage()),
      m_services(QStringLiteral("services"),
                 {{QStringLiteral("name"), QStringLiteral("Service")},
                  {QStringLiteral("region"), QStringLiteral("Region")},
                  {QStringLiteral("cpu"), QStringLiteral("CPU"), TableColumn::Kind::Number},
                  {QStringLiteral("rps"), QStringLiteral("Requests/s"), TableColumn::Kind::Number},
                  {QStringLiteral("status"), QStringLiteral("Status"), TableColumn::Kind::Badge},
                  {QStringLiteral("restart"), QStringLiteral("Restart"), TableColumn::Kind::Action,
                   QStringLiteral("restart-service")}},
                 QStringLiteral("cpu"), true, 10)
{
}

void GalleryView::mountPage(const QVariantMap &params)
{
    assign(QStringLiteral("tab"), QStringLiteral("overview"));
    const auto tab = [](const char *id, const char *label) {
        return QVariantMap{{QStringLiteral("id"), QLatin1String(id)},
                           {QStringLiteral("label"), QLatin1String(label)}};
    };
    assign(QStringLiteral("tabs"),
           QVariantList{tab("overview", "Overview"), tab("details", "Details"),
                        tab("history", "History")});
    assign(QStringLiteral("modal_open"), false);
    m_services.applyParams(params);
    const QVariantMap stress =
        DemoFeed::instance() ? DemoFeed::instance()->latestStress() : QVariantMap();
    assign(QStringLiteral("stress_chart"), stress.value(QStringLiteral("stress_chart")));
}

void GalleryView::pageParams(const QVariantMap &params)
{
    m_services.applyParams(params);
    showTable();
}

void GalleryView::showTable()
{
    const QVariantList rows =
        DemoFeed::instance() ? DemoFeed::instance()->services() : QVariantList();
    stream(QStringLiteral("services"), m_services.page(rows), true);
    assign(QStringLiteral("services_table"), m_services.model());
}

void GalleryView::showFeed(const QVariantMap &feed)
{
    assign(QStringLiteral("demo"), feed);
}

void GalleryView::pageInfo(const QVariant &message)
{
    // The stress chart's 200 points a second arrive ten times a second, paused like the rest.
    const QVariantMap map = message.toMap();
    if (map.contains(QStringLiteral("stress_at_ms")) && isRefreshRunning())
        assign(QStringLiteral("stress_chart"), map.value(QStringLiteral("stress_chart")));
}

void GalleryView::pageEvent(const QString &event, const QVariantMap &value)
{
    QUrl patch;
    if (m_services.handleEvent(event, value, currentUrl(), &patch)) {
        patchTo(patch);
    } else if (event == u"lw-table-csv") {
        download(QStringLiteral("services.csv"),
                 m_services.csv(DemoFeed::instance() ? DemoFeed::instance()->services()
                                                     : QVariantList()));
    } else if (event == u"lw-tab") {
        const QString tab = value.value(QStringLiteral("tab")).toString();
        if (tab == u"overview" || tab == u"details" || tab == u"history")
            assign(QStringLiteral("tab"), tab);
    } else if (event == u"open-modal") {
        assign(QStringLiteral("modal_open"), true);
    } else if (event == u"modal-cancel") {
        assign(QStringLiteral("modal_open"), false);
    } else if (event == u"modal-confirm") {
        assign(QStringLiteral("modal_open"), false);
        toast(QStringLiteral("ok"), QStringLiteral("Deployment of web-0042 confirmed."));
    } else if (event == u"toast") {
        const QString kind = value.value(QStringLiteral("kind")).toString();
        static const QStringList kinds{QStringLiteral("info"), QStringLiteral("ok"),
                                       QStringLiteral("warn"), QStringLiteral("critical")};
        if (kinds.contains(kind))
            toast(kind, QStringLiteral("A %1 message (number %2).").arg(kind).arg(++m_toasts));
    } else if (event == u"restart-service") {
        toast(QStringLiteral("info"), QStringLiteral("Service %1 would restart now (made-up data).")
                                          .arg(value.value(QStringLiteral("id")).toString()));
    } else {
        DashboardView::pageEvent(event, value);
    }
}

} // namespace livedeck::dashboards
