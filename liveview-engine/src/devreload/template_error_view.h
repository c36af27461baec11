#pragma once
// Development mode's view of a template that does not compile: the HTML that names the file,
// line, column and what was expected with the source around it, and how it reaches a page.

#include "liveview/template_error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <exception>

namespace liveview::internal {

// The template error to show in the page instead of crashing the view, or null: only in
// development mode (a DevReloader watches the sources) and only for compile errors.
const TemplateError *templateErrorToShow(const std::exception &e);

// The error view, every piece of source and message HTML-escaped; styled by app.css.
QString templateErrorHtml(const TemplateError &error);

// A whole page around the error view, for when the root layout itself does not compile.
// dev_reload.js asks for the page again until it renders and then reloads.
QByteArray templateErrorPage(const TemplateError &error);

// The rendered tree a join replies with when the view cannot render: the error view in place of
// the view's content, replaced by the real tree once the file is saved fixed.
QJsonObject templateErrorTree(const TemplateError &error);

// The diff that shows the error over an open view (its content stays, state kept), and the one
// that takes it away once the view renders again. dev_reload.js handles both events.
QJsonObject templateErrorShownDiff(const QString &viewId, const TemplateError &error);
QJsonObject templateErrorFixedDiff(const QString &viewId);

} // namespace liveview::internal
