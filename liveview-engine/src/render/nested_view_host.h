#pragma once
// What the renderer needs from the view it renders for when a template holds <.live_render>.
// The view's runtime implements it (view/nested_views.h), so the renderer knows nothing of
// tokens, mounts or channels.

#include <QString>
#include <QVariantHash>
#include <QVariantMap>

namespace liveview::internal {

struct NestedViewRequest
{
    QString module; // the name the child's class was registered under (LiveView::registerModule)
    QString id;     // the container's DOM id, unique in the page: the child's view id
    QVariantMap session;
    bool sticky = false;
    QString containerTag = QStringLiteral("div");
    QVariantHash attributes; // further attributes of the container (class, style, ...)
};

class NestedViewHost
{
public:
    // The container's HTML: on the first HTTP render with the child's own first render inside,
    // on a connected render empty (the client joins the child with the signed session in it).
    virtual QString renderNested(const NestedViewRequest &request) = 0;

protected:
    ~NestedViewHost() = default; // not owned through this interface
};

} // namespace liveview::internal
