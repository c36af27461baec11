#pragma once
// Names of the LiveView channel protocol (serializer vsn 2.0.0) as the official client sends and
// expects them, in one place: frame events, reply statuses, payload keys and the values the
// client tests for. The rendered tree's own keys are in render/wire_keys.h.

#include <QString>

namespace liveview::internal {

// The event field of a frame.
namespace events {
inline const QString join = QStringLiteral("phx_join");
inline const QString leave = QStringLiteral("phx_leave");
inline const QString reply = QStringLiteral("phx_reply");
inline const QString close = QStringLiteral("phx_close");
inline const QString error = QStringLiteral("phx_error");
inline const QString heartbeat = QStringLiteral("heartbeat");
// From the client to a view.
inline const QString viewEvent = QStringLiteral("event"); // phx-click, phx-submit, ...
inline const QString livePatch = QStringLiteral("live_patch");
inline const QString cidsWillDestroy = QStringLiteral("cids_will_destroy");
inline const QString cidsDestroyed = QStringLiteral("cids_destroyed");
inline const QString allowUpload = QStringLiteral("allow_upload"); // upload preflight
inline const QString uploadProgress = QStringLiteral("progress");
// Pushed by a view.
inline const QString diff = QStringLiteral("diff");
inline const QString liveRedirect = QStringLiteral("live_redirect");
inline const QString redirect = QStringLiteral("redirect");
} // namespace events

// Topics of upload channels: `lvu:<entry ref>`.
inline const QString uploadTopicPrefix = QStringLiteral("lvu:");

// The topic of the socket's own heartbeats.
inline const QString phoenixTopic = QStringLiteral("phoenix");

// The status of a phx_reply.
namespace status {
inline const QString ok = QStringLiteral("ok");
inline const QString error = QStringLiteral("error");
} // namespace status

// Keys of payloads and replies.
namespace keys {
// phx_reply
inline const QString status = QStringLiteral("status");
inline const QString response = QStringLiteral("response");
// phx_join (the client's)
inline const QString session = QStringLiteral("session");
inline const QString staticToken = QStringLiteral("static");
inline const QString params = QStringLiteral("params");
inline const QString csrfToken = QStringLiteral("_csrf_token");
inline const QString url = QStringLiteral("url");
inline const QString redirect = QStringLiteral("redirect"); // a live navigation's target
inline const QString flash = QStringLiteral("flash");
// the join reply
inline const QString rendered = QStringLiteral("rendered");
inline const QString liveviewVersion = QStringLiteral("liveview_version");
// an error reply
inline const QString reason = QStringLiteral("reason");
// event
inline const QString event = QStringLiteral("event");
inline const QString type = QStringLiteral("type");
inline const QString value = QStringLiteral("value");
inline const QString meta = QStringLiteral("meta");
inline const QString cid = QStringLiteral("cid");
inline const QString uploads = QStringLiteral("uploads"); // files chosen, in a form event
// cids_will_destroy, cids_destroyed and its reply
inline const QString cids = QStringLiteral("cids");
// the reply to a live_patch the view cannot take
inline const QString linkRedirect = QStringLiteral("link_redirect");
// the diff of a reply
inline const QString diff = QStringLiteral("diff");
// live_patch, live_redirect and redirect targets
inline const QString to = QStringLiteral("to");
inline const QString kind = QStringLiteral("kind");
inline const QString liveRedirect = QStringLiteral("live_redirect");
// the event a dev-mode stylesheet reload pushes
inline const QString href = QStringLiteral("href");
} // namespace keys

// Values the client tests for.
namespace values {
inline const QString formEvent = QStringLiteral("form"); // event's "type" for phx-change/submit
inline const QString push = QStringLiteral("push");      // navigation "kind"
inline const QString replace = QStringLiteral("replace");
inline const QString cssReload = QStringLiteral("liveview:css-reload"); // app.js listens for it
} // namespace values

// Reasons of an error reply.
namespace reasons {
inline const QString unauthorized = QStringLiteral("unauthorized");
inline const QString stale = QStringLiteral("stale");
inline const QString joinCrashed = QStringLiteral("join crashed");
inline const QString unknownEvent = QStringLiteral("unknown event");
inline const QString unmatchedTopic = QStringLiteral("unmatched topic");
} // namespace reasons

// The LiveView version the join reply announces (the pinned client's).
inline const QString liveViewVersion = QStringLiteral("1.2.12");

} // namespace liveview::internal
