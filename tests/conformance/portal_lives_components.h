#pragma once
// What the portal fixtures share (portal_lives.cpp, portal_lives_issues.cpp): /portal's function
// components (upstream's button, modal and PortalTooltip.tooltip, and the page's CSS and hooks),
// the template helper portal_js that builds their JS commands, those commands for the view
// itself, and System.unique_integer().

#include <QJsonArray>
#include <QString>

namespace conformance::portal {

// Registers <.portal_button>, <.portal_modal>, <.portal_tooltip>, <.portal_page_assets> and the
// helper portal_js(command, id) (once); registerPortalLives() calls it.
void registerFunctionComponents();

// JS commands as Phoenix.LiveView.JS encodes them (QJsonObject sorts keys, as Jason does here).
QJsonArray showModalOps(const QString &id); // upstream's show_modal(id)
QString encodedJs(const QJsonArray &ops);

// System.unique_integer(): a new number on every call (above the ids the fixtures start with).
qint64 uniqueInteger();

} // namespace conformance::portal
