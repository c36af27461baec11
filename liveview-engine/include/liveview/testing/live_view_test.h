#pragma once
// LiveViewTest for C++: drive views through the real channel protocol, in memory, and query the
// HTML the client would show. Mirrors Phoenix.LiveViewTest: live(), render(),
// element().renderClick().

#include "liveview/router.h"
#include "liveview/testing/file_input.h"
#include "liveview/testing/html_document.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QVariantMap>
#include <memory>
#include <stdexcept>

namespace liveview::internal {
struct EndpointContext;
class LiveTestAppAccess;
}

namespace liveview::testing {

// A harness expectation that does not hold (no such element, the view crashed, ...).
class HarnessError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// The server side of a test: routes plus a signing key, no sockets.
class LiveTestApp
{
public:
    // `mountOnce`: the join adopts the view of the first render (as the Endpoint does).
    explicit LiveTestApp(std::shared_ptr<Router> router, bool mountOnce = true);
    ~LiveTestApp();

    struct Page
    {
        int status = 0;
        QString html;
        QByteArray cookie; // the session cookie a browser would send back
    };
    // The first HTTP render of `path`, as a browser GET receives it (with `cookies` sent along,
    // e.g. the __phoenix_flash__ cookie a redirect leaves, or the session cookie of an earlier
    // page: the same browser session then, as the Endpoint does).
    Page get(const QString &path, const QByteArray &cookies = {}) const;

    // Bounds the views waiting for their join (the Endpoint uses MountCache's defaults).
    void limitWaitingMounts(int perSession, int total);
    // How many first-render views wait for a join, in all and for one browser session.
    int waitingMounts() const;
    int waitingMountsOf(const QString &sessionId) const;

    // Keeps view checkpoints in the SQLite file `path` (as the Endpoint does in its data
    // directory), with `lifetimeSeconds` before they expire. False with the reason on failure.
    bool enableCheckpoints(const QString &path, QString *error, qint64 lifetimeSeconds = 24 * 3600);

    // The browser's address for the pages and sockets opened from now on (default loopback);
    // views read it from their mount session's "remote_address".
    void setRemoteAddress(const QHostAddress &address) { m_remoteAddress = address; }
    QHostAddress remoteAddress() const { return m_remoteAddress; }

private:
    // The engine's own tests reach the signer and routes through internal::LiveTestAppAccess
    // (src/testing/live_test_app_access.h); applications never need them.
    friend class internal::LiveTestAppAccess;
    std::shared_ptr<internal::EndpointContext> m_context;
    QHostAddress m_remoteAddress = QHostAddress(QHostAddress::LocalHost);
};

class LiveViewTest;

// An element chosen by selector (and optionally by contained text) in the current render.
class ElementQuery
{
public:
    ElementQuery(LiveViewTest *view, QString selector, QString text);

    bool exists() const;
    HtmlElement element() const; // exactly one match, else HarnessError
    // Sends the element's phx-click (with its phx-value-* values) and returns the new HTML.
    QString renderClick(const QVariantMap &extraValues = {});
    // On a form: the user types `values` ({"user[name]": "Jo"}) and the form's phx-change is
    // sent as the client sends it (whole form, _target = first field, _unused_ markers).
    QString renderChange(const QVariantMap &values);
    // On a form: phx-submit with the form's current fields (and `values` typed first).
    QString renderSubmit(const QVariantMap &values = {});
    // Pushes `event` to the live component that renders this element (as pushEventTo or
    // phx-target="#this" would), or to the view when it is outside any component.
    QString renderEvent(const QString &event, const QVariantMap &value = {},
                        const QString &type = QStringLiteral("click"));

private:
    LiveViewTest *m_view;
    QString m_selector;
    QString m_text;
};

class LiveViewTest
{
public:
    LiveViewTest(LiveViewTest &&) noexcept;
    ~LiveViewTest();

