// Refresh control: how often the page redraws (1, 2, 5, 15, 30 s) and pause/resume. The choice
// belongs to the page (RefreshState); the LwRefresh hook remembers it per page in the browser
// and tells the page when its tab is hidden, so a hidden tab costs no renders.
#include "components.h"

#include "livedeck/widgets/refresh_state.h"

#include <liveview/live_component.h>

namespace livedeck::widgets::internal {

namespace {
class RefreshControl : public liveview::LiveComponent
{
public:
    // Attributes: state (RefreshState::model()), key (where the browser remembers it).
    void update(const QVariantHash &a) override
    {
        const QVariantMap state = a.value(QStringLiteral("state")).toMap();
        const int interval = state.value(QStringLiteral("interval_ms")).toInt();
        QVariantList choices;
        for (const int ms : RefreshState::intervals)
            choices.append(
                QVariantMap{{QStringLiteral("ms"), ms},
                            {QStringLiteral("label"), QStringLiteral("%1 s").arg(ms / 1000)},
                            {QStringLiteral("selected"), ms == interval}});
        assign(QStringLiteral("id"), a.value(QStringLiteral("id")));
        assign(QStringLiteral("key"), a.value(QStringLiteral("key")));
        assign(QStringLiteral("choices"), choices);
        assign(QStringLiteral("interval"), interval);
        assign(QStringLiteral("paused"), state.value(QStringLiteral("paused")).toBool());
        assign(QStringLiteral("hidden"), state.value(QStringLiteral("hidden")).toBool());
    }
    liveview::Template render() const override
    {
        return liveview::Template::load(QStringLiteral("widgets/refresh_control.heex"));
    }
};
} // namespace

void registerRefreshControl()
{
    liveview::LiveComponent::registerModule<RefreshControl>(QStringLiteral("lw-refresh"));
}

} // namespace livedeck::widgets::internal
