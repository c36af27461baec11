#pragma once
// The monitor's log: a fixed-capacity ring of structured entries; memory never grows with uptime.

#include "liveview/monitor.h"

#include <QMutex>
#include <vector>

namespace liveview::internal {

class LogRing
{
public:
    static LogRing &instance();

    void append(LogLevel level, const QString &category, const QString &message, quint64 sessionId,
                const QString &event, double durationMs);
    QList<LogEntry> entriesAfter(quint64 afterSeq, int max, quint64 sessionId) const;
    quint64 lastSeq() const;
    int capacity() const;
    // Drops the oldest entries beyond the new capacity.
    void setCapacity(int entries);
    // Routes Qt's logging (the engine's categories among it) into the ring as well as to the
    // handler that was installed before. Idempotent.
    static void captureQtMessages();

private:
    struct Slot
    {
        quint64 seq = 0;
        qint64 timeMs = 0;
        LogLevel level = LogLevel::Info;
        float durationMs = -1;
        quint64 sessionId = 0;
        QString category;
        QString message;
        QString event;
    };
    LogEntry toEntry(const Slot &slot) const;

    mutable QMutex m_mutex;
    std::vector<Slot> m_slots; // grows up to the capacity, then wraps
    size_t m_next = 0;
    quint64 m_seq = 0;
    int m_capacity = 10000;
};

// New entries since the last call (Monitor turns this into its coalesced logAppended()).
bool takeLogAppended();

} // namespace liveview::internal
