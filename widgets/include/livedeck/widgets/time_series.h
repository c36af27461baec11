#pragma once
// A fixed-capacity history of samples (several named series sharing one time axis) and the chart
// model the line/area chart widget renders from it.
//
// The model is built so that the diff of a new sample carries only what moved (docs/charts.md):
// points are kept in data units inside a group whose `transform` maps them to pixels, so a new
// sample changes one transform and the last chunk of each series; older chunks are frozen strings
// shared by every viewer, and a rescale changes only the transform.

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <QVector>

namespace livedeck::widgets {

class TimeSeries
{
public:
    // `capacity` samples are kept; `windowSeconds` is the span a chart shows (the newest part).
    TimeSeries(QStringList seriesNames, int capacity, double windowSeconds);

    // One sample at `timeMs` (ms since the epoch, increasing) with a value per series.
    void append(qint64 timeMs, const QList<double> &values);
    void clear();

    int size() const { return int(m_samples.size()); }
    int capacity() const { return m_capacity; }
    const QStringList &seriesNames() const { return m_names; }
    // The newest value of a series (0 when empty).
    double latest(int series) const;
    // The last `count` values of one series, oldest first (for sparklines).
    QList<double> tail(int series, int count) const;

    // Units shown on the y axis and in the legend: "%", "B/s", "B", "ms", or anything (plain).
    void setUnit(const QString &unit) { m_unit = unit; }
    // The y axis starts at 0 and reaches at least this (e.g. 100 for percentages).
    void setMinimumCeiling(double ceiling) { m_minimumCeiling = ceiling; }

    // {paths: [{id, series, points, area}], transform, x_ticks: [{id, x, label}], x_shift,
    //  y_ticks: [{id, y, label}], legend: [{id, name, value, series}], width, height, empty}
    QVariantMap chartModel() const;

    static constexpr int chunkSamples = 16;
    // Polylines per series in the model: every chunk the ring can hold, plus the growing one.
    int slotsPerSeries() const { return m_capacity / chunkSamples + 2; }
    static constexpr int chartWidth = 640;
    static constexpr int chartHeight = 200;

private:
    struct Sample
    {
        qint64 index; // running count, so chunks keep their identity as the ring turns
        qint64 timeMs;
        QList<double> values;
    };
    QString chunkPoints(int series, qint64 chunk, bool area) const;
    double ceiling() const;

    QStringList m_names;
    int m_capacity;
    double m_windowSeconds;
    qint64 m_originMs = -1; // x is seconds since the first sample ever (keeps numbers short)
    qint64 m_nextIndex = 0;
    QVector<Sample> m_samples; // oldest first; at most m_capacity
    QString m_unit;
    double m_minimumCeiling = 0;
    // Frozen chunks' point strings, per "series:chunk:area"; a finished chunk never changes.
    mutable QHash<QString, QString> m_frozen;
};

} // namespace livedeck::widgets
