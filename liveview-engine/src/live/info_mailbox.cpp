#include "info_mailbox.h"

#include <QAbstractEventDispatcher>
#include <QHash>
#include <QObject>
#include <QThread>

namespace liveview::internal {

void InfoMailbox::attach(QObject *owner, Handler handler)
{
    QMutexLocker locker(&m_mutex);
    m_owner = owner;
    m_thread = owner->thread();
    m_handler = std::move(handler);
}

void InfoMailbox::detach()
{
    QMutexLocker locker(&m_mutex);
    m_owner = nullptr;
    m_thread = nullptr;
    m_handler = nullptr;
}

QThread *InfoMailbox::ownerThread() const
{
    QMutexLocker locker(&m_mutex);
    return m_thread;
}

void InfoMailbox::post(const QVariant &message, const std::shared_ptr<SharedDiffEncoding> &shared)
{
    QMutexLocker locker(&m_mutex);
    if (!m_owner)
        return;
    QMetaObject::invokeMethod(
        m_owner,
        [weak = weak_from_this(), message, shared] {
            if (const auto box = weak.lock())
                box->handleHere(message, shared);
        },
        Qt::QueuedConnection);
}

void InfoMailbox::handleHere(const QVariant &message,
                             const std::shared_ptr<SharedDiffEncoding> &shared)
{
    if (m_handler && m_thread == QThread::currentThread())
        m_handler(message, shared);
}

void InfoMailbox::deliverBatch(const std::vector<std::shared_ptr<InfoMailbox>> &boxes,
                               const QVariant &message,
                               const std::shared_ptr<SharedDiffEncoding> &shared)
{
    QHash<QThread *, std::vector<std::weak_ptr<InfoMailbox>>> byThread;
    for (const auto &box : boxes)
        if (QThread *thread = box->ownerThread())
            byThread[thread].push_back(box);
    for (auto it = byThread.begin(); it != byThread.end(); ++it) {
        // The thread's event dispatcher is a QObject living on that thread for as long as its
        // event loop can run: a safe context for one queued call that serves the whole batch.
        QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(it.key());
        if (!dispatcher) {
            for (const auto &weak : *it)
                if (const auto box = weak.lock())
                    box->post(message, shared);
            continue;
        }
        QMetaObject::invokeMethod(
            dispatcher,
            [batch = std::move(*it), message, shared] {
                for (const auto &weak : batch)
                    if (const auto box = weak.lock())
                        box->handleHere(message, shared);
            },
            Qt::QueuedConnection);
    }
}

} // namespace liveview::internal
