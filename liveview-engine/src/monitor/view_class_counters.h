#pragma once
// Per view class event counts and a duration histogram: what /metrics and dashboards aggregate.

#include "liveview/monitor.h"

#include <array>
#include <atomic>

namespace liveview::internal {

class ViewClassCounters
{
public:
    // Prometheus-style upper bounds in seconds; one more bucket counts everything above.
    static constexpr std::array<double, 12> bounds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                   0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

    // The counters of one class, created on first use and kept for the process's life (there
    // are as many as there are view classes). Safe from any thread.
    static ViewClassCounters *forClass(const QString &viewClass);
    static QList<ViewClassStats> all();

    void noteEvent(double durationMs);
    std::atomic<int> joined{0};
    std::atomic<quint64> crashes{0};

private:
    explicit ViewClassCounters(QString viewClass) : m_viewClass(std::move(viewClass)) {}
    ViewClassStats stats() const;

    const QString m_viewClass;
    std::atomic<quint64> m_events{0};
    std::atomic<quint64> m_durationSumMicros{0};
    std::array<std::atomic<quint64>, bounds.size() + 1> m_buckets{};
};

// The C++ class name of a view, demangled once per type.
QString viewClassName(const std::type_info &type);

} // namespace liveview::internal
