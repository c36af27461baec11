// Tabs: a tab strip (role="tablist") whose choice belongs to the page: a click sends the page's
// event (default "lw-tab") with the tab id, so the page can keep it in its URL and show the panel.
#include "components.h"

#include <liveview/live_component.h>

namespace livedeck::widgets::internal {

namespace {
class Tabs : public liveview::LiveComponent
{
public:
    // Attributes: tabs ([{id, label}]), active (an id), event ("lw-tab"), label.
    void update(const QVariantHash &a) override
    {
        const QString active = a.value(QStringLiteral("active")).toString();
        QVariantList tabs;
        for (const QVariant &t : a.value(QStringLiteral("tabs")).toList()) {
            QVariantMap tab = t.toMap();
            tab.insert(QStringLiteral("selected"), tab.value(QStringLiteral("id")) == active);
            tabs.append(tab);
        }
        assign(QStringLiteral("id"), a.value(QStringLiteral("id")));
        assign(QStringLiteral("label"), a.value(QStringLiteral("label"), QStringLiteral("Tabs")));
        assign(QStringLiteral("event"), a.value(QStringLiteral("event"), QStringLiteral("lw-tab")));
        assign(QStringLiteral("tabs"), tabs);
    }
    liveview::Template render() const override
    {
        return liveview::Template::load(QStringLiteral("widgets/tabs.heex"));
    }
};
} // namespace

void registerTabs()
{
    liveview::LiveComponent::registerModule<Tabs>(QStringLiteral("lw-tabs"));
}

} // namespace livedeck::widgets::internal
