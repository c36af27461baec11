#pragma once
// What every connection of an endpoint shares: routes, token signer, limits. Immutable once built.

#include "../session/token_signer.h"
#include "liveview/router.h"

#include <memory>

namespace liveview {
class ResumableUploads;
}

namespace liveview::internal {

namespace purposes {
inline const QString sessionCookie = QStringLiteral("cookie");
inline const QString viewSession = QStringLiteral("view-session");
inline const QString viewStatic = QStringLiteral("view-static");
inline const QString flash = QStringLiteral("flash");
} // namespace purposes

// Claims of the tokens signed for a page (view-session, view-static, flash) and the cookie.
namespace claims {
inline const QString viewId = QStringLiteral("id");
inline const QString sessionId = QStringLiteral("sid"); // the browser session's id
inline const QString routePattern = QStringLiteral("path");
inline const QString flash = QStringLiteral("flash");
// A child view's session token (<.live_render>): its class, the session it mounts with, and the
// parent it belongs to (none for a sticky child).
inline const QString module = QStringLiteral("mod");
inline const QString childSession = QStringLiteral("ses");
inline const QString parentId = QStringLiteral("par");
inline const QString parentInstance = QStringLiteral("pin"); // which instance of the parent
inline const QString sticky = QStringLiteral("stk");
} // namespace claims

// The key of the browser session's id in the session map LiveView::mount receives.
inline const QString mountSessionIdKey = QStringLiteral("session_id");
// The browser's address as the server saw it (HTTP request or WebSocket), for views that serve
// loopback differently (operator pages).
inline const QString mountRemoteAddressKey = QStringLiteral("remote_address");

class MountCache;
class CheckpointStore;
class AddressRateLimiter;

struct EndpointContext
{
    // Views of first renders waiting for their join (mount once); null disables it.
    std::shared_ptr<MountCache> mounts;
    // Where opted-in views keep state across restarts; null disables checkpoints.
    std::shared_ptr<CheckpointStore> checkpoints;
    std::shared_ptr<const Router> router;
    std::shared_ptr<const TokenSigner> signer;
    qint64 maxFrameBytes = 256 * 1024;
    qint64 viewTokenTtlSeconds = 14 * 24 * 3600;
    QString rootLayout = QStringLiteral("layout/root.heex"); // EndpointOptions::rootLayout
    QString defaultTitle = QStringLiteral("LiveView");
    QByteArray sessionCookieName = QByteArrayLiteral("_liveview_session"); // EndpointOptions'
    QString metricsPrefix = QStringLiteral("liveview");                    // EndpointOptions'
    QByteArray contentSecurityPolicy; // header of HTML pages; empty: none
    // Operator routes (see http/operator_api.h).
    bool metricsEnabled = false;
    QStringList metricsAllowed;
    QByteArray adminToken; // empty: the admin API is off
    QStringList adminAllowed;
    // Front-door limits (EndpointOptions says what each means).
    int maxRequestLineBytes = 8 * 1024;
    int maxHeaderBytes = 16 * 1024;
    int maxHeaderCount = 100;
    qint64 maxBodyBytes = 8 * 1024;
    int requestTimeoutMs = 5000;
    int idleTimeoutMs = 30000;
    int heartbeatTimeoutMs = 60000;
    qint64 maxSendQueueBytes = 1024 * 1024;
    // Resumable uploads served at /uploads/resumable/; null without a data directory.
    std::shared_ptr<ResumableUploads> resumableUploads;
    // Joins per second and address; null when unlimited.
    std::shared_ptr<AddressRateLimiter> joinRate;
};

// The browser session as read from the signed cookie on the page request or socket upgrade.
struct BrowserSession
{
    QString id;
    QByteArray csrfSecret;
    bool isValid() const { return !id.isEmpty() && !csrfSecret.isEmpty(); }
};

} // namespace liveview::internal
