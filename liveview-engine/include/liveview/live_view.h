#pragma once
// The C++ LiveView: lifecycle callbacks, assigns, and what a view may ask of its page.

#include "liveview/assigns.h"
#include "liveview/stream.h"
#include "liveview/template.h"
#include "liveview/upload.h"

#include <QUrl>
#include <QVariantMap>
#include <atomic>
#include <functional>

namespace liveview {

namespace internal {
class StreamTable;
class ViewRuntime;
class ViewUploads;
} // namespace internal

// Subclass and override the callbacks. A view lives on one event-loop thread; every callback
// runs there, so no locking is needed inside a view. An exception thrown by any callback crashes
// only this view: its channel errors, the browser rejoins and the view is mounted afresh.
class LiveView
{
public:
    LiveView(); // out of line: the members' types are the engine's own
    virtual ~LiveView();

    // Called twice per page like Phoenix: for the first HTTP render (isConnected() false) and when
    // the browser joins over the socket. `params` are query + path parameters.
    virtual void mount(const QVariantMap &params, const QVariantMap &session);
    // Once the browser's socket has joined: after the connected mount, or when the join adopted
    // the view built for the first HTTP render (then mount ran only once, disconnected). Start
    // timers, subscriptions and async work here.
    virtual void connected();
    // After mount and on every live patch to this view's URL.
    virtual void handleParams(const QVariantMap &params, const QUrl &url);
    // A browser event (phx-click, phx-submit, ...). `value` holds phx-value-* and form fields.
    virtual void handleEvent(const QString &event, const QVariantMap &value);
    // A message from infoSender(), a broadcast on a subscribed topic, or a Presence diff.
    virtual void handleInfo(const QVariant &message);
    // The end of startAsync() work: its result, or the error it threw (then `result` is nil).
    virtual void handleAsync(const QString &name, const QVariant &result, const QString &error);
    // The template to show; it reads the assigns.
    virtual Template render() const = 0;
    // A child view's callParent() (Phoenix's handle_call from a nested LiveView): runs on this
    // view's thread while the child waits; what it returns is the child's answer. The default
    // throws, which crashes this view like an unmatched handle_call.
    virtual QVariant handleCall(const QVariant &request);

    // Nested live views (Phoenix's live_render): a view class registered under a name is
    // rendered inside another view by `<.live_render module="Name" id="unique" session={map} />`
    // (optional `sticky`, `container="tag"`, `class`). The child mounts with that session and
    // no params (handleParams is never called), runs its own lifecycle and crashes alone; a
    // sticky one survives live navigation. Register at startup, before pages render.
    using Factory = std::function<std::unique_ptr<LiveView>()>;
    static void registerModule(const QString &name, Factory factory);
    template <class View> static void registerModule(const QString &name)
    {
        registerModule(name, [] { return std::make_unique<View>(); });
    }
    static Factory module(const QString &name);

    // Opt-in for pages that many viewers watch in the same state (a dashboard fed by one
    // sampler): a broadcast is then handled and rendered once per socket thread for all views of
    // one class with the same key, and the others send that diff. A non-empty key promises:
    //  - two views of one class with equal keys hold equal assigns (and so show the same page);
    //  - what a broadcast does to such a view depends on the key and the message alone, so a
    //    view that skipped messages catches up by handling only the newest one.
    // A view that shared keeps the message it skipped and handles it (its diff already sent)
    // before anything else of its own: an event, a patch, another message. Not used for views
    // with checkpoints, nor for a broadcast that navigates or creates components. Empty (the
    // default): every view handles every message itself.
    virtual QByteArray sharedRenderKey() const { return {}; }

    // State that survives a server restart (opt in). With a version above 0, checkpoint() is
    // saved after every handled event, message or patch; a browser that rejoins the same page
    // after the server was restarted (or its socket dropped) gets restore() instead of a fresh
    // state. Checkpoints belong to the browser session and the page (path and query), expire
    // after a day, and are dropped when the view crashes; live navigation always mounts fresh.
    // Bump the version when the state's shape changes: older checkpoints are then ignored (with a
    // log line) and the view mounts fresh.
    virtual int checkpointVersion() const { return 0; }
    // The assigns to keep: name them explicitly. What mount derives from the session (the user,
    // their roles) must not be among them: it is computed again by mount and a restored copy
    // could bring back what was revoked meanwhile. The checkpoint file holds these values.
    virtual QStringList checkpointedAssigns() const { return {}; }
    // Default: the checkpointedAssigns() that have a JSON form.
    virtual QVariantMap checkpoint() const;
    // Default: assigns the checkpointedAssigns() found in `state`. Runs after mount and
    // handleParams, before connected().
    virtual void restore(const QVariantMap &state);

protected:
    void assign(const QString &key, const QVariant &value) { m_assigns.assign(key, value); }
    QVariant assigned(const QString &key) const { return m_assigns.value(key); }
    const Assigns &assigns() const { return m_assigns; }

