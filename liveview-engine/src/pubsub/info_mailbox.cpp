// A view's (or a Subscription's) inbox: queued posts, and batch delivery on its own thread.
#include "info_mailbox.h"

#include "mailbox_pubsub.h"

#include <QObject>
#include <QThread>

namespace liveview::internal {

void InfoMailbox::attach(QObject *owner, Handler handler)
{
    {
        QMutexLocker locker(&m_mutex);
        m_owner = owner;
        m_thread = owner->thread();
        m_handler = std::move(handler);
    }
    MailboxPubSub::mailboxAttached(this); // outside our lock: PubSub locks its registry, then us
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

void InfoMailbox::post(const QVariant &message)
{
    QMutexLocker locker(&m_mutex);
    if (!m_owner)
        return;
    QMetaObject::invokeMethod(
        m_owner,
        [weak = weak_from_this(), message] {
            if (const auto box = weak.lock())
                box->handleHere(message);
        },
        Qt::QueuedConnection);
}

void InfoMailbox::handleHere(const QVariant &message)
{
    if (m_thread != QThread::currentThread())
        return;
    // A copy: the handler may detach this mailbox (unsubscribe, a view that crashes) while it
    // runs, which would destroy the function being executed.
    if (const Handler handler = m_handler)
        handler(message);
}

} // namespace liveview::internal
