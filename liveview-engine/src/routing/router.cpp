// Path matching for live routes: literal segments and `:name` parameters.
#include "liveview/router.h"

#include <QDir>

namespace liveview {

void Router::live(const QString &pattern, Factory factory, const QString &view)
{
    Route r;
    r.pattern = pattern;
    r.view = view.isEmpty() ? pattern : view;
    r.segments = pattern.split(u'/', Qt::SkipEmptyParts);
    r.factory = std::move(factory);
    r.session = m_currentSession;
    m_routes.push_back(std::move(r));
}

namespace {
// Literal segments compare equal, `:name` ones bind; false when the path is another shape.
bool matchSegments(const QStringList &segments, const QStringList &parts, QVariantMap *params)
{
    if (segments.size() != parts.size())
        return false;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString &segment = segments.at(i);
        if (segment.startsWith(u':'))
            params->insert(segment.mid(1), parts.at(i));
        else if (segment != parts.at(i))
            return false;
    }
    return true;
}
} // namespace

Router::Match Router::match(const QString &path) const
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    for (const Route &r : m_routes) {
        QVariantMap params;
        if (matchSegments(r.segments, parts, &params))
            return Match{r.pattern, r.factory, params, r.session, r.view};
    }
    return Match{};
}

void Router::get(const QString &pattern, HttpHandler handler, HttpRouteOptions options)
{
    addHttp(QByteArrayLiteral("GET"), pattern, std::move(handler), options);
}

void Router::post(const QString &pattern, HttpHandler handler, HttpRouteOptions options)
{
    addHttp(QByteArrayLiteral("POST"), pattern, std::move(handler), options);
}

void Router::addHttp(const QByteArray &method, const QString &pattern, HttpHandler handler,
                     HttpRouteOptions options)
{
    m_httpRoutes.push_back(
        HttpRoute{method, pattern.split(u'/', Qt::SkipEmptyParts), std::move(handler), options});
}

Router::HttpMatch Router::matchHttp(const QByteArray &method, const QString &path) const
{
    if (m_httpRoutes.empty()) // most applications: no path split on every page request
        return {};
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    const QByteArray wanted = method == "HEAD" ? QByteArrayLiteral("GET") : method;
    HttpMatch found;
    for (const HttpRoute &r : m_httpRoutes) {
        QVariantMap params;
        if (!matchSegments(r.segments, parts, &params))
            continue;
        if (!found.allowedMethods.contains(r.method))
            found.allowedMethods.append(r.method);
        if (!found.handler && r.method == wanted) {
            found.handler = r.handler;
            found.options = r.options;
            found.pathParameters = params;
        }
    }
    if (found.allowedMethods.contains("GET"))
        found.allowedMethods.append(QByteArrayLiteral("HEAD"));
    return found;
}

qint64 Router::bodyLimitOf(const QString &path) const
{
    if (m_httpRoutes.empty())
        return 0;
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    qint64 limit = 0;
    for (const HttpRoute &r : m_httpRoutes) {
        QVariantMap params;
        if (matchSegments(r.segments, parts, &params))
            limit = qMax(limit, r.options.maxBodyBytes);
    }
    return limit;
}

qint64 Router::largestBodyLimit() const
{
    qint64 limit = 0;
    for (const HttpRoute &r : m_httpRoutes)
        limit = qMax(limit, r.options.maxBodyBytes);
    return limit;
}

void Router::files(const QString &prefix, const QString &directory, ContentTypeOf contentType)
{
    m_fileRoutes.push_back(FileRoute{prefix, directory, std::move(contentType)});
}

bool Router::isPlainFileName(const QString &name)
{
    if (name.isEmpty() || name.size() > 128)
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name.at(i).unicode();
        const bool alnum =
            (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        // No dot first: neither "..", "." nor a hidden file can be named.
        if (!alnum && c != u'_' && c != u'-' && (c != u'.' || i == 0))
            return false;
    }
    return true;
}

Router::FileMatch Router::matchFile(const QString &path) const
{
    for (const FileRoute &r : m_fileRoutes) {
        if (!path.startsWith(r.prefix))
            continue;
        const QString name = path.mid(r.prefix.size());
        if (!isPlainFileName(name))
            return FileMatch{};
        return FileMatch{QDir(r.directory).filePath(name), r.contentType(name)};
    }
    return FileMatch{};
}

QString Router::sessionOf(const QString &pattern) const
{
    for (const Route &r : m_routes)
        if (r.pattern == pattern)
            return r.session;
    return QString();
}

QStringList Router::patterns() const
{
    QStringList out;
    for (const Route &r : m_routes)
        out << r.pattern;
    return out;
}

} // namespace liveview
