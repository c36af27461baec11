#pragma once
// Maps URL paths (with `:name` segments) to live view factories or plain HTTP handlers, and URL
// prefixes to directories of plain files the application stores (e.g. chat attachments).

#include "liveview/http_route.h"
#include "liveview/live_view.h"

#include <QString>
#include <QVariantMap>
#include <functional>
#include <memory>
#include <typeinfo>
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
        // Which view class the route mounts: a live patch may move between routes of one view
        // (as Phoenix patches between routes of one LiveView module); anything else remounts.
        QString view;
        bool isValid() const { return bool(factory); }
    };

    // Routes declared after this call belong to live session `name` (default: ""). Live
    // navigation only moves between views of one session; crossing sessions loads the page.
    void liveSession(const QString &name) { m_currentSession = name; }
    QString sessionOf(const QString &pattern) const;

    // `view` names the view class (default: the pattern, i.e. a view of its own).
    void live(const QString &pattern, Factory factory, const QString &view = QString());
    template <class View> void live(const QString &pattern)
    {
        live(
            pattern, [] { return std::make_unique<View>(); },
            QString::fromLatin1(typeid(View).name()));
    }

    Match match(const QString &path) const;
    QStringList patterns() const;

    // Plain HTTP routes (liveview/http_route.h). A path may have a live route and plain ones:
    // a live route answers GET and HEAD, the plain ones their method. HEAD is served by a GET
    // handler without the body.
    void get(const QString &pattern, HttpHandler handler, HttpRouteOptions options = {});
    void post(const QString &pattern, HttpHandler handler, HttpRouteOptions options = {});
    struct HttpMatch
    {
        HttpHandler handler; // null: no route for the method (see allowedMethods)
        HttpRouteOptions options;
        QVariantMap pathParameters;
        QByteArrayList allowedMethods; // every method some route of the path answers
        bool isValid() const { return bool(handler); }
    };
    HttpMatch matchHttp(const QByteArray &method, const QString &path) const;
    // The body limit a plain route of `path` declared (0: none declared), and the largest any
    // route declared: how far a request may be buffered before it is parsed.
    qint64 bodyLimitOf(const QString &path) const;
    qint64 largestBodyLimit() const;

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
        QString view;
    };
    std::vector<Route> m_routes;
    struct HttpRoute
    {
        QByteArray method;
        QStringList segments;
        HttpHandler handler;
        HttpRouteOptions options;
    };
    std::vector<HttpRoute> m_httpRoutes;
    void addHttp(const QByteArray &method, const QString &pattern, HttpHandler handler,
                 HttpRouteOptions options);
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