    bool isConnected() const;
    QString viewId() const;
    // The params the browser's LiveSocket sent with the join (Phoenix's get_connect_params):
    // its `params` option plus `_mounts` (joins of this view so far), `_csrf_token`, ...
    // Available in the connected mount and in connected(), empty before and after (an idle view
    // keeps no copy of them).
    QVariantMap connectParams() const;
    // Rendered by another view's <.live_render> (not sticky): it has a parent.
    bool isNested() const;
    // To the parent's handleInfo, after the current callback (Phoenix's send(parent_pid, msg)).
    // Dropped when there is no parent or it is gone (and during the first HTTP render).
    void sendParent(const QVariant &message);
    // The parent's handleCall(request), synchronously; throws when there is no parent (or it
    // crashed answering). Usable from mount: a child may ask its parent how to start.
    QVariant callParent(const QVariant &request);
    // From now on a crash of this view crashes its parent too (Process.link): both rejoin.
    void linkToParent();
    void setPageTitle(const QString &title);
    // Who this view's user is, as the monitor and the admin window show it (and what
    // Admin::disconnectUser matches). Optional; call it from mount or later.
    void setMonitorUser(const QString &user);
    // Dispatched as `phx:<name>` window event and to hooks' handleEvent (sent with the next diff).
    void pushEvent(const QString &name, const QVariantMap &payload);
    // From handleEvent: the value a hook's pushEvent(..., callback) receives (`{:reply, map}`).
    void replyToEvent(const QVariantMap &payload);
    // Streams (`@streams.<name>` in templates). Items are maps; their DOM id is
    // "<name>-<item.id>" unless streamConfigure() gives another function.
    void stream(const QString &name, const QVariantList &items, bool reset = false);
    // `updateOnly`: the client only replaces an element already present and never adds one
    // (Phoenix's `update_only: true`).
    void streamInsert(const QString &name, const QVariant &item, int at = -1,
                      const QVariant &limit = QVariant(), bool updateOnly = false);
    void streamDelete(const QString &name, const QVariant &item);
    void streamDeleteByDomId(const QString &name, const QString &domId);
    void streamConfigure(const QString &name, std::function<QString(const QVariant &)> domId);

    // Navigation, applied after the callback returns: a patch stays in this view (handleParams
    // runs with the new URL), navigate mounts another view over the same socket, redirect loads
    // a page. Flash messages survive all three.
    void pushPatch(const QString &to, bool replace = false);
    void pushNavigate(const QString &to, bool replace = false);
    void redirect(const QString &to);
    void putFlash(const QString &kind, const QString &message);
    void clearFlash(const QString &kind = QString());

    // Background work on a thread pool. The callable gets a flag that turns true when the view
    // ends or the work is cancelled, so long work can stop early. Results arrive on the view's
    // thread; a result of work started again under the same name, or cancelled, is dropped.
    using AsyncWork = std::function<QVariant(const std::atomic_bool &cancelled)>;
    // The assign `key` becomes {loading: true}, then {ok: true, result} or {failed: "reason"}.
    void assignAsync(const QString &key, AsyncWork work);
    // handleAsync(name, ...) is called when `work` is done.
    void startAsync(const QString &name, AsyncWork work);
    void cancelAsync(const QString &name);

    // PubSub: messages on subscribed topics arrive in handleInfo(). Subscriptions end with the
    // view.
    void subscribe(const QString &topic);
    void unsubscribe(const QString &topic);
    // To every subscriber of `topic` but this view.
    void broadcastFrom(const QString &topic, const QVariant &message);

    // Presence: this view is on `topic` as `key` with `meta` until untracked or the view ends.
    void trackPresence(const QString &topic, const QString &key, const QVariantMap &meta = {});
    void untrackPresence(const QString &topic, const QString &key);

    // Uploads (liveview/upload.h, docs/uploads.md). `@uploads.<name>` in templates, with
    // `<.live_file_input upload={@uploads.name} />`. Allowing a name again gives it a new ref;
    // allowing or disallowing a name that has entries throws (the view crashes), as in Phoenix.
    void allowUpload(const QString &name, const UploadOptions &options);
    void disallowUpload(const QString &name);
    // Drops an entry (its file, its channel: the browser stops sending it).
    void cancelUpload(const QString &name, const QString &entryRef);
    // Calls `consume` for each finished entry and returns what it returned; entries in progress
    // are left alone. Consumed entries count toward maxEntries from then on.
    QVariantList consumeUploadedEntries(const QString &name, const ConsumeFunction &consume);
    UploadedEntries uploadedEntries(const QString &name) const;
    QStringList uploadErrors(const QString &name) const;                           // the upload's
    QStringList uploadErrors(const QString &name, const UploadEntry &entry) const; // an entry's

    // Calls update() of the live component (module, id) with `attributes` and re-renders it.
    // Returns false when this view has no such component.
    bool sendUpdate(const QString &module, const QString &id, const QVariantHash &attributes);
    // send_update from any thread (a timer thread, a worker): the returned function may be called
    // from anywhere for as long as the view lives; later calls are dropped.
    std::function<void(const QString &module, const QString &id, const QVariantHash &attributes)>
    updateSender() const;
    // Returns a function that delivers a message to this view's handleInfo from any thread, for
    // as long as the view lives (later calls are dropped).
    std::function<void(const QVariant &)> infoSender() const;

private:
    friend class internal::ViewRuntime;
    internal::StreamTable &streams(); // made by the first stream call
    void publishStreams();
    void clearStreamOperations();

    Assigns m_assigns;
    std::unique_ptr<internal::StreamTable> m_streams;
    internal::ViewRuntime *m_runtime = nullptr;
    std::unique_ptr<internal::ViewUploads> m_uploads; // made by the first allowUpload
};

} // namespace liveview
