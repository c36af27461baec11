// Toast / flash group: short messages stacked in a live region (role="status", polite) so screen
// readers announce them. The page adds one with sendUpdate(module, id, {push: {id, kind, text}});
// each goes away when dismissed or, by the LwToast hook, after a few seconds.
#include "components.h"

#include <liveview/live_component.h>

namespace livedeck::widgets::internal {

namespace {
constexpr int maxToasts = 5;

class ToastGroup : public liveview::LiveComponent
{
public:
    void mount() override { assign(QStringLiteral("toasts"), QVariantList()); }
    // Attributes: push ({id, kind: info|ok|warn|critical, text}) adds a toast once per id.
    void update(const QVariantHash &a) override
    {
        if (a.contains(QStringLiteral("id"))) // sendUpdate brings only `push`
            assign(QStringLiteral("id"), a.value(QStringLiteral("id")));
        const QVariantMap push = a.value(QStringLiteral("push")).toMap();
        const QString pushId = push.value(QStringLiteral("id")).toString();
        if (pushId.isEmpty() || m_seen.contains(pushId))
            return;
        m_seen.insert(pushId);
        QVariantList toasts = assigned(QStringLiteral("toasts")).toList();
        toasts.append(QVariantMap{
            {QStringLiteral("id"), pushId},
            {QStringLiteral("kind"), push.value(QStringLiteral("kind"), QStringLiteral("info"))},
            {QStringLiteral("text"), push.value(QStringLiteral("text"))}});
        while (toasts.size() > maxToasts)
            toasts.removeFirst();
        assign(QStringLiteral("toasts"), toasts);
    }
    void handleEvent(const QString &event, const QVariantMap &value) override
    {
        if (event != u"dismiss")
            return;
        const QString id = value.value(QStringLiteral("toast")).toString();
        QVariantList toasts = assigned(QStringLiteral("toasts")).toList();
        toasts.removeIf([&](const QVariant &t) {
            return t.toMap().value(QStringLiteral("id")).toString() == id;
        });
        assign(QStringLiteral("toasts"), toasts);
    }
    liveview::Template render() const override
    {
        return liveview::Template::load(QStringLiteral("widgets/toast_group.heex"));
    }

private:
    QSet<QString> m_seen;
};
} // namespace

void registerToastGroup()
{
    liveview::LiveComponent::registerModule<ToastGroup>(QStringLiteral("lw-toasts"));
}

} // namespace livedeck::widgets::internal
