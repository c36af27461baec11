#pragma once
// The Server panel: connections, events/s, bytes/s, event duration p50/p99 and RSS over the
// last minutes.

#include <QWidget>

namespace livedeck::admin {

class ServerHistory;
class TimeChart;

class ServerChartsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ServerChartsPanel(QWidget *parent = nullptr);

    void showHistory(const ServerHistory &history);
    void applyPalette(const QPalette &palette);

    TimeChart *connectionsChart() const { return m_connections; }
    TimeChart *durationChart() const { return m_durations; }

private:
    TimeChart *m_connections;
    TimeChart *m_events;
    TimeChart *m_bytes;
    TimeChart *m_durations;
    TimeChart *m_rss;
};

} // namespace livedeck::admin
