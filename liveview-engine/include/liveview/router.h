#pragma once
// Maps URL paths (with `:name` segments) to live view factories, and URL prefixes to
// directories of plain files the application stores (e.g. chat attachments).

#include "liveview/live_view.h"

#include <QString>
#include <QVariantMap>
#include <functional>
#include <memory>
#include <vector>

namespace liveview {

class Router
{
public:
    using Factory = std::function<std::unique_ptr<LiveView>()>;

    struct Match
    {
        QString pattern;
        Factory factory;
        QVariantMap pathParameters;
        QString session; // the live session the route belongs to
        bool isValid() const { return bool(factory); }
    };

    // Routes declared after this call belong to live session `name` (default: ""). Live
    // navigation only moves between views of one session; crossing sessions loads the page.
    void liveSession(const QString &name) { m_currentSession = name; }
    QString sessionOf(const QString &pattern) const;

    void live(const QString &pattern, Factory factory);
    template <class View> void live(const QString &pattern)
    {
        live(pattern, [] { return std::make_unique<View>(); });
    }

    Match match(const QString &path) const;
    QStringList patterns() const;

    // Files in `directory` served by GET at `prefix` + name ("/chat/files/"), for files the
    // application names itself. Only one plain name is ever looked up ([A-Za-z0-9_-] first, then
    // [A-Za-z0-9._-], at most 128 characters): never a path, never a dot file. `contentType`
    // gives the Content-Type from the name; the Endpoint adds nosniff, a sandboxing CSP and,
    // for anything but images, Content-Disposition: attachment.
    using ContentTypeOf = std::function<QByteArray(const QString &name)>;
    void files(const QString &prefix, const QString &directory, ContentTypeOf contentType);
    struct FileMatch
    {
        QString filePath; // empty: no file route covers the URL path, or the name is not plain
        QByteArray contentType;
        bool isValid() const { return !filePath.isEmpty(); }
    };
    FileMatch matchFile(const QString &path) const;
    static bool isPlainFileName(const QString &name);

private:
    struct Route
    {
        QString pattern;
        QStringList segments;
        Factory factory;
        QString session;
    };
    std::vector<Route> m_routes;
    struct FileRoute
    {
        QString prefix;
        QString directory;
        ContentTypeOf contentType;
    };
    std::vector<FileRoute> m_fileRoutes;
    QString m_currentSession;
};

} // namespace liveview
