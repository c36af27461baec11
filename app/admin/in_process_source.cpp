// Reading this process's monitor for the admin window.
#include "in_process_source.h"

#include <QtConcurrent/QtConcurrentRun>

namespace livedeck::admin {

InProcessSource::InProcessSource(ServerSwitch serverSwitch,
                                 std::chrono::milliseconds minimumInterval, QObject *parent)
    : AdminDataSource(parent), m_serverSwitch(std::move(serverSwitch)),
      m_minimumInterval(minimumInterval)
{
    // The monitor lives on the thread that first asks for it: make that this (the GUI) thread.
    liveview::Monitor *monitor = liveview::Monitor::instance();
    connect(monitor, &liveview::Monitor::changed, this, &InProcessSource::refresh);
    connect(monitor, &liveview::Monitor::logAppended, this, &InProcessSource::readLog);
    connect(monitor, &liveview::Monitor::readOnlyChanged, this, &InProcessSource::refresh);
    connect(&m_snapshot, &QFutureWatcherBase::finished, this, [this] {
        emit snapshotReady(m_snapshot.result());
        if (m_wanted)
            refresh();
    });
    m_deferred.setSingleShot(true);
    connect(&m_deferred, &QTimer::timeout, this, &InProcessSource::startSnapshot);
    m_heartbeat.setInterval(std::max(m_minimumInterval, std::chrono::milliseconds(1000)));
    connect(&m_heartbeat, &QTimer::timeout, this, &InProcessSource::refresh);
    m_heartbeat.start();
}

InProcessSource::~InProcessSource()
{
    m_snapshot.waitForFinished();
}

QString InProcessSource::description() const
{
    return tr("this process");
}

void InProcessSource::refresh()
{
    m_wanted = true;
    if (m_snapshot.isRunning() || m_deferred.isActive())
        return; // the one in flight or already scheduled will do; m_wanted asks for one more
    const qint64 wait =
        m_sinceLastStart.isValid() ? m_minimumInterval.count() - m_sinceLastStart.elapsed() : 0;
    if (wait > 0)
        m_deferred.start(std::chrono::milliseconds(wait));
    else
        startSnapshot();
    readLog();
}

void InProcessSource::startSnapshot()
{
    if (m_snapshot.isRunning())
        return;
    m_wanted = false;
    m_sinceLastStart.start();
    m_snapshot.setFuture(
        QtConcurrent::run([] { return liveview::Monitor::instance()->snapshot(); }));
}

void InProcessSource::readLog()
{
    const QList<liveview::LogEntry> entries =
        liveview::Monitor::instance()->log(m_lastLogSeq, 1000);
    if (entries.isEmpty())
        return;
    m_lastLogSeq = entries.last().seq;
    emit logReceived(entries);
}

void InProcessSource::requestSessionDetail(quint64 sessionId)
{
    // One session's record and its few hundred lines: cheap enough for the GUI thread.
    const liveview::Monitor *monitor = liveview::Monitor::instance();
    liveview::SessionInfo info = monitor->session(sessionId);
    if (info.id == 0)
        info = forgottenSession(sessionId);
    emit sessionDetailReady(info, monitor->log(0, 200, sessionId));
}

void InProcessSource::disconnectSession(quint64 sessionId)
{
    QString error;
    const bool ok = liveview::Admin::disconnectSession(sessionId, &error);
    emit actionFinished(tr("Disconnected session %1").arg(sessionId), ok, error);
    refresh();
}

void InProcessSource::disconnectUser(const QString &user)
{
    QString error;
    const int sockets = liveview::Admin::disconnectUser(user, &error);
    emit actionFinished(tr("Disconnected %1 sockets of %2").arg(sockets).arg(user), error.isEmpty(),
                        error);
    refresh();
}

void InProcessSource::broadcast(const QString &topic, const QVariant &message)
{
    QString error;
    const bool ok = liveview::Admin::broadcast(topic, message, &error);
    emit actionFinished(tr("Broadcast to %1").arg(topic), ok, error);
}

void InProcessSource::setDraining(bool draining)
{
    QString error;
    const bool ok = liveview::Admin::setDraining(draining, &error);
    emit actionFinished(draining ? tr("Draining") : tr("Accepting sockets again"), ok, error);
    refresh();
}

void InProcessSource::setServerRunning(bool running)
{
    QString error;
    if (!m_serverSwitch) {
        emit actionFinished(running ? tr("Start server") : tr("Stop server"), false,
                            tr("this window does not own the server"));
        return;
    }
    if (liveview::Monitor::instance()->isReadOnly()) {
        emit actionFinished(running ? tr("Start server") : tr("Stop server"), false,
                            tr("the server is read-only"));
        return;
    }
    const bool ok = m_serverSwitch(running, &error);
    emit actionFinished(running ? tr("Server started") : tr("Server stopped"), ok, error);
    refresh();
}

} // namespace livedeck::admin
