#pragma once
// Runs one LiveView: lifecycle calls, the rendered tree it shares with the client, title, events.

#include "../component/component_table.h"
#include "../pubsub/info_mailbox.h"
#include "../render/rendered_tree.h"
#include "async_tasks.h"
#include "liveview/live_view.h"
#include "nested_views.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <memory>
#include <utility>

namespace liveview::internal {

class SessionRecord;
class ViewUploads;

class ViewRuntime final : public NestedViewHost
{
public:
    ViewRuntime(std::unique_ptr<LiveView> view, QString viewId, bool connected);
    ~ViewRuntime();

    void mount(const QVariantMap &params, const QVariantMap &session, const QUrl &url,
               const QVariantMap &flash = {});
    void handleParams(const QVariantMap &params, const QUrl &url);
    // A child view (<.live_render>): mount with the session its parent gave, no params, and no
    // handleParams (children are not mounted at the router).
    void mountNested(const QVariantMap &session);
    // Lets the view's templates hold <.live_render>: `source` gives the page's context when the
    // first child renders (null: no children can render). It must outlive every render.
    void setNestedViewSource(const NestedViewContextSource *source) { m_nestedSource = source; }
    QString renderNested(const NestedViewRequest &request) override;

    // How a child view reaches its parent (set by its channel before the mount; without one a
    // child's sendParent is dropped and callParent throws).
    struct ParentLink
    {
        std::function<void(const QVariant &)> send;
        std::function<QVariant(const QVariant &)> call;
        std::function<void()> link;
    };
    // Phoenix's get_connect_params: set for the connected mount and connected(), then dropped
    // (an idle view keeps no copy of its join's params).
    void setConnectParams(const QVariantMap &params) { m_connectParams = params; }
    const QVariantMap &connectParams() const { return m_connectParams; }
    void setNested(bool nested) { m_nested = nested; }
    bool isNested() const { return m_nested; }
    void setParentLink(ParentLink link)
    {
        m_parentLink = std::make_unique<ParentLink>(std::move(link));
    }
    const ParentLink *parentLink() const { return m_parentLink.get(); }
    QVariant handleCall(const QVariant &request) { return m_view->handleCall(request); }
    // The socket joined: the view is connected from now on.
    void connect()
    {
        m_connected = true;
        m_view->connected();
    }
    void handleEvent(const QString &event, const QVariantMap &value);
    void handleInfo(const QVariant &message);
    // Events with a cid go to that component; false when it no longer exists.
    bool handleComponentEvent(int cid, const QString &event, const QVariantMap &value);
    ComponentTable &components() { return m_components; }
    AsyncTasks &asyncTasks() { return *m_async; }
    // The view's uploads, or null when it allowed none.
    ViewUploads *uploads() const { return m_view->m_uploads.get(); }

    // The complete rendered tree, statics included, with `t` and `e` when present (join reply).
    QJsonObject renderFull();
    // Only what changed since the last render; empty when the client needs nothing.
    QJsonObject renderDiff();
    // HTML of the view's inner content (first HTTP render).
    QString renderHtml();

    // The view's checkpoint as a JSON object (empty when the view does not keep checkpoints).
    QByteArray checkpointState() const;
    // Gives a saved checkpoint back to the view; false (with the reason) when it is unreadable.
    bool restoreState(const QByteArray &json, QString *error);

    QString viewId() const { return m_viewId; }
    // Random per instance: a child's token names the parent instance that rendered it.
    quint64 instance() const { return m_instance; }
    bool isConnected() const { return m_connected; }
    QString pageTitle() const { return m_title; }
    // The view's `render_in_root` assign (SafeHtml for the root layout, outside the container).
    QVariant rootContent() const
    {
        return m_view->m_assigns.value(QStringLiteral("render_in_root"));
    }
    std::shared_ptr<InfoMailbox> mailbox() const { return m_mailbox; }
    LiveView *view() const { return m_view.get(); }

    struct Navigation
    {
        enum class Kind
        {
            None,
            Patch,
            Navigate,
            Redirect
        } kind = Kind::None;
        QString to;
        bool replace = false;
    };
    Navigation takeNavigation()
    {
        Navigation n = m_navigation;
        m_navigation = {};
        return n;
    }
    bool navigationPending() const { return m_navigation.kind != Navigation::Kind::None; }
    QVariantMap flash() const { return m_view->m_assigns.value(QStringLiteral("flash")).toMap(); }

    // Called by LiveView's protected API.
    void navigate(Navigation::Kind kind, const QString &to, bool replace)
    {
        m_navigation = {kind, to, replace};
    }
    void setPageTitle(const QString &title);
    void pushEvent(const QString &name, const QVariantMap &payload);
    void setEventReply(const QJsonObject &reply) { m_eventReply = reply; }
    QJsonObject takeEventReply() { return std::exchange(m_eventReply, QJsonObject()); }

    // The monitor's record of this view's session while it is joined (null before and after).
    // Setting one gives it the user and topics the view chose before the join completed.
    void setMonitorRecord(SessionRecord *record);
    SessionRecord *monitorRecord() const { return m_monitorRecord; }
    void setMonitorUser(const QString &user);

private:
    QJsonObject renderFullTree();
    void finishRender();
    void addExtras(QJsonObject &rendered);

    ComponentTable m_components; // destroyed after the view (declared before it)
    std::unique_ptr<LiveView> m_view;
    QString m_viewId;
    bool m_connected;
    std::unique_ptr<RenderedNode> m_tree;
    std::shared_ptr<const CompiledTemplate> m_template; // keeps m_tree's fragments alive
    QString m_title;
    bool m_titleChanged = false;
    QJsonArray m_events;
    Navigation m_navigation;
    QJsonObject m_eventReply;
    std::shared_ptr<InfoMailbox> m_mailbox = std::make_shared<InfoMailbox>();
    std::unique_ptr<AsyncTasks> m_async = std::make_unique<AsyncTasks>(m_mailbox);
    SessionRecord *m_monitorRecord = nullptr;
    QString m_monitorUser;
    // Children: made on the first <.live_render>, from m_nestedSource's context.
    std::unique_ptr<NestedViews> m_nestedViews;
    const NestedViewContextSource *m_nestedSource = nullptr;
    bool m_nested = false;
    std::unique_ptr<ParentLink> m_parentLink; // children only
    QVariantMap m_connectParams;              // during the connected mount only
    quint64 m_instance = QRandomGenerator::global()->generate64();
};

} // namespace liveview::internal
