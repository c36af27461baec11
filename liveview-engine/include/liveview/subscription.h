#pragma once
// PubSub for any QObject code, not only views: a Subscription emits received() on its own
// thread for every message on its topics (the admin window's topic monitor, a sampler's
// consumer), and publish() turns any Qt signal into a broadcast:
//
//     liveview::Subscription sub;
//     sub.subscribe("metrics");
//     connect(&sub, &liveview::Subscription::received, this, &Panel::show);
//     connect(sampler, &Sampler::sampled, [](QVariantMap m) { PubSub::broadcast("metrics", m); });
//
// Messages arrive queued (never inside broadcast()), in order per sender; subscriptions end with
// the object.

#include <QObject>
#include <QVariant>
#include <memory>

namespace liveview {

class Subscription : public QObject
{
    Q_OBJECT
public:
    explicit Subscription(QObject *parent = nullptr);
    ~Subscription() override;

    void subscribe(const QString &topic);
    void unsubscribe(const QString &topic);
    QStringList topics() const;

signals:
    void received(const QString &topic, const QVariant &message);

private:
    struct Mailboxes; // one per topic, so each message knows where it came from
    std::unique_ptr<Mailboxes> m_mailboxes;
};

} // namespace liveview
