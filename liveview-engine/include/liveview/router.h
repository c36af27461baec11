#pragma once
// Maps URL paths (with `:name` segments) to live view factories.

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

private:
    struct Route
    {
        QString pattern;
        QStringList segments;
        Factory factory;
        QString session;
    };
    std::vector<Route> m_routes;
    QString m_currentSession;
};

} // namespace liveview
