// Lifecycle and rendering of one view; the channel and the HTTP render both drive it.
#include "view_runtime.h"

#include "../monitor/session_record.h"

#include "../pubsub/view_presence.h"
#include "../render/renderer.h"
#include "../render/shared_statics.h"
#include "../render/wire_keys.h"
#include "../template/scope.h"

#include "../pubsub/mailbox_pubsub.h"
#include "../upload/view_uploads.h"
#include <QJsonDocument>

namespace liveview::internal {

ViewRuntime::ViewRuntime(std::unique_ptr<LiveView> view, QString viewId, bool connected)
    : m_view(std::move(view)), m_viewId(std::move(viewId)), m_connected(connected)
{
    m_view->m_runtime = this;
    m_components.setViewServices(m_async.get(), &m_connected);
    m_components.setNestedViews(this);
    m_components.setNavigator([this](PageNavigation kind, const QString &to, bool replace) {
        using Kind = Navigation::Kind;
        navigate(kind == PageNavigation::Patch      ? Kind::Patch
                 : kind == PageNavigation::Navigate ? Kind::Navigate
                                                    : Kind::Redirect,
                 to, replace);
    });
}

ViewRuntime::~ViewRuntime()
{
    m_async.reset(); // cancels running work
    MailboxPubSub::unsubscribeAll(m_mailbox.get());
    ViewPresence::untrackAll(m_mailbox.get()); // a view that ends (or crashed) leaves its topics
    m_mailbox->detach();
    m_view->m_runtime = nullptr;
}

void ViewRuntime::mount(const QVariantMap &params, const QVariantMap &session, const QUrl &url,
                        const QVariantMap &flash)
{
    m_view->m_assigns.assign(QStringLiteral("flash"), flash);
    m_view->mount(params, session);
    m_view->handleParams(params, url);
}

void ViewRuntime::mountNested(const QVariantMap &session)
{
    m_view->m_assigns.assign(QStringLiteral("flash"), QVariantMap());
    m_view->mount(QVariantMap(), session);
}

QString ViewRuntime::renderNested(const NestedViewRequest &request)
{
    if (!m_nestedViews) {
        if (!m_nestedSource)
            throw EvaluationError(
                QStringLiteral("<.live_render> needs a page to render in (no socket or request)"));
        m_nestedViews = std::make_unique<NestedViews>(m_nestedSource->nestedViewContext(), *this);
    }
    return m_nestedViews->render(request);
}

void ViewRuntime::handleParams(const QVariantMap &params, const QUrl &url)
{
    m_view->handleParams(params, url);
}

void ViewRuntime::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"lv:clear-flash") { // the conventional close button of flash messages
        m_view->clearFlash(value.value(QStringLiteral("key")).toString());
        return;
    }
    m_view->handleEvent(event, value);
}

void ViewRuntime::handleInfo(const QVariant &message)
{
    if (message.typeId() == qMetaTypeId<ComponentUpdate>()) {
        const ComponentUpdate update = message.value<ComponentUpdate>();
        m_components.sendUpdate(update.module, update.id, update.attributes);
        return;
    }
    if (message.typeId() == qMetaTypeId<UploadsRelease>()) {
        if (ViewUploads *u = uploads()) {
            const UploadsRelease release = message.value<UploadsRelease>();
            u->releaseEntries(release.uploadRef, release.entryRefs);
        }
        return;
    }
    if (message.typeId() != qMetaTypeId<AsyncDone>()) {
        m_view->handleInfo(message);
        return;
    }
    const AsyncDone done = message.value<AsyncDone>();
    if (!m_async->accept(done))
        return; // superseded or cancelled
    if (done.cid) {
        m_components.asyncDone(done);
        return;
    }
    if (!done.isAssign) {
        m_view->handleAsync(done.name, done.result, done.error);
        return;
    }
    m_view->m_assigns.assign(done.name, asyncAssignValue(done));
}

bool ViewRuntime::handleComponentEvent(int cid, const QString &event, const QVariantMap &value)
{
    return m_components.handleEvent(cid, event, value);
}

