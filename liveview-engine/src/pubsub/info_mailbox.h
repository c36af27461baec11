#pragma once
// Where handle_info messages for one view go. The view's channel attaches a handler on its own
// thread; messages posted from any thread are queued to that thread. A broadcast to many views
// does not post one event per view: PubSub groups the mailboxes by thread and hands each thread
// one batch that calls handleHere(), which is what keeps fan-out to thousands of views cheap.
// The mailbox outlives its view safely: once detached, everything posted to it is dropped.

#include <QMutex>
#include <QSet>
#include <QString>
#include <QVariant>
#include <functional>
#include <memory>
#include <vector>

class QObject;
class QThread;

namespace liveview::internal {

class InfoMailbox : public std::enable_shared_from_this<InfoMailbox>
{
public:
    using Handler = std::function<void(const QVariant &)>;

    // On the owner's thread; `owner` scopes queued deliveries (dropped if it is destroyed).
    void attach(QObject *owner, Handler handler);
    void detach();

    // Any thread.
    void post(const QVariant &message);
    QThread *ownerThread() const;

    // On the owner's thread (PubSub's per-thread batches). The handler is only replaced on that
    // thread, so calling it needs no lock.
    void handleHere(const QVariant &message);

    QSet<QString> topics; // PubSub's bookkeeping, guarded by its registry lock

private:
    mutable QMutex m_mutex;
    QObject *m_owner = nullptr;
    QThread *m_thread = nullptr;
    Handler m_handler;
};

} // namespace liveview::internal
