// The channel's side of the monitor: session records in and out of the registry, log entries.
#include "channel_monitoring.h"

#include "../monitor/log_ring.h"
#include "../monitor/session_registry.h"
#include "../monitor/view_class_counters.h"
#include "../view/view_runtime.h"
#include "connection.h"

#include <typeinfo>

namespace liveview::internal {
namespace {

const QString lifecycle = QStringLiteral("lifecycle");

void logLifecycle(LogLevel level, const QString &message, quint64 sessionId, const QString &event,
                  double durationMs = -1)
{
    LogRing::instance().append(level, lifecycle, message, sessionId, event, durationMs);
}

} // namespace

std::shared_ptr<SessionRecord> monitorSessionJoined(Connection &connection, ViewRuntime &runtime,
                                                    const QString &topic, const QString &route,
                                                    const QUrl &url, const QString &browserSession)
{
    auto record = std::make_shared<SessionRecord>(SessionRegistry::nextId(), connection.stats());
    record->topic = topic;
    record->route = route;
    record->path = url.path();
    if (record->path == route)
        record->path = route; // most pages are their route: share its buffer
    record->viewClass = viewClassName(typeid(*runtime.view()));
    record->browserSession = browserSession;
    record->restarts = connection.restartsOf(topic);
    record->connectionObject = &connection;
    record->viewClassCounters = ViewClassCounters::forClass(record->viewClass);
    record->viewClassCounters->joined.fetch_add(1, std::memory_order_relaxed);
    runtime.setMonitorRecord(record.get());
    SessionRegistry::add(record);
    // The path as the message: a string every join already has, not one formatted per join
    // (10,000 joins would otherwise fill the ring with 10,000 new strings).
    logLifecycle(LogLevel::Info, record->path, record->id,
                 record->restarts ? QStringLiteral("rejoin") : QStringLiteral("join"));
    return record;
}

void monitorSessionCrashed(SessionRecord &record, const char *stage, const char *what)
{
    const QString reason =
        QStringLiteral("crashed in %1: %2").arg(QLatin1String(stage), QString::fromUtf8(what));
    record.end(SessionState::Crashed, reason);
    if (record.viewClassCounters)
        record.viewClassCounters->crashes.fetch_add(1, std::memory_order_relaxed);
    logLifecycle(LogLevel::Critical, QStringLiteral("%1 %2").arg(record.topic, reason), record.id,
                 QStringLiteral("crash"));
}

void monitorSessionEnded(SessionRecord &record, ViewRuntime *runtime, bool crashed)
{
    if (runtime)
        runtime->setMonitorRecord(nullptr);
    if (record.viewClassCounters)
        record.viewClassCounters->joined.fetch_sub(1, std::memory_order_relaxed);
    if (!crashed)
        logLifecycle(LogLevel::Info, record.path, record.id, QStringLiteral("leave"));
    SessionRegistry::remove(&record);
}

void monitorJoinRefused(const QString &topic, const QString &why)
{
    logLifecycle(LogLevel::Warning, QStringLiteral("join of %1 refused: %2").arg(topic, why), 0,
                 QStringLiteral("refused"));
}

EventTimer::~EventTimer()
{
    if (!m_record)
        return;
    const double ms = double(m_clock.nsecsElapsed()) / 1e6;
    m_record->noteEvent(m_event, ms);
    markMonitorChanged();
    LogRing::instance().append(LogLevel::Debug, lifecycle, m_event, m_record->id,
                               QStringLiteral("event"), ms);
}

} // namespace liveview::internal
