// The ring buffer and its chart model (see time_series.h and docs/charts.md).
#include "livedeck/widgets/time_series.h"

#include "livedeck/widgets/format.h"

#include <QDateTime>
#include <algorithm>
#include <cmath>

namespace livedeck::widgets {

namespace {
// The plot inside the chart's viewBox: room on the left for y labels, below for times.
constexpr int plotLeft = 48;
constexpr int plotTop = 8;
constexpr int plotWidth = TimeSeries::chartWidth - plotLeft - 8;
constexpr int plotHeight = TimeSeries::chartHeight - plotTop - 24;

QString number(double v, int decimals)
{
    QString s = QString::number(v, 'f', decimals);
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
    }
    return s;
}

QString yValue(double v)
{
    return QString::number(v, 'g', 5);
}

double tickStep(double windowSeconds)
{
    for (const double step : {1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0})
        if (windowSeconds / step <= 6)
            return step;
    return 3600;
}
} // namespace

TimeSeries::TimeSeries(QStringList seriesNames, int capacity, double windowSeconds)
    : m_names(std::move(seriesNames)), m_capacity(std::max(2, capacity)),
      m_windowSeconds(std::max(1.0, windowSeconds))
{
    m_samples.reserve(m_capacity);
}

void TimeSeries::append(qint64 timeMs, const QList<double> &values)
{
    if (m_originMs < 0)
        m_originMs = timeMs;
    if (!m_samples.isEmpty() && timeMs < m_samples.last().timeMs)
        timeMs = m_samples.last().timeMs; // a clock step back must not fold the line over
    QList<double> v = values;
    v.resize(m_names.size(), 0.0);
    for (double &x : v)
        if (!std::isfinite(x))
            x = 0;
    // Rebuilt rather than removeFirst(): with Qt 6.4 an append to a list that is shared (a
    // render holds a copy) after a front removal detaches into an ever larger buffer.
    if (m_samples.size() >= m_capacity)
        m_samples = decltype(m_samples)(m_samples.cbegin() + 1, m_samples.cend());
    m_samples.append({m_nextIndex++, timeMs, v});
    // Frozen chunks that no longer hold any kept sample are forgotten.
    const qint64 firstChunk = m_samples.first().index / chunkSamples;
    for (auto it = m_frozen.begin(); it != m_frozen.end();) {
        if (it.key().section(QLatin1Char(':'), 1, 1).toLongLong() < firstChunk)
            it = m_frozen.erase(it);
        else
            ++it;
    }
}

void TimeSeries::clear()
{
    m_samples.clear();
    m_frozen.clear();
}

double TimeSeries::latest(int series) const
{
    return m_samples.isEmpty() ? 0 : m_samples.last().values.value(series);
}

QList<double> TimeSeries::tail(int series, int count) const
{
    QList<double> out;
    for (qsizetype i = std::max<qsizetype>(0, m_samples.size() - count); i < m_samples.size(); ++i)
        out.append(m_samples[i].values.value(series));
    return out;
}

double TimeSeries::ceiling() const
{
    double top = m_minimumCeiling;
    const double from = m_samples.isEmpty() ? 0 : m_samples.last().timeMs - m_windowSeconds * 1e3;
    for (const Sample &s : m_samples)
        if (s.timeMs >= from)
            for (const double v : s.values)
                top = std::max(top, v);
    return niceCeiling(top > 0 ? top : 1);
}

// Chunk c joins samples c*16 .. c*16+16 (the first sample of the next chunk too, so the line is
// continuous). Once that last sample exists the chunk never changes again and is cached.
QString TimeSeries::chunkPoints(int series, qint64 chunk, bool area) const
{
    const QString key = QStringLiteral("%1:%2:%3").arg(series).arg(chunk).arg(area ? 1 : 0);
    const qint64 first = chunk * chunkSamples, last = first + chunkSamples;
    const bool complete = m_nextIndex > last;
    if (complete)
        if (auto it = m_frozen.constFind(key); it != m_frozen.constEnd())
            return *it;
    const qint64 base = m_samples.first().index;
    QString points;
    QString firstX, lastX;
    for (qint64 i = std::max(first, base); i <= last && i - base < m_samples.size(); ++i) {
        const Sample &s = m_samples[i - base];
        const QString x = number((s.timeMs - m_originMs) / 1000.0, 3);
        if (firstX.isNull())
            firstX = x;
        lastX = x;
        if (!points.isEmpty())
            points += QLatin1Char(' ');
        points += x + QLatin1Char(',') + yValue(s.values.value(series));
    }
    if (area && !points.isEmpty())
        points += QLatin1Char(' ') + lastX + QStringLiteral(",0 ") + firstX + QStringLiteral(",0");
    if (complete)
        m_frozen.insert(key, points);
    return points;
}

