// Registers every widget with the template engine.
#include "livedeck/widgets/widgets.h"

#include "components.h"

#include <liveview/template.h>

namespace livedeck::widgets {

void registerWidgets()
{
    static const bool once = [] {
        liveview::TemplateLibrary::addTemplateRoot(QStringLiteral(":/widgets/templates"));
        liveview::TemplateLibrary::registerComponent(QStringLiteral("lw_table"),
                                                     QStringLiteral("widgets/table.heex"));
        liveview::TemplateLibrary::registerComponent(QStringLiteral("lw_badge"),
                                                     QStringLiteral("widgets/badge.heex"));
        liveview::TemplateLibrary::registerComponent(QStringLiteral("lw_theme_toggle"),
                                                     QStringLiteral("widgets/theme_toggle.heex"));
        internal::registerStatCard();
        internal::registerSparkline();
        internal::registerLineChart();
        internal::registerBarChart();
        internal::registerGauge();
        internal::registerUsageBar();
        internal::registerLogTail();
        internal::registerTabs();
        internal::registerModal();
        internal::registerToastGroup();
        internal::registerRefreshControl();
        return true;
    }();
    Q_UNUSED(once);
}

QString widgetAssetRoot()
{
    return QStringLiteral(":/widgets/assets");
}

} // namespace livedeck::widgets
