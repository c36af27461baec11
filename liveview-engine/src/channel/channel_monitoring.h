#pragma once
// What a live channel tells the monitor: joins, events with their durations, crashes, leaves.

#include "../monitor/session_record.h"

#include <QElapsedTimer>
#include <QUrl>

namespace liveview::internal {

class Connection;
class ViewRuntime;

std::shared_ptr<SessionRecord> monitorSessionJoined(Connection &connection, ViewRuntime &runtime,
                                                    const QString &topic, const QString &route,
                                                    const QUrl &url, const QString &browserSession);
void monitorSessionCrashed(SessionRecord &record, const char *stage, const char *what);
// The channel ends (left, closed, or after its crash).
void monitorSessionEnded(SessionRecord &record, ViewRuntime *runtime, bool crashed);
void monitorJoinRefused(const QString &topic, const QString &why);

// Times one browser event from decoding to the reply being handed to the socket.
class EventTimer
{
public:
    EventTimer(SessionRecord *record, const QString &event) : m_record(record), m_event(event)
    {
        if (m_record)
            m_clock.start();
    }
    ~EventTimer();
    EventTimer(const EventTimer &) = delete;
    EventTimer &operator=(const EventTimer &) = delete;

private:
    SessionRecord *m_record;
    const QString &m_event;
    QElapsedTimer m_clock;
};

} // namespace liveview::internal