QVariantMap TimeSeries::chartModel() const
{
    QVariantMap model{
        {QStringLiteral("width"), chartWidth},
        {QStringLiteral("height"), chartHeight},
        {QStringLiteral("plot_left"), plotLeft},
        {QStringLiteral("plot_top"), plotTop},
        {QStringLiteral("plot_width"), plotWidth},
        {QStringLiteral("plot_height"), plotHeight},
        {QStringLiteral("unit"), m_unit},
        {QStringLiteral("origin_ms"), QString::number(std::max<qint64>(0, m_originMs))},
        {QStringLiteral("series_names"), m_names.join(QLatin1Char('|'))},
        {QStringLiteral("empty"), m_samples.isEmpty()}};
    const double top = ceiling();
    QVariantList yTicks;
    for (int i = 0; i <= 4; ++i) {
        const double v = top * i / 4;
        yTicks.append(QVariantMap{
            {QStringLiteral("id"), QStringLiteral("y%1").arg(i)},
            {QStringLiteral("y"), number(plotTop + plotHeight - plotHeight * i / 4.0, 1)},
            {QStringLiteral("label"), formatWithUnit(v, m_unit)}});
    }
    model.insert(QStringLiteral("y_ticks"), yTicks);
    QVariantList legend;
    for (int s = 0; s < m_names.size(); ++s)
        legend.append(QVariantMap{{QStringLiteral("id"), QStringLiteral("l%1").arg(s)},
                                  {QStringLiteral("series"), s},
                                  {QStringLiteral("name"), m_names[s]},
                                  {QStringLiteral("value"), formatWithUnit(latest(s), m_unit)}});
    model.insert(QStringLiteral("legend"), legend);
    if (m_samples.isEmpty()) {
        model.insert(QStringLiteral("paths"), QVariantList());
        model.insert(QStringLiteral("x_ticks"), QVariantList());
        model.insert(QStringLiteral("transform"), QString());
        model.insert(QStringLiteral("x_shift"), 0);
        return model;
    }
    const double end = (m_samples.last().timeMs - m_originMs) / 1000.0;
    const double start = end - m_windowSeconds;
    const double sx = plotWidth / m_windowSeconds;
    const double sy = plotHeight / top;
    const QString shift = number(-start * sx, 2);
    model.insert(QStringLiteral("transform"),
                 QStringLiteral("translate(%1 %2) scale(%3 %4)")
                     .arg(shift, QString::number(plotHeight), QString::number(sx, 'g', 6),
                          QString::number(-sy, 'g', 6)));
    model.insert(QStringLiteral("x_shift"), shift);
    // Chunks that reach into the window, oldest first; each series draws its own.
    qint64 firstVisible = m_samples.first().index;
    for (const Sample &s : m_samples)
        if ((s.timeMs - m_originMs) / 1000.0 >= start) {
            firstVisible = std::max(m_samples.first().index, s.index - 1);
            break;
        }
    // Each series draws into a fixed set of slots (enough for every kept chunk): chunk c goes to
    // slot c % slots, so a row keeps its place as the window slides and the keyed diff sends
    // only the slots whose chunk changed, never a move of every row.
    const int slotCount = slotsPerSeries();
    QVariantList paths;
    paths.reserve(slotCount * m_names.size());
    const qint64 lastIndex = m_samples.last().index;
    for (int s = 0; s < m_names.size(); ++s) {
        QVector<QVariantMap> row(slotCount);
        for (int k = 0; k < slotCount; ++k)
            row[k] = {{QStringLiteral("id"), QStringLiteral("s%1k%2").arg(s).arg(k)},
                      {QStringLiteral("series"), s},
                      {QStringLiteral("points"), QString()},
                      {QStringLiteral("area"), QString()}};
        for (qint64 c = firstVisible / chunkSamples; c * chunkSamples <= lastIndex; ++c) {
            if (c * chunkSamples == lastIndex && c > 0)
                break; // a chunk of one point draws nothing; the previous chunk ends there
            QVariantMap &slot = row[int(c % slotCount)];
            slot.insert(QStringLiteral("points"), chunkPoints(s, c, false));
            slot.insert(QStringLiteral("area"), chunkPoints(s, c, true));
        }
        for (const QVariantMap &slot : row)
            paths.append(slot);
    }
    model.insert(QStringLiteral("paths"), paths);
    // Time labels sit at fixed pixel positions in a group shifted like the data: only the shift
    // changes while they scroll.
    // Labels take fixed slots too (at most seven show at once), so a label that scrolls out
    // frees its row for the one that comes in instead of moving the others.
    constexpr int tickSlots = 8;
    QVector<QVariantMap> tickRow(tickSlots);
    for (int k = 0; k < tickSlots; ++k)
        tickRow[k] = {{QStringLiteral("id"), QStringLiteral("t%1").arg(k)},
                      {QStringLiteral("x"), QStringLiteral("-100")},
                      {QStringLiteral("label"), QString()}};
    const double step = tickStep(m_windowSeconds);
    const double absStart = m_originMs / 1000.0 + start;
    for (double t = std::ceil(absStart / step) * step; t <= m_originMs / 1000.0 + end; t += step) {
        const double rel = t - m_originMs / 1000.0;
        const int k = int(((qint64(std::floor(t / step)) % tickSlots) + tickSlots) % tickSlots);
        tickRow[k] = {{QStringLiteral("id"), QStringLiteral("t%1").arg(k)},
                      {QStringLiteral("x"), number(rel * sx, 1)},
                      {QStringLiteral("label"), QDateTime::fromSecsSinceEpoch(qint64(t)).toString(
                                                    QStringLiteral("HH:mm:ss"))}};
    }
    QVariantList xTicks;
    for (const QVariantMap &tick : tickRow)
        xTicks.append(tick);
    model.insert(QStringLiteral("x_ticks"), xTicks);
    return model;
}

} // namespace livedeck::widgets
