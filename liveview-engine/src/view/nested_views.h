#pragma once
// A view's child views (<.live_render>): their containers, the signed session a child joins
// with, and on the first HTTP render the child's own first render inside the container.

#include "../render/nested_view_host.h"
#include "../session/token_signer.h"

#include <QHash>
#include <QUrl>
#include <memory>

namespace liveview::internal {

class ViewRuntime;

// What a child needs from the page it is rendered in.
struct NestedViewContext
{
    std::shared_ptr<const TokenSigner> signer;
    QString sessionId;     // the browser session: the child's join must come from it
    QString remoteAddress; // given to the child's mount like the page's own
    qint64 tokenTtlSeconds = 0;
    QUrl url; // the page's URL (children are not mounted at the router)
};

// Where a view gets that context from when its first child renders: its channel, or the first
// HTTP render. Asked lazily, so a view without children keeps nothing of it.
class NestedViewContextSource
{
public:
    virtual NestedViewContext nestedViewContext() const = 0;

protected:
    ~NestedViewContextSource() = default; // not owned through this interface
};

// Made for a view when its first <.live_render> renders.
class NestedViews final : public NestedViewContextSource
{
public:
    NestedViews(NestedViewContext context, const ViewRuntime &parent);
    QString render(const NestedViewRequest &request);
    // A child's own children render in the same page.
    NestedViewContext nestedViewContext() const override { return m_context; }

private:
    QString firstRender(const NestedViewRequest &request);
    QString containerHtml(const NestedViewRequest &request, const QByteArray &sessionToken,
                          const QByteArray &staticToken, const QString &inner) const;
    QByteArray sessionToken(const NestedViewRequest &request) const;

    NestedViewContext m_context;
    const ViewRuntime &m_parent;
    struct Shown
    {
        NestedViewRequest request;
        bool connected = false;
        QString html;
    };
    // By child id: a render with an unchanged request gives the same text, so nothing is sent
    // and the client keeps the joined child (a fresh token would differ every second).
    QHash<QString, Shown> m_shown;
};

} // namespace liveview::internal
