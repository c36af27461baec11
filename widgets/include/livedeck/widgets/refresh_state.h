#pragma once
// A page's refresh rhythm, driven by the refresh control widget (`lw-refresh`): the interval
// (1, 2, 5, 15 or 30 s), paused by the user, and paused while the browser tab is hidden.
//
// A page that receives samples (say once a second) asks due(now) on each and redraws only when
// it says so; resume() after a pause or a hidden tab redraws at once with the newest data.

#include <QString>
#include <QVariantMap>
#include <array>

namespace livedeck::widgets {

class RefreshState
{
public:
    static constexpr std::array<int, 5> intervals{1000, 2000, 5000, 15000, 30000};

    // Handles the control's events: "lw-refresh" {interval}, "lw-refresh-toggle",
    // "lw-refresh-restore" {interval, paused} (the hook's remembered choice),
    // "lw-refresh-visibility" {hidden}. Returns false for any other event. Bad values are ignored.
    bool handleEvent(const QString &event, const QVariantMap &value);

    // Whether a sample arriving at `nowMs` should be drawn; remembers it when it says yes.
    bool due(qint64 nowMs);
    // Drawing is on (not paused, tab not hidden).
    bool isRunning() const { return !m_paused && !m_hidden; }
    // True once after a change that should redraw at once (resumed, shown, faster interval).
    bool takeRedraw();
    // Every sample of a once-a-second feed is drawn, with no redraw pending: what the page shows
    // then depends on the newest sample alone (pages that share their renders rely on it).
    bool drawsEverySample() const
    {
        return isRunning() && m_intervalMs == intervals.front() && !m_redraw;
    }

    int intervalMs() const { return m_intervalMs; }
    bool isPaused() const { return m_paused; }
    bool isHidden() const { return m_hidden; }
    // For the control: {interval_ms, paused, hidden}.
    QVariantMap model() const;

private:
    int m_intervalMs = 1000;
    bool m_paused = false;
    bool m_hidden = false;
    bool m_redraw = false;
    qint64 m_lastDrawMs = -1;
};

} // namespace livedeck::widgets
