// A line chart over time for the Server panel.
#include "time_chart.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

namespace livedeck::admin {

TimeChart::TimeChart(const QString &title, const QStringList &seriesNames, QWidget *parent)
    : QChartView(parent), m_time(new QDateTimeAxis), m_values(new QValueAxis)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->legend()->setVisible(seriesNames.size() > 1);
    // Beside the plot, not under it: a short plot elides its axis labels.
    chart->legend()->setAlignment(Qt::AlignRight);
    m_time->setFormat(QStringLiteral("HH:mm"));
    m_time->setTickCount(4);
    // Plain numbers: "%g" turns 1,260 into "1.26e+03", and wide labels are elided in a small chart.
    m_values->setLabelFormat(QStringLiteral("%.0f"));
    m_values->setRange(0, 1);
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_values, Qt::AlignLeft);
    for (const QString &name : seriesNames) {
        auto *series = new QLineSeries;
        series->setName(name);
        chart->addSeries(series);
        series->attachAxis(m_time);
        series->attachAxis(m_values);
        m_series.append(series);
    }
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(220, 150);
}

void TimeChart::setPoints(int series, const QList<QPointF> &points)
{
    m_series.at(series)->replace(points);
    fitValueAxis();
}

void TimeChart::setTimeRange(const QDateTime &from, const QDateTime &to)
{
    m_time->setRange(from, to);
}

void TimeChart::fitValueAxis()
{
    double top = 0;
    for (const QLineSeries *s : std::as_const(m_series))
        for (const QPointF &p : s->points())
            top = qMax(top, p.y());
    // Some headroom, and never a zero-height axis while the server is idle; small ranges (event
    // durations in ms) keep a decimal.
    m_values->setRange(0, top > 0 ? top * 1.15 : 1);
    m_values->setLabelFormat(top < 10 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
}

void TimeChart::applyPalette(const QPalette &palette)
{
    QChart *c = chart();
    c->setBackgroundBrush(palette.base());
    c->setTitleBrush(palette.text());
    c->legend()->setLabelColor(palette.text().color());
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_time), static_cast<QAbstractAxis *>(m_values)}) {
        axis->setLabelsColor(palette.text().color());
        axis->setGridLineColor(palette.mid().color());
    }
}

} // namespace livedeck::admin