    // HTML inside the view's container, built from the merged diffs like the browser does.
    QString render() const;
    // The child view this view renders with <.live_render id="id">, joined over the same
    // socket as the browser joins it (Phoenix's find_live_child). Its events, diffs and crashes
    // are its own; this view shows only the child's container.
    LiveViewTest liveChild(const QString &id);
    HtmlDocument document() const;
    ElementQuery element(const QString &selector, const QString &text = {});
    // LiveViewTest's with_target: events sent through the returned query go to the component
    // containing `selector`.
    ElementQuery withTarget(const QString &selector) { return element(selector); }
    bool hasElement(const QString &selector, const QString &text = {});

    // Pushes an event as the client would (`type` click, keyup, hook, ...) and returns the HTML.
    QString renderEvent(const QString &event, const QVariantMap &value = {},
                        const QString &type = QStringLiteral("click"));
    // Live navigation, as a patch link or the back button does: returns the new HTML. Throws if
    // the URL belongs to another view (the client would navigate instead).
    QString renderPatch(const QString &path);
    // The path the server last patched the URL to (push_patch), or empty.
    QString assertPatch() const;
    // The last navigation the server asked for: {"kind_of": "live_redirect"|"redirect", "to",
    // ...}; "kind_of", because a live redirect's own "kind" is "push" or "replace".
    QJsonObject assertRedirect() const;
    // Follows a live_redirect like the client: joins the new view on the same topic (with the
    // flash) and returns its HTML. Throws for a full-page redirect.
    QString followRedirect();

    // Waits (up to `timeoutMs`) for the thread pool's background work, then delivers the results.
    QString renderAsync(int timeoutMs = 10000);
    // Delivers queued handle_info messages and applies the diffs they push.
    QString processPending();
    // Joins again on the same topic (what the client does after phx_error or a reconnect).
    QString rejoin();

    QString title() const;
    QString deadRender() const; // the page the first HTTP render returned
    QJsonArray takePushedEvents();
    // The payload of the last push_event named `name` since the last call (throws when none).
    QJsonObject assertPushEvent(const QString &name);
    QJsonObject lastDiff() const;  // `diff` of the last reply or push (empty if none)
    QJsonObject lastReply() const; // whole `response` of the last reply
    QString lastReplyStatus() const;
    bool isCrashed() const; // the server sent phx_error for this view
    QString viewId() const;

    // Files chosen on the live file input of `uploadName` inside `formSelector`; see FileInput.
    FileInput fileInput(const QString &formSelector, const QString &uploadName,
                        const QList<UploadFile> &files);

    // Low level: send a raw text frame on the socket and get what the server wrote back.
    QList<QByteArray> sendRaw(const QByteArray &frame);
    // The same for a binary frame (upload chunks: see encodeBinaryPush).
    QList<QByteArray> sendBinary(const QByteArray &frame);
    QList<QByteArray> sentFrames() const; // everything the server wrote so far
    int closeCode() const;                // 0 while the socket is open
    QString nextRef();
    QString joinRef() const;
    QString topic() const;
    QString csrfToken() const; // the page's csrf-token meta
    QString sessionId() const; // the browser session of the socket's cookie

private:
    friend class ElementQuery;
    friend LiveViewTest live(const LiveTestApp &, const QString &, const LiveTestApp::Page &);
    friend class FileInput;
    QString nextUploadEntryRef(); // the client's page-wide entry counter
    struct Private;
    explicit LiveViewTest(std::unique_ptr<Private> d);
    QString push(const QString &event, const QJsonObject &payload);
    QSet<QString> &touchedFields();
    std::unique_ptr<Private> d;
};

// GETs `path` (first render), opens an in-memory socket with the page's cookie and joins the
// view through phx_join. Throws HarnessError if the page or the join fails.
LiveViewTest live(const LiveTestApp &app, const QString &path);
// Joins the view of a page fetched earlier with app.get(path): as a browser tab that loaded it
// and connects its socket only now.
LiveViewTest live(const LiveTestApp &app, const QString &path, const LiveTestApp::Page &page);

} // namespace liveview::testing
