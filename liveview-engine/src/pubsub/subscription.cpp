// Subscription: PubSub for any QObject, one mailbox per topic.
#include "liveview/subscription.h"

#include "info_mailbox.h"
#include "mailbox_pubsub.h"

#include <QHash>

namespace liveview {

struct Subscription::Mailboxes : QHash<QString, std::shared_ptr<internal::InfoMailbox>>
{
};

Subscription::Subscription(QObject *parent)
    : QObject(parent), m_mailboxes(std::make_unique<Mailboxes>())
{
}

Subscription::~Subscription()
{
    for (const auto &box : std::as_const(*m_mailboxes)) {
        internal::MailboxPubSub::unsubscribeAll(box.get());
        box->detach();
    }
}

void Subscription::subscribe(const QString &topic)
{
    if (m_mailboxes->contains(topic))
        return;
    auto box = std::make_shared<internal::InfoMailbox>();
    box->attach(this, [this, topic](const QVariant &message) {
        const QString from = topic; // slots may unsubscribe, which ends this lambda
        emit received(from, message);
    });
    internal::MailboxPubSub::subscribe(topic, box);
    m_mailboxes->insert(topic, box);
}

void Subscription::unsubscribe(const QString &topic)
{
    if (const auto box = m_mailboxes->take(topic)) {
        internal::MailboxPubSub::unsubscribeAll(box.get());
        box->detach();
    }
}

QStringList Subscription::topics() const
{
    QStringList out = m_mailboxes->keys();
    out.sort();
    return out;
}

} // namespace liveview
