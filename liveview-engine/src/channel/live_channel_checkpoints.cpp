// LiveChannel's side of view checkpoints (LiveView::checkpointVersion): restore after a fresh
// mount, save after each callback when the state or the page changed.
#include "../store/checkpoint_store.h"
#include "../view/view_runtime.h"
#include "connection.h"
#include "live_channel.h"

#include <QLoggingCategory>
#include <QPointer>

Q_DECLARE_LOGGING_CATEGORY(lcChannel)

namespace liveview::internal {

QString LiveChannel::checkpointPage() const
{
    // The page a checkpoint belongs to: path and query, so ?room=a never restores ?room=b.
    return m_url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
}

bool LiveChannel::restoreCheckpoint()
{
    CheckpointStore *store = m_connection->context().checkpoints.get();
    const int version = m_runtime->view()->checkpointVersion();
    if (!store || version <= 0)
        return false;
    const QString viewId = m_topic.mid(3);
    const std::optional<CheckpointStore::Checkpoint> saved = store->load(viewId);
    if (!saved)
        return false;
    if (saved->sessionId != m_sessionId || saved->route != checkpointPage()) {
        qCWarning(lcChannel).noquote()
            << "checkpoint of" << viewId << "belongs to another session or page (" << saved->route
            << "), not" << checkpointPage() << ": mounting fresh";
        return false;
    }
    if (saved->version != version) {
        qCInfo(lcChannel).noquote()
            << "checkpoint of" << viewId << "has state version" << saved->version
            << "but the view is at" << version << ": mounting fresh";
        store->remove(viewId);
        return false;
    }
    QString error;
    bool restored = false;
    try {
        restored = m_runtime->restoreState(saved->state, &error);
    } catch (...) {
        store->remove(viewId); // the rejoin after this crash mounts fresh
        throw;
    }
    if (!restored) {
        qCWarning(lcChannel).noquote()
            << "checkpoint of" << viewId << "is unreadable (" << error << "): mounting fresh";
        store->remove(viewId);
        return false;
    }
    m_lastCheckpoint = saved->state;
    m_lastCheckpointPage = saved->route;
    qCInfo(lcChannel).noquote() << "view" << viewId << "restored from its checkpoint";
    return true;
}

void LiveChannel::saveCheckpoint()
{
    if (!m_checkpointing || !m_runtime)
        return; // decided at join: most views do not keep checkpoints
    CheckpointStore *store = m_connection->context().checkpoints.get();
    const QByteArray state = m_runtime->checkpointState();
    const QString page = checkpointPage();
    if (state.isEmpty() || (state == m_lastCheckpoint && page == m_lastCheckpointPage))
        return;
    // Queued for the writer thread; this socket's frames from here on (the event's reply first)
    // wait until it is durable.
    const quint64 sequence = store->saveQueued(
        m_topic.mid(3), {m_sessionId, page, m_runtime->view()->checkpointVersion(), state},
        m_connection,
        [connection = m_connection, channel = QPointer<LiveChannel>(this)](quint64 durable,
                                                                           bool ok) {
            if (!ok && channel)
                channel->m_lastCheckpoint.clear(); // the next callback saves again
            connection->releaseHeldFrames(durable);
        });
    m_connection->holdFramesUntil(sequence);
    m_lastCheckpoint = state;
    m_lastCheckpointPage = page;
}

void LiveChannel::dropCheckpoint()
{
    if (const auto &checkpoints = m_connection->context().checkpoints)
        checkpoints->remove(m_topic.mid(3));
}

} // namespace liveview::internal
