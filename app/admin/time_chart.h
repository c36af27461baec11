#pragma once
// One small line chart over time (Qt Charts) with a few named series and a y axis that grows
// with its data: the building block of the Server panel.

#include <QChartView>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace livedeck::admin {

class TimeChart final : public QChartView
{
    Q_OBJECT
public:
    TimeChart(const QString &title, const QStringList &seriesNames, QWidget *parent = nullptr);

    // x in ms since the epoch. Replaces the whole series: a few hundred points, one repaint.
    void setPoints(int series, const QList<QPointF> &points);
    // The shown time window, the same for every chart of the panel.
    void setTimeRange(const QDateTime &from, const QDateTime &to);
    // Follows the palette (the Dark theme switches it at run time).
    void applyPalette(const QPalette &palette);

    QLineSeries *series(int index) const { return m_series.at(index); }

private:
    void fitValueAxis();

    QList<QLineSeries *> m_series;
    QDateTimeAxis *m_time;
    QValueAxis *m_values;
};

} // namespace livedeck::admin
