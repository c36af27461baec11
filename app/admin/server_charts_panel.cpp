// The Server panel's charts.
#include "server_charts_panel.h"

#include "server_history.h"
#include "time_chart.h"

#include <QGridLayout>

namespace livedeck::admin {

ServerChartsPanel::ServerChartsPanel(QWidget *parent)
    : QWidget(parent), m_connections(new TimeChart(tr("Connections"), {tr("sockets")}, this)),
      m_events(new TimeChart(tr("Events/s"), {tr("events")}, this)),
      m_bytes(new TimeChart(tr("KiB/s"), {tr("in"), tr("out")}, this)),
      m_durations(new TimeChart(tr("Event duration (ms)"), {tr("p50"), tr("p99")}, this)),
      m_rss(new TimeChart(tr("RSS (MiB)"), {tr("rss")}, this))
{
    setObjectName(QStringLiteral("serverChartsPanel"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_connections, 0, 0);
    grid->addWidget(m_events, 0, 1);
    grid->addWidget(m_bytes, 0, 2);
    grid->addWidget(m_durations, 1, 0);
    grid->addWidget(m_rss, 1, 1);
}

void ServerChartsPanel::showHistory(const ServerHistory &history)
{
    const QList<ServerSample> &samples = history.samples();
    if (samples.isEmpty())
        return;
    QList<QPointF> connections, events, bytesIn, bytesOut, p50, p99, rss;
    for (const ServerSample &s : samples) {
        const double x = double(s.at.toMSecsSinceEpoch());
        connections.append({x, double(s.connections)});
        events.append({x, s.eventsPerSecond});
        bytesIn.append({x, s.bytesInPerSecond / 1024.0});
        bytesOut.append({x, s.bytesOutPerSecond / 1024.0});
        p50.append({x, s.eventP50Ms});
        p99.append({x, s.eventP99Ms});
        rss.append({x, double(s.rssBytes) / (1024.0 * 1024.0)});
    }
    // The whole window is shown from the start, so a new server's charts fill from the right.
    const QDateTime to = samples.last().at;
    const QDateTime from = to.addSecs(-history.keepSeconds());
    for (TimeChart *chart : {m_connections, m_events, m_bytes, m_durations, m_rss})
        chart->setTimeRange(from, to);
    m_connections->setPoints(0, connections);
    m_events->setPoints(0, events);
    m_bytes->setPoints(0, bytesIn);
    m_bytes->setPoints(1, bytesOut);
    m_durations->setPoints(0, p50);
    m_durations->setPoints(1, p99);
    m_rss->setPoints(0, rss);
}

void ServerChartsPanel::applyPalette(const QPalette &palette)
{
    for (TimeChart *chart : {m_connections, m_events, m_bytes, m_durations, m_rss})
        chart->applyPalette(palette);
}

} // namespace livedeck::admin
