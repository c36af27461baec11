// Modal: a confirmation dialog (role="dialog", aria-modal) the page opens and closes; its
// buttons send the page's events, Escape sends the cancel event.
#include "components.h"

#include <liveview/live_component.h>

namespace livedeck::widgets::internal {

namespace {
class Modal : public liveview::LiveComponent
{
public:
    // Attributes: open, title, message, confirm_label, confirm_event, cancel_event, value
    // (sent with the confirm event as phx-value-value), danger (bool).
    void update(const QVariantHash &a) override
    {
        assign(QStringLiteral("id"), a.value(QStringLiteral("id")));
        assign(QStringLiteral("open"), a.value(QStringLiteral("open")).toBool());
        assign(QStringLiteral("title"), a.value(QStringLiteral("title")));
        assign(QStringLiteral("message"), a.value(QStringLiteral("message")));
        assign(QStringLiteral("confirm_label"),
               a.value(QStringLiteral("confirm_label"), QStringLiteral("OK")));
        assign(QStringLiteral("confirm_event"),
               a.value(QStringLiteral("confirm_event"), QStringLiteral("lw-modal-confirm")));
        assign(QStringLiteral("cancel_event"),
               a.value(QStringLiteral("cancel_event"), QStringLiteral("lw-modal-cancel")));
        assign(QStringLiteral("value"), a.value(QStringLiteral("value"), QString()));
        assign(QStringLiteral("danger"), a.value(QStringLiteral("danger")).toBool());
    }
    liveview::Template render() const override
    {
        return liveview::Template::load(QStringLiteral("widgets/modal.heex"));
    }
};
} // namespace

void registerModal()
{
    liveview::LiveComponent::registerModule<Modal>(QStringLiteral("lw-modal"));
}

} // namespace livedeck::widgets::internal
