// Development mode's error view for templates that do not compile, and its wire shapes.
#include "template_error_view.h"

#include "../render/wire_keys.h"
#include "liveview/dev_reloader.h"

#include <QJsonArray>
#include <QStringList>

namespace liveview::internal {
namespace {

// Lines shown above and below the one the error points at.
constexpr int contextLines = 2;

const QString shownEvent = QStringLiteral("liveview:template-error");
const QString fixedEvent = QStringLiteral("liveview:template-fixed");

// Compiler messages quote source in backticks ("expected `}` to close this `{`"): those parts
// are shown as code. Every part is escaped, so a message quoting `<script>` stays text.
QString messageHtml(const QString &message)
{
    const QStringList parts = message.split(u'`');
    // An odd number of backticks leaves the last part unquoted: show the message as it is.
    if (parts.size() % 2 == 0)
        return message.toHtmlEscaped();
    QString html;
    for (qsizetype i = 0; i < parts.size(); ++i)
        html += i % 2 ? QStringLiteral("<code>%1</code>").arg(parts.at(i).toHtmlEscaped())
                      : parts.at(i).toHtmlEscaped();
    return html;
}

QString sourceLineHtml(int number, const QString &text, bool current)
{
    // No newline after it: the lines are blocks (app.css), a newline would add an empty one.
    return QStringLiteral("<span class=\"dev-error-line%1\" data-line=\"%2\">%3</span>")
        .arg(current ? QStringLiteral(" dev-error-current") : QString())
        .arg(number)
        .arg(text.toHtmlEscaped());
}

// A caret under `column` (1-based). Tabs before it are kept so it lines up as the line does.
QString caretHtml(const QString &line, int column)
{
    QString indent = line.left(qMax(0, column - 1));
    for (QChar &c : indent)
        if (c != u'\t')
            c = u' ';
    return QStringLiteral("<span class=\"dev-error-caret\" aria-hidden=\"true\" data-line=\"\">"
                          "%1^</span>")
        .arg(indent);
}

QString sourceExcerptHtml(const TemplateError &error)
{
    if (error.source().isNull())
        return QString();
    const QStringList lines = error.source().split(u'\n');
    const int line = qBound(1, error.line(), int(lines.size()));
    const int first = qMax(1, line - contextLines);
    const int last = qMin(int(lines.size()), line + contextLines);
    QString html = QStringLiteral("<pre class=\"dev-error-source\"><code>");
    for (int n = first; n <= last; ++n) {
        QString text = lines.at(n - 1);
        if (text.endsWith(u'\r'))
            text.chop(1);
        html += sourceLineHtml(n, text, n == line);
        if (n == line)
            html += caretHtml(text, error.column());
    }
    html += QStringLiteral("</code></pre>");
    return html;
}

// `whenFixed` says what the save that fixes the file does to the page.
QString errorViewHtml(const TemplateError &error, const QString &whenFixed)
{
    const QString location =
        QStringLiteral("%1:%2:%3").arg(error.file()).arg(error.line()).arg(error.column());
    return QStringLiteral("<section class=\"dev-error\" role=\"alert\">"
                          "<header class=\"dev-error-head\">"
                          "<p class=\"dev-error-kind\">Template error</p>"
                          "<h2 class=\"dev-error-message\">%1</h2>"
                          "<p class=\"dev-error-location\">%2</p>"
                          "</header>%3"
                          "<p class=\"dev-error-hint\">Save the file fixed: %4.</p>"
                          "</section>")
        .arg(messageHtml(error.message()), location.toHtmlEscaped(), sourceExcerptHtml(error),
             whenFixed.toHtmlEscaped());
}

QJsonObject eventDiff(const QString &event, const QJsonObject &payload)
{
    return {{wire::events, QJsonArray{QJsonArray{event, payload}}}};
}

} // namespace

const TemplateError *templateErrorToShow(const std::exception &e)
{
    if (!DevReloader::instance())
        return nullptr;
    return dynamic_cast<const TemplateError *>(&e);
}

QString templateErrorHtml(const TemplateError &error)
{
    return errorViewHtml(error, QStringLiteral("the page updates by itself and keeps its state"));
}

QByteArray templateErrorPage(const TemplateError &error)
{
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
               "<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<title>Template error</title>\n"
               "<link rel=\"icon\" type=\"image/svg+xml\" href=\"/assets/favicon.svg\">\n"
               "<link rel=\"stylesheet\" href=\"/assets/app.css\">\n"
               "<script defer src=\"/assets/dev_reload.js\"></script>\n"
               "</head>\n<body>\n<main class=\"dev-error-page\" data-dev-reload>%1</main>\n"
               "</body>\n</html>\n")
        .arg(errorViewHtml(error, QStringLiteral("the page reloads by itself")))
        .toUtf8();
}

QJsonObject templateErrorTree(const TemplateError &error)
{
    return {{wire::statics, QJsonArray{templateErrorHtml(error)}}};
}

QJsonObject templateErrorShownDiff(const QString &viewId, const TemplateError &error)
{
    return eventDiff(shownEvent, {{QStringLiteral("view"), viewId},
                                  {QStringLiteral("html"), templateErrorHtml(error)}});
}

QJsonObject templateErrorFixedDiff(const QString &viewId)
{
    return eventDiff(fixedEvent, {{QStringLiteral("view"), viewId}});
}

} // namespace liveview::internal
