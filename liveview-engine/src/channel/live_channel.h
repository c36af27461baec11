#pragma once
// One joined `lv:` topic: verifies the join, runs the view, replies and pushes diffs in order.

#include "../view/nested_views.h"
#include "frame.h"
#include "liveview/router.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariant>
#include <functional>
#include <memory>

namespace liveview::internal {

class Connection;
class ViewRuntime;
class SharedDiffEncoding;
class SessionRecord;
class ViewUploads;

class LiveChannel : public QObject, private NestedViewContextSource
{
    Q_OBJECT
public:
    LiveChannel(Connection *connection, QString topic, QJsonValue joinRef);
    ~LiveChannel() override;

    // Verifies tokens and CSRF, mounts and replies. Returns false when the join was refused.
    bool join(const Frame &frame);
    void handle(const Frame &frame);

    // The view's uploads (null before the join, after a crash, or when it allowed none).
    ViewUploads *uploads() const;
    // An upload channel changed the view's uploads outside of a view event (chunk timeout, a
    // size violation): runs `change`, then pushes the diff.
    void afterUploadChange(const std::function<void(ViewUploads &)> &change);

    QJsonValue joinRef() const { return m_joinRef; }
    QString topic() const { return m_topic; }
    // The parent ends (leave, crash, replaced by a rejoin): its child views end with it, as
    // Phoenix's children exit with their parent (live_channel_nested.cpp).
    void endChildren();

private:
    // A child view's join (<.live_render>): the session token names its class and parent.
    bool joinNested(const Frame &frame, const QJsonObject &claimSet);
    // The parent side of a child's callParent: handleCall, then the parent's own diff.
    QVariant answerChildCall(const QVariant &request);
    // What this view's <.live_render> children need from the page (asked at the first child).
    NestedViewContext nestedViewContext() const override;
    void handleEvent(const Frame &frame);
    void handleLivePatch(const Frame &frame);
    // A live patch to `match` stays in this view: same view class, same live session.
    bool patchesWithin(const Router::Match &match) const;
    // Upload protocol on the view's topic (live_channel_uploads.cpp).
    void handleAllowUpload(const Frame &frame);
    void handleUploadProgress(const Frame &frame);
    void deliverInfo(const QVariant &message);
    // LiveView::sharedRenderKey (live_channel_shared_render.cpp): true when the broadcast was
    // handled here, by leading (render, send, leave the diff in the thread's memo) or following
    // (send the leader's diff, keep the message). catchUp() handles a kept message, its diff
    // already shown, before anything else of this view's own.
    bool deliverShared(const QVariant &message);
    void catchUp();
    QByteArray sharedKey() const;
    void sendEncodedDiff(const QByteArray &encodedDiff);
    // After a callback: apply the navigation it asked for, then reply to `request` with the diff
    // (or push it when the callback was handle_info; `shared` encodes a broadcast's diff once).
    void finishCallback(const Frame *request, SharedDiffEncoding *shared = nullptr);
    void listenForReloads();
    QJsonObject navigationTarget(const QString &to, bool replace, bool live) const;
    void push(const QString &event, const QJsonObject &payload);
    void pushDiff(const QJsonObject &diff, SharedDiffEncoding *shared);
    // An exception escaped the view: report it, tell the client (it rejoins), end this channel.
    // In development mode a template error is shown in the page instead (see below).
    void crash(const char *stage, const std::exception &e, const Frame *request = nullptr);
    // Development mode (live_channel_template_errors.cpp): a template that does not compile is
    // shown in the page, the view keeps its state, and the next reload renders it again.
    QJsonObject renderJoinTree();
    bool showTemplateError(const std::exception &e, const Frame *request);
    void renderAfterReload();
    bool refuseJoin(const Frame &frame, const QString &reason, const QString &logMessage);
    // Checkpoints (LiveView::checkpointVersion): restored after a fresh mount, saved after each
    // callback when the state changed, dropped when the view crashes.
    // True when a checkpoint was restored.
    bool restoreCheckpoint();
    void saveCheckpoint();
    void dropCheckpoint();
    QString checkpointPage() const;
    // The monitor's record of this session, made once the join succeeded.
    void registerSession();

    Connection *m_connection;
    QString m_topic;
    QJsonValue m_joinRef;
    QString m_routePattern;
    QString m_routeView;    // the view class its routes share (Router::Match::view)
    QString m_routeSession; // the live session of the route it joined
    QUrl m_url;
    std::unique_ptr<ViewRuntime> m_runtime;
    bool m_crashed = false;
    bool m_showsTemplateError = false;
    QByteArray m_diffFrameHead;  // `[joinRef,null,"topic","diff",`, built on first use
    QString m_sessionId;         // the browser session that joined
    QByteArray m_lastCheckpoint; // what was saved last, and for which page
    QString m_lastCheckpointPage;
    bool m_checkpointing = false;
    std::shared_ptr<SessionRecord> m_record;
    struct SharedRenderState
    {
        QVariant skipped;    // the newest broadcast taken from a leader, not handled yet
        QByteArray keyShown; // the leader's key after it: the state the client was shown
    };
    std::unique_ptr<SharedRenderState> m_shared; // only while a skipped broadcast waits
    // Nested views: a child knows its parent (none for a sticky one), a parent its children.
    QPointer<LiveChannel> m_parent;
    QList<QPointer<LiveChannel>> m_children;
    bool m_linkedToParent = false;  // LiveView::linkToParent: a crash here crashes the parent
    bool m_endedWithParent = false; // ended by its parent (m_crashed is set too: no more work)
};

} // namespace liveview::internal