QJsonObject ViewRuntime::renderFullTree()
{
    const Template t = m_view->render();
    if (t.isNull())
        throw EvaluationError(QStringLiteral("render() returned no template"));
    std::shared_ptr<const CompiledTemplate> compiled = TemplateAccess::shared(t);
    Scope scope;
    scope.assigns = &m_view->m_assigns.values();
    scope.components = &m_components;
    scope.nestedViews = this;
    m_components.forgetClientState(); // the client replaces its whole tree, components included
    QJsonObject json;
    // The old tree points into the old template: both are replaced only once the render succeeded
    // (in development mode a view outlives a component template that does not compile).
    m_tree = Renderer::render(*compiled->root, scope, &json);
    m_template = std::move(compiled);
    // `r` at the top level means "reply" to the client; the root flag must not go there.
    json.remove(wire::root);
    const QJsonObject components = m_components.flush();
    if (!components.isEmpty())
        json.insert(wire::components, components);
    shareRepeatedStatics(json);
    m_view->m_assigns.clearChanged();
    m_titleChanged = !m_title.isEmpty();
    addExtras(json);
    return json;
}

QJsonObject ViewRuntime::renderFull()
{
    QJsonObject json = renderFullTree();
    finishRender();
    return json;
}

void ViewRuntime::finishRender()
{
    m_components.finishRender();
    // Stream items are sent once and then forgotten, on both sides of the socket. A view without
    // streams has nothing to prune: skip walking its tree (a 100-row list, every render).
    if (!m_view->m_streams)
        return;
    if (m_tree)
        pruneStreamEntries(*m_tree);
    m_view->clearStreamOperations();
}

QJsonObject ViewRuntime::renderDiff()
{
    const Template t = m_view->render();
    if (!m_tree || TemplateAccess::shared(t) != m_template) {
        // A different template (or none rendered yet): the client replaces the whole tree.
        return renderFull();
    }
    Scope scope;
    scope.assigns = &m_view->m_assigns.values();
    scope.components = &m_components;
    scope.nestedViews = this;
    ChangeSet changes;
    changes.assigns = &m_view->m_assigns.changed();
    const quint64 staticsBefore = staticsArraysRendered();
    QJsonObject diff;
    if (!changes.assigns->isEmpty()) {
        try {
            diff = Renderer::update(*m_tree, scope, changes);
        } catch (...) {
            m_tree.reset(); // half updated: the next render sends the whole tree again
            throw;
        }
    }
    const QJsonObject components = m_components.flush();
    if (!components.isEmpty())
        diff.insert(wire::components, components);
    if (staticsArraysRendered() - staticsBefore >= 2)
        shareRepeatedStatics(diff);
    m_view->m_assigns.clearChanged();
    addExtras(diff);
    finishRender();
    return diff;
}

QString ViewRuntime::renderHtml()
{
    renderFullTree();
    m_events = QJsonArray(); // the dead render cannot dispatch events
    const QString html =
        renderedToHtml(*m_tree, [this](int cid) { return m_components.html(cid); });
    // Streams stay pending: the socket join that adopts this view (mount once) must still send
    // them, since the client clears stream containers when it joins.
    pruneStreamEntries(*m_tree);
    m_components.finishRender(true);
    return html;
}

void ViewRuntime::addExtras(QJsonObject &rendered)
{
    if (m_titleChanged) {
        rendered.insert(wire::title, m_title);
        m_titleChanged = false;
    }
    if (!m_events.isEmpty()) {
        rendered.insert(wire::events, m_events);
        m_events = QJsonArray();
    }
}

void ViewRuntime::setPageTitle(const QString &title)
{
    if (title == m_title)
        return;
    m_title = title;
    m_titleChanged = true;
}

void ViewRuntime::pushEvent(const QString &name, const QVariantMap &payload)
{
    m_events.append(QJsonArray{name, QJsonObject::fromVariantMap(payload)});
}

QByteArray ViewRuntime::checkpointState() const
{
    if (m_view->checkpointVersion() <= 0)
        return {};
    return QJsonDocument(QJsonObject::fromVariantMap(m_view->checkpoint()))
        .toJson(QJsonDocument::Compact);
}

bool ViewRuntime::restoreState(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                              : QStringLiteral("not an object");
        return false;
    }
    m_view->restore(doc.object().toVariantMap());
    return true;
}

void ViewRuntime::setMonitorRecord(SessionRecord *record)
{
    m_monitorRecord = record;
    if (!record)
        return;
    record->setUser(m_monitorUser);
    for (const QString &topic : std::as_const(m_mailbox->topics))
        record->addTopic(topic);
}

void ViewRuntime::setMonitorUser(const QString &user)
{
    m_monitorUser = user;
    if (m_monitorRecord)
        m_monitorRecord->setUser(user);
}

} // namespace liveview::internal
