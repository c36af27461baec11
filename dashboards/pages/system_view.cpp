// The system page (see system_view.h).
#include "system_view.h"

#include <livedeck/widgets/format.h>

namespace livedeck::dashboards {

DashboardView::Options feedPage(const QString &page, const QString &title, const QString &file);

using widgets::TableColumn;

SystemView::SystemView()
    : DashboardView(feedPage(QStringLiteral("system"), QStringLiteral("System"),
                             QStringLiteral("system.heex"))),
      m_interfaces(
          QStringLiteral("interfaces"),
          {{QStringLiteral("name"), QStringLiteral("Interface")},
           {QStringLiteral("rx"), QStringLiteral("Received"), TableColumn::Kind::Number},
           {QStringLiteral("tx"), QStringLiteral("Sent"), TableColumn::Kind::Number},
           {QStringLiteral("rx_total"), QStringLiteral("Received in all"),
            TableColumn::Kind::Number},
           {QStringLiteral("tx_total"), QStringLiteral("Sent in all"), TableColumn::Kind::Number}},
          QStringLiteral("name"), false, 10)
{
}

void SystemView::mountPage(const QVariantMap &params)
{
    m_interfaces.applyParams(params);
}

void SystemView::pageParams(const QVariantMap &params)
{
    m_interfaces.applyParams(params);
    showInterfaces();
}

void SystemView::showFeed(const QVariantMap &feed)
{
    const QVariantMap system = feed.value(QStringLiteral("system")).toMap();
    assign(QStringLiteral("sys"), system);
    // The sample's stamp, which the load client times each viewer's update against.
    assign(QStringLiteral("sampled_at"),
           QStringLiteral("at-") + feed.value(QStringLiteral("at_ms")).toString());
    assign(QStringLiteral("mem_total"),
           widgets::formatBytes(system.value(QStringLiteral("mem_total")).toDouble()));
    assign(QStringLiteral("net_text"),
           widgets::formatRate(system.value(QStringLiteral("rx")).toDouble()) +
               QStringLiteral(" / ") +
               widgets::formatRate(system.value(QStringLiteral("tx")).toDouble()));
    showInterfaces();
}

void SystemView::showInterfaces()
{
    const QVariantList rows = lastFeed()
                                  .value(QStringLiteral("system"))
                                  .toMap()
                                  .value(QStringLiteral("interfaces"))
                                  .toList();
    stream(QStringLiteral("interfaces"), m_interfaces.page(rows), true);
    assign(QStringLiteral("interfaces_table"), m_interfaces.model());
}

void SystemView::pageEvent(const QString &event, const QVariantMap &value)
{
    QUrl patch;
    if (m_interfaces.handleEvent(event, value, currentUrl(), &patch)) {
        patchTo(patch);
    } else if (event == u"lw-table-csv") {
        const QVariantList rows = lastFeed()
                                      .value(QStringLiteral("system"))
                                      .toMap()
                                      .value(QStringLiteral("interfaces"))
                                      .toList();
        download(QStringLiteral("interfaces.csv"), m_interfaces.csv(rows));
    } else {
        DashboardView::pageEvent(event, value);
    }
}

} // namespace livedeck::dashboards
