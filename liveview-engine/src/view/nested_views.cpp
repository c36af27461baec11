// Child views' containers, as Phoenix's live_render writes them.
#include "nested_views.h"

#include "../channel/endpoint_context.h"
#include "../template/value_format.h"
#include "liveview/template_error.h"
#include "view_runtime.h"

#include <QJsonObject>

namespace liveview::internal {

namespace {

bool sameRequest(const NestedViewRequest &a, const NestedViewRequest &b)
{
    return a.module == b.module && a.sticky == b.sticky && a.containerTag == b.containerTag &&
           identicalValues(a.session, b.session) &&
           identicalValues(QVariant(a.attributes), QVariant(b.attributes));
}

QString attributeHtml(const QString &name, const QVariant &value)
{
    if (isNil(value) || (value.typeId() == QMetaType::Bool && !value.toBool()))
        return QString();
    if (value.typeId() == QMetaType::Bool)
        return QStringLiteral(" ") + name;
    return QStringLiteral(" %1=\"%2\"").arg(name, toHtml(value));
}

bool isTagName(const QString &tag)
{
    if (tag.isEmpty() || !tag.front().isLetter())
        return false;
    for (QChar c : tag)
        if (!c.isLetterOrNumber() && c != u'-')
            return false;
    return true;
}

} // namespace

NestedViews::NestedViews(NestedViewContext context, const ViewRuntime &parent)
    : m_context(std::move(context)), m_parent(parent)
{
}

QString NestedViews::render(const NestedViewRequest &request)
{
    if (!isTagName(request.containerTag))
        throw EvaluationError(QStringLiteral("<.live_render> container \"%1\" is not a tag name")
                                  .arg(request.containerTag));
    if (!LiveView::module(request.module))
        throw EvaluationError(QStringLiteral("<.live_render>: no live view registered as \"%1\"")
                                  .arg(request.module));
    const bool connected = m_parent.isConnected();
    auto it = m_shown.find(request.id);
    if (it != m_shown.end() && it->connected == connected && sameRequest(it->request, request))
        return it->html;
    // Phoenix's shapes: the first HTTP render holds the child's own render and a static token
    // (and the session only for a sticky child, which the client joins from the page); once
    // connected the container is empty and carries the session the client joins the child with.
    QString html =
        connected ? containerHtml(request, sessionToken(request), {}, {}) : firstRender(request);
    m_shown.insert(request.id, {request, connected, html});
    return html;
}

QString NestedViews::firstRender(const NestedViewRequest &request)
{
    ViewRuntime child(LiveView::module(request.module)(), request.id, false);
    child.setNested(!request.sticky);
    child.setNestedViewSource(this);
    QVariantMap session = request.session;
    session.insert(mountSessionIdKey, m_context.sessionId);
    session.insert(mountRemoteAddressKey, m_context.remoteAddress);
    child.mountNested(session);
    const QString inner = child.renderHtml();
    const QByteArray staticToken = m_context.signer->sign(
        purposes::viewStatic, {{claims::viewId, request.id}}, m_context.tokenTtlSeconds);
    return containerHtml(request, request.sticky ? sessionToken(request) : QByteArray(),
                         staticToken, inner);
}

QByteArray NestedViews::sessionToken(const NestedViewRequest &request) const
{
    QJsonObject claimSet{{claims::viewId, request.id},
                         {claims::sessionId, m_context.sessionId},
                         {claims::module, request.module},
                         {claims::childSession, QJsonObject::fromVariantMap(request.session)}};
    if (request.sticky)
        claimSet.insert(claims::sticky, true);
    else {
        claimSet.insert(claims::parentId, m_parent.viewId());
        claimSet.insert(claims::parentInstance, QString::number(m_parent.instance()));
    }
    return m_context.signer->sign(purposes::viewSession, claimSet, m_context.tokenTtlSeconds);
}

QString NestedViews::containerHtml(const NestedViewRequest &request, const QByteArray &sessionToken,
                                   const QByteArray &staticToken, const QString &inner) const
{
    QString html = QStringLiteral("<%1").arg(request.containerTag);
    html += attributeHtml(QStringLiteral("id"), request.id);
    // Tokens are base64url and dots: nothing to escape; an empty one is written empty.
    html += QStringLiteral(" data-phx-session=\"%1\" data-phx-static=\"%2\"")
                .arg(QString::fromLatin1(sessionToken), QString::fromLatin1(staticToken));
    if (request.sticky)
        html += QStringLiteral(" data-phx-sticky");
    else
        html += attributeHtml(QStringLiteral("data-phx-parent-id"), m_parent.viewId());
    QStringList names = request.attributes.keys();
    names.sort(); // a hash's order changes between runs; the page should not
    for (const QString &name : names)
        if (name != u"inner_block")
            html += attributeHtml(name, request.attributes.value(name));
    html += u'>' + inner + QStringLiteral("</%1>").arg(request.containerTag);
    return html;
}

} // namespace liveview::internal
