// Path matching for live routes: literal segments and `:name` parameters.
#include "liveview/router.h"

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
