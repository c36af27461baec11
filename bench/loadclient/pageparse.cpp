// Regex-based parsing of the dead render; only attributes matter, so no HTML parser is needed.
#include "pageparse.h"

#include <QHash>
#include <QRegularExpression>

namespace {

QString decodeEntities(QString s)
{
    if (!s.contains(u'&'))
        return s;
    s.replace(QLatin1String("&quot;"), QLatin1String("\""));
    s.replace(QLatin1String("&#39;"), QLatin1String("'"));
    s.replace(QLatin1String("&#x27;"), QLatin1String("'"));
    s.replace(QLatin1String("&lt;"), QLatin1String("<"));
    s.replace(QLatin1String("&gt;"), QLatin1String(">"));
    s.replace(QLatin1String("&amp;"), QLatin1String("&")); // last, so "&amp;lt;" stays "&lt;"
    return s;
}

// Attribute order and quoting are the server's choice, so parse the whole attribute list.
QHash<QString, QString> parseAttributes(QStringView attrs)
{
    static const QRegularExpression re(
        QStringLiteral(R"re(([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?)re"));
    QHash<QString, QString> out;
    for (auto it = re.globalMatch(attrs); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QString value = m.captured(2);
        if (value.isEmpty())
            value = m.captured(3);
        if (value.isEmpty())
            value = m.captured(4);
        out.insert(m.captured(1).toLower(), decodeEntities(value));
    }
    return out;
}

} // namespace

QString parseLivePage(const QByteArray &html, const QList<QByteArray> &setCookies, LivePage &out)
{
    const QString text = QString::fromUtf8(html);

    static const QRegularExpression metaRe(QStringLiteral(R"(<meta\s([^>]*)>)"),
                                           QRegularExpression::CaseInsensitiveOption);
    for (auto it = metaRe.globalMatch(text); it.hasNext();) {
        const auto attrs = parseAttributes(it.next().capturedView(1));
        if (attrs.value(QStringLiteral("name")) == QLatin1String("csrf-token")) {
            out.csrf = attrs.value(QStringLiteral("content"));
            break;
        }
    }
    if (out.csrf.isEmpty())
        return QStringLiteral("no csrf-token meta");

    // Like the JS client: root views are [data-phx-session] without data-phx-parent-id; the
    // data-phx-main one is what a router-mounted page joins first, so prefer it.
    static const QRegularExpression tagRe(
        QStringLiteral(R"(<[a-zA-Z][\w-]*\s([^>]*data-phx-session[^>]*)>)"));
    bool found = false;
    for (auto it = tagRe.globalMatch(text); it.hasNext();) {
        const auto attrs = parseAttributes(it.next().capturedView(1));
        if (!attrs.contains(QStringLiteral("data-phx-session")) ||
            attrs.contains(QStringLiteral("data-phx-parent-id")))
            continue;
        const bool isMain = attrs.contains(QStringLiteral("data-phx-main"));
        if (found && !isMain)
            continue;
        out.containerId = attrs.value(QStringLiteral("id"));
        out.session = attrs.value(QStringLiteral("data-phx-session"));
        out.staticToken = attrs.value(QStringLiteral("data-phx-static"));
        found = true;
        if (isMain)
            break;
    }
    if (!found)
        return QStringLiteral("no LiveView container");
    if (out.containerId.isEmpty() || out.session.isEmpty())
        return QStringLiteral("container without id or session");

    // Only name=value matters for sending cookies back; attributes (Path, HttpOnly…) are dropped.
    QList<QByteArray> pairs;
    for (const QByteArray &c : setCookies) {
        const qsizetype semi = c.indexOf(';');
        const QByteArray pair = (semi < 0 ? c : c.left(semi)).trimmed();
        if (pair.contains('='))
            pairs.append(pair);
    }
    out.cookieHeader = pairs.join("; ");
    return {};
}
