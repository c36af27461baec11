#pragma once
// PubSub's side for the engine: topics hold mailboxes (a view's, a Subscription's topic), and a
// broadcast from a view skips its own. The public PubSub (liveview/pubsub.h) names no mailbox.

#include <QString>
#include <QVariant>
#include <memory>

namespace liveview::internal {

class InfoMailbox;

class MailboxPubSub
{
public:
    // Used by LiveView::subscribe() and Subscription; a topic holds its mailboxes until they
    // unsubscribe (a view's end unsubscribes all of its).
    static void subscribe(const QString &topic, const std::shared_ptr<InfoMailbox> &mailbox);
    static void unsubscribe(const QString &topic, const std::shared_ptr<InfoMailbox> &mailbox);
    // Every topic of a view that ends.
    static void unsubscribeAll(InfoMailbox *mailbox);
    // A mailbox now has an owner thread (InfoMailbox::attach, on that thread).
    static void mailboxAttached(InfoMailbox *mailbox);
    // To every subscriber but `sender` (LiveView::broadcastFrom), on all nodes.
    static void broadcastFrom(const std::shared_ptr<InfoMailbox> &sender, const QString &topic,
                              const QVariant &message);
};

} // namespace liveview::internal
