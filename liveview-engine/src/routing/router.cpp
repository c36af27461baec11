// Path matching for live routes: literal segments and `:name` parameters.
#include "liveview/router.h"

#include <QDir>

namespace liveview {

void Router::live(const QString &pattern, Factory factory)
{
    Route r;
    r.pattern = pattern;
    r.segments = pattern.split(u'/', Qt::SkipEmptyParts);
    r.factory = std::move(factory);
    r.session = m_currentSession;
    m_routes.push_back(std::move(r));
}

Router::Match Router::match(const QString &path) const
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    for (const Route &r : m_routes) {
        if (r.segments.size() != parts.size())
            continue;
        QVariantMap params;
        bool ok = true;
        for (qsizetype i = 0; i < parts.size() && ok; ++i) {
            const QString &segment = r.segments.at(i);
            if (segment.startsWith(u':'))
                params.insert(segment.mid(1), parts.at(i));
            else
                ok = segment == parts.at(i);
        }
        if (ok)
            return Match{r.pattern, r.factory, params, r.session};
    }
    return Match{};
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
