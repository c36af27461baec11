// The metrics page (see metrics_view.h).
#include "metrics_view.h"

#include <livedeck/widgets/format.h>

namespace livedeck::dashboards {

DashboardView::Options feedPage(const QString &page, const QString &title, const QString &file);

using widgets::TableColumn;

MetricsView::MetricsView()
    : DashboardView(feedPage(QStringLiteral("metrics"), QStringLiteral("Metrics"),
                             QStringLiteral("metrics.heex"))),
      m_classes(
          QStringLiteral("classes"),
          {{QStringLiteral("view"), QStringLiteral("View class")},
           {QStringLiteral("joined"), QStringLiteral("Joined"), TableColumn::Kind::Number},
           {QStringLiteral("events"), QStringLiteral("Events"), TableColumn::Kind::Number},
           {QStringLiteral("rate"), QStringLiteral("Events/s"), TableColumn::Kind::Number},
           {QStringLiteral("mean"), QStringLiteral("Mean duration"), TableColumn::Kind::Number},
           {QStringLiteral("crashes"), QStringLiteral("Crashes"), TableColumn::Kind::Number}},
          QStringLiteral("events"), true, 25)
{
}

void MetricsView::mountPage(const QVariantMap &params)
{
    m_classes.applyParams(params);
}

void MetricsView::pageParams(const QVariantMap &params)
{
    m_classes.applyParams(params);
    showFeed(lastFeed());
}

void MetricsView::showFeed(const QVariantMap &feed)
{
    const QVariantMap server = feed.value(QStringLiteral("server")).toMap();
    assign(QStringLiteral("s"), server);
    assign(QStringLiteral("p50"),
           widgets::formatMs(server.value(QStringLiteral("p50")).toDouble()));
    assign(QStringLiteral("p95"),
           widgets::formatMs(server.value(QStringLiteral("p95")).toDouble()));
    assign(QStringLiteral("p99"),
           widgets::formatMs(server.value(QStringLiteral("p99")).toDouble()));
    stream(QStringLiteral("classes"),
           m_classes.page(server.value(QStringLiteral("view_classes")).toList()), true);
    assign(QStringLiteral("classes_table"), m_classes.model());
}

void MetricsView::pageEvent(const QString &event, const QVariantMap &value)
{
    QUrl patch;
    if (m_classes.handleEvent(event, value, currentUrl(), &patch))
        patchTo(patch);
    else if (event == u"lw-table-csv")
        download(QStringLiteral("view-classes.csv"),
                 m_classes.csv(lastFeed()
                                   .value(QStringLiteral("server"))
                                   .toMap()
                                   .value(QStringLiteral("view_classes"))
                                   .toList()));
    else
        DashboardView::pageEvent(event, value);
}

} // namespace livedeck::dashboards
