// Subscription: PubSub for any QObject, one mailbox per topic.
#include "liveview/subscription.h"

#include "info_mailbox.h"
#include "liveview/pubsub.h"

namespace liveview {

Subscription::Subscription(QObject *parent) : QObject(parent)
{
}

Subscription::~Subscription()
{
    for (const auto &box : std::as_const(m_mailboxes)) {
        PubSub::unsubscribeAll(box.get());
        box->detach();
    }
}

void Subscription::subscribe(const QString &topic)
{
    if (m_mailboxes.contains(topic))
        return;
    auto box = std::make_shared<internal::InfoMailbox>();
    box->attach(this, [this, topic](const QVariant &message) {
        const QString from = topic; // slots may unsubscribe, which ends this lambda
        emit received(from, message);
    });
    PubSub::subscribe(topic, box);
    m_mailboxes.insert(topic, box);
}

void Subscription::unsubscribe(const QString &topic)
{
    if (const auto box = m_mailboxes.take(topic)) {
        PubSub::unsubscribeAll(box.get());
        box->detach();
    }
}

QStringList Subscription::topics() const
{
    QStringList out = m_mailboxes.keys();
    out.sort();
    return out;
}

} // namespace liveview
