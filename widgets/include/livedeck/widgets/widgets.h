#pragma once
// LiveDeck's widgets: live components (`<.live_component module="lw-..." id=... />`) and function
// components (`<.lw_table>`, `<.lw_badge>`, `<.lw_theme_toggle>`) for dashboard pages.
//
// Modules: lw-stat-card, lw-sparkline, lw-line-chart, lw-bar-chart, lw-gauge, lw-usage-bar,
// lw-log-tail, lw-tabs, lw-modal, lw-toasts, lw-refresh. Their templates are embedded under
// ":/widgets/templates/widgets/"; the stylesheet and hooks are ":/widgets/assets/widgets.css",
// "widgets.js" and "theme.js" (serve them with EndpointOptions::assetRoots << widgetAssetRoot()).

#include <QString>

namespace livedeck::widgets {

// Registers the modules, function components and the template root. Once, at startup, before
// any view renders.
void registerWidgets();
// The Qt resource directory holding widgets.css, widgets.js and theme.js.
QString widgetAssetRoot();

} // namespace livedeck::widgets
