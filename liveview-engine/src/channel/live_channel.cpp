// The LiveView channel: join verification, events, live patches, info messages, crash isolation.
#include "live_channel.h"

#include "../form/form_params.h"
#include "../render/wire_keys.h"
#include "../upload/view_uploads.h"
#include "../view/mount_cache.h"
#include "../view/view_runtime.h"
#include "channel_monitoring.h"
#include "connection.h"
#include "liveview/dev_reloader.h"
#include "protocol_keys.h"
#include "shared_diff_encoding.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>

Q_DECLARE_LOGGING_CATEGORY(lcChannel)

namespace liveview::internal {
namespace {

// Patches requested by handle_params in a row before the view is crashed (Phoenix's limit).
constexpr int maxPatchesInARow = 20;

QList<int> cidList(const QJsonObject &payload)
{
    QList<int> cids;
    for (const QJsonValue &v : payload.value(keys::cids).toArray())
        cids.append(v.toInt());
    return cids;
}

QVariantMap routeParams(const QUrl &url, const QVariantMap &pathParams)
{
    QVariantMap params = decodeFormParams(url.query(QUrl::FullyEncoded));
    for (auto it = pathParams.cbegin(); it != pathParams.cend(); ++it)
        params.insert(it.key(), it.value());
    return params;
}

} // namespace

namespace {
// A value read from a parsed frame shares that frame's whole parsed document; the join ref is
// kept for the channel's life, so it gets a copy of its own (the join message is ~2 KB a view).
QJsonValue detached(const QJsonValue &value)
{
    if (value.isString())
        return QJsonValue(value.toString());
    if (value.isDouble())
        return QJsonValue(value.toDouble());
    return value; // null, or not a ref a client sends (kept as it is)
}
} // namespace

LiveChannel::LiveChannel(Connection *connection, QString topic, QJsonValue joinRef)
    : QObject(connection), m_connection(connection), m_topic(std::move(topic)),
      m_joinRef(detached(joinRef))
{
}

LiveChannel::~LiveChannel()
{
    if (m_record)
        monitorSessionEnded(*m_record, m_runtime.get(), m_crashed && !m_endedWithParent);
}

void LiveChannel::registerSession()
{
    m_record = monitorSessionJoined(*m_connection, *m_runtime, m_topic, m_routePattern, m_url,
                                    m_sessionId);
}

bool LiveChannel::refuseJoin(const Frame &frame, const QString &reason, const QString &logMessage)
{
    qCWarning(lcChannel).noquote() << "join refused for" << m_topic << ":" << logMessage;
    monitorJoinRefused(m_topic, logMessage);
    m_connection->reply(frame, status::error, {{keys::reason, reason}});
    return false;
}

bool LiveChannel::join(const Frame &frame)
{
    const EndpointContext &ctx = m_connection->context();
    const QJsonObject &p = frame.payload;
    const QString viewId = m_topic.mid(3);

    const TokenSigner::Result session =
        ctx.signer->verify(purposes::viewSession, p.value(keys::session).toString().toUtf8());
    if (session.status == TokenSigner::Status::Expired)
        return refuseJoin(frame, reasons::stale, QStringLiteral("session token expired"));
    if (!session.isValid())
        return refuseJoin(frame, reasons::unauthorized, QStringLiteral("invalid session token"));
    if (session.claims.value(claims::viewId).toString() != viewId)
        return refuseJoin(frame, reasons::unauthorized,
                          QStringLiteral("session token belongs to another view"));
    const QJsonValue staticToken = p.value(keys::staticToken);
    const TokenSigner::Result staticClaims =
        staticToken.isString()
            ? ctx.signer->verify(purposes::viewStatic, staticToken.toString().toUtf8())
            : TokenSigner::Result{};
    if (staticToken.isString() && !staticClaims.isValid())
        return refuseJoin(frame, reasons::unauthorized, QStringLiteral("invalid static token"));

    // CSRF: the page's token must match the secret in this browser's session cookie.
    const BrowserSession &browser = m_connection->session();
    const QJsonObject params = p.value(keys::params).toObject();
    const QByteArray csrf = params.value(keys::csrfToken).toString().toUtf8();
    if (!browser.isValid() || session.claims.value(claims::sessionId).toString() != browser.id ||
        !TokenSigner::csrfMatches(csrf, browser.csrfSecret))
        return refuseJoin(frame, reasons::stale,
                          QStringLiteral("CSRF token or session cookie does not match"));
    if (session.claims.contains(claims::module))
        return joinNested(frame, session.claims);

    const bool navigation = p.contains(keys::redirect);
    m_url = QUrl(p.value(navigation ? keys::redirect : keys::url).toString());
    if (!m_url.isValid() || m_url.path().isEmpty())
        return refuseJoin(frame, reasons::unauthorized, QStringLiteral("join without a valid url"));
    const Router::Match match = ctx.router->match(m_url.path());
    if (!match.isValid())
        return refuseJoin(frame, reasons::unauthorized,
                          QStringLiteral("no live view at %1").arg(m_url.path()));
    m_routePattern = match.pattern;
    m_routeView = match.view;
    m_routeSession = match.session;
    // Live navigation stays within the live session of the page the browser loaded.
    if (navigation && ctx.router->sessionOf(
                          session.claims.value(claims::routePattern).toString()) != match.session)
        return refuseJoin(
            frame, reasons::unauthorized,
            QStringLiteral("navigation to %1 leaves the live session").arg(m_url.path()));

    bool restored = false;
    try {
        // Mount once: adopt the view of this page's first render if it is still waiting.
        if (!navigation && ctx.mounts)
            m_runtime = ctx.mounts->take(viewId, browser.id, m_url.path());
        const bool adopted = bool(m_runtime);
        if (!adopted)
            m_runtime = std::make_unique<ViewRuntime>(match.factory(), viewId, true);
        m_runtime->mailbox()->attach(this,
                                     [this](const QVariant &message) { deliverInfo(message); });
        m_runtime->setConnectParams(params.toVariantMap());
        m_runtime->setNestedViewSource(this);
        QVariantMap sessionMap{{mountSessionIdKey, browser.id}};
        if (const auto &stats = m_connection->stats())
            sessionMap.insert(mountRemoteAddressKey, stats->remoteAddress.toString());
        // Flash from a live navigation (join payload) or from the page's own render (static token).
        QVariantMap flash;
        if (navigation) {
            const TokenSigner::Result carried =
                ctx.signer->verify(purposes::flash, p.value(keys::flash).toString().toUtf8());
            if (carried.isValid())
                flash = carried.claims.value(claims::flash).toObject().toVariantMap();
        } else {
            flash = staticClaims.claims.value(claims::flash).toObject().toVariantMap();
        }
        m_sessionId = browser.id;
        if (!adopted) {
            m_runtime->mount(routeParams(m_url, match.pathParameters), sessionMap, m_url, flash);
            // Only a page coming back (reload of the socket, server restart) is restored; a live
            // navigation mounts the view it goes to fresh, as Phoenix does.
            if (!navigation)
                restored = restoreCheckpoint();
            else
                dropCheckpoint(); // the state of the page navigated away from is not this page's
        }
        m_runtime->connect();
        m_runtime->setConnectParams({});
        m_checkpointing = ctx.checkpoints && m_runtime->view()->checkpointVersion() > 0;
        listenForReloads();
        QJsonObject rendered = renderJoinTree();
        registerSession();
        const SendAttribution attribution(m_connection, m_record.get());
        m_connection->reply(frame, status::ok,
                            {{keys::rendered, rendered}, {keys::liveviewVersion, liveViewVersion}});
        return true;
    } catch (const std::exception &e) {
        qCCritical(lcChannel).noquote() << "mount of" << m_url.path() << "crashed:" << e.what();
        m_runtime.reset();
        // A restored state that crashes the join would crash every retry: the next one is fresh.
        if (restored)
            dropCheckpoint();
        m_connection->reply(frame, status::error, {{keys::reason, reasons::joinCrashed}});
        return false;
    }
}

void LiveChannel::handle(const Frame &frame)
{
    if (m_crashed)
        return;
    if (m_record)
        m_record->countIn(m_connection->lastFrameBytes());
    const SendAttribution attribution(m_connection, m_record.get());
    if (m_shared) {
        try {
            catchUp(); // the view's own state first: the event acts on what the page shows
        } catch (const std::exception &e) {
            crash("handle_info", e);
            return;
        }
    }
    const QString &event = frame.event;
    if (event == events::viewEvent) {
        handleEvent(frame);
    } else if (event == events::allowUpload) {
        handleAllowUpload(frame);
    } else if (event == events::uploadProgress) {
        handleUploadProgress(frame);
    } else if (event == events::livePatch) {
        handleLivePatch(frame);
    } else if (event == events::cidsWillDestroy) {
        m_runtime->components().markForDestroy(cidList(frame.payload));
        m_connection->reply(frame, status::ok, {});
    } else if (event == events::cidsDestroyed) {
        // Only cids still marked are deleted: one rendered again meanwhile stays.
        QJsonArray deleted;
        for (int cid : m_runtime->components().destroy(cidList(frame.payload)))
            deleted.append(cid);
        m_connection->reply(frame, status::ok, {{keys::cids, deleted}});
    } else {
        qCWarning(lcChannel) << "unknown event" << event << "on" << m_topic;
        m_connection->reply(frame, status::error, {{keys::reason, reasons::unknownEvent}});
    }
}

void LiveChannel::handleEvent(const Frame &frame)
{
    const QJsonObject &p = frame.payload;
    const QString name = p.value(keys::event).toString();
    QVariantMap value;
    if (p.value(keys::type).toString() == values::formEvent) {
        value = decodeFormParams(p.value(keys::value).toString());
        const QVariantMap meta = p.value(keys::meta).toObject().toVariantMap();
        for (auto it = meta.cbegin(); it != meta.cend(); ++it)
            value.insert(it.key(), it.value());
    } else {
        value = p.value(keys::value).toObject().toVariantMap();
    }
    const EventTimer timer(m_record.get(), name);
    try {
        // Files chosen in a form arrive with its change event: the entries are registered (and
        // validated) before the view sees the event, as Phoenix does.
        if (p.value(keys::uploads).isObject() && m_runtime->uploads())
            m_runtime->uploads()->putFormUploads(p.value(keys::uploads).toObject());
        const QJsonValue cid = p.value(keys::cid);
        if (cid.isDouble()) {
            if (!m_runtime->handleComponentEvent(cid.toInt(), name, value))
                qCInfo(lcChannel) << "event" << name
                                  << "for a component that is gone:" << cid.toInt();
        } else {
            m_runtime->handleEvent(name, value);
        }
        finishCallback(&frame);
    } catch (const std::exception &e) {
        crash("handle_event", e, &frame);
    }
}

bool LiveChannel::patchesWithin(const Router::Match &match) const
{
    return match.isValid() && match.view == m_routeView && match.session == m_routeSession;
}

void LiveChannel::handleLivePatch(const Frame &frame)
{
    const QUrl url(frame.payload.value(keys::url).toString());
    const Router::Match match = m_connection->context().router->match(url.path());
    if (!patchesWithin(match)) {
        // Another view: the client falls back to a live redirect (leave + join).
        m_connection->reply(frame, status::ok, {{keys::linkRedirect, true}});
        return;
    }
    try {
        m_url = url;
        m_routePattern = match.pattern;
        m_runtime->handleParams(routeParams(url, match.pathParameters), url);
        finishCallback(&frame);
    } catch (const std::exception &e) {
        crash("handle_params", e, &frame);
    }
}

void LiveChannel::deliverInfo(const QVariant &message)
{
    if (m_crashed || !m_runtime)
        return;
    const SendAttribution attribution(m_connection, m_record.get());
    try {
        if (deliverShared(message))
            return;
        catchUp();
        m_runtime->handleInfo(message);
        // Within a broadcast's batch the thread's views share one encoding per distinct diff.
        finishCallback(nullptr, SharedDiffEncoding::current());
    } catch (const std::exception &e) {
        crash("handle_info", e);
    }
}

void LiveChannel::listenForReloads()
{
    DevReloader *reloader = DevReloader::instance();
    if (!reloader)
        return;
    // Queued into this channel's thread; the view keeps its assigns and renders with the new
    // template (the runtime sees a different template and sends it in full).
    connect(
        reloader, &DevReloader::templatesChanged, this,
        [this] {
            if (!m_crashed && m_runtime)
                renderAfterReload();
        },
        Qt::QueuedConnection);
    connect(
        reloader, &DevReloader::stylesheetChanged, this,
        [this](const QString &path) {
            if (!m_crashed && m_runtime)
                push(events::diff,
                     {{wire::events, QJsonArray{QJsonArray{values::cssReload,
                                                           QJsonObject{{keys::href, path}}}}}});
        },
        Qt::QueuedConnection);
}

void LiveChannel::push(const QString &event, const QJsonObject &payload)
{
    m_connection->send(encodeFrame(m_joinRef, QJsonValue(), m_topic, event, payload));
}

void LiveChannel::pushDiff(const QJsonObject &diff, SharedDiffEncoding *shared)
{
    if (!shared)
        return push(events::diff, diff);
    sendEncodedDiff(shared->encode(diff));
}

QJsonObject LiveChannel::navigationTarget(const QString &to, bool replace, bool live) const
{
    QJsonObject target{{keys::to, to}};
    if (live)
        target.insert(keys::kind, replace ? values::replace : values::push);
    // Flash messages travel to the next view as a short-lived signed token.
    const QVariantMap flash = m_runtime->flash();
    if (!flash.isEmpty())
        target.insert(keys::flash, QString::fromLatin1(m_connection->context().signer->sign(
                                       purposes::flash,
                                       {{claims::flash, QJsonObject::fromVariantMap(flash)}}, 60)));
    return target;
}

void LiveChannel::finishCallback(const Frame *request, SharedDiffEncoding *shared)
{
    if (m_crashed)
        return; // ended during the callback (a child whose parent crashed): nothing to send
    using Kind = ViewRuntime::Navigation::Kind;
    ViewRuntime::Navigation nav = m_runtime->takeNavigation();
    // Phoenix order: handle_params with the new URL, the live_patch push, then the diff. A patch
    // requested by that handle_params is followed the same way (a redirect or navigation it
    // requests is answered below); a view that keeps patching crashes, as Phoenix's does after
    // 20 patches in a row.
    int patches = 0;
    bool replace = false;
    while (nav.kind == Kind::Patch) {
        const QUrl url = m_url.resolved(QUrl(nav.to));
        const Router::Match match = m_connection->context().router->match(url.path());
        if (!patchesWithin(match)) {
            nav.kind = Kind::Navigate; // another view: a patch becomes a navigation
            break;
        }
        if (++patches > maxPatchesInARow)
            throw std::runtime_error("too many redirects: handle_params patched " +
                                     std::to_string(maxPatchesInARow) + " times in a row");
        m_url = url;
        m_routePattern = match.pattern;
        replace = nav.replace;
        m_runtime->handleParams(routeParams(url, match.pathParameters), url);
        nav = m_runtime->takeNavigation();
    }
    if (patches > 0)
        push(events::livePatch,
             {{keys::to, m_url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority)},
              {keys::kind, replace ? values::replace : values::push}});
    QJsonObject response;
    if (nav.kind == Kind::Navigate)
        response.insert(keys::liveRedirect, navigationTarget(nav.to, nav.replace, true));
    else if (nav.kind == Kind::Redirect)
        response.insert(keys::redirect, navigationTarget(nav.to, false, false));
    QJsonObject diff = m_runtime->renderDiff();
    const QJsonObject eventReply = m_runtime->takeEventReply();
    if (request) {
        // A hook's pushEvent callback receives `r` of the reply's diff.
        if (!eventReply.isEmpty())
            diff.insert(wire::reply, eventReply);
        if (!diff.isEmpty() && response.isEmpty())
            response.insert(keys::diff, diff);
        saveCheckpoint(); // before the reply: what the user is shown is what was saved
        m_connection->reply(*request, status::ok, response);
        return;
    }
    saveCheckpoint();
    if (!diff.isEmpty())
        pushDiff(diff, shared);
    if (nav.kind == Kind::Navigate)
        push(events::liveRedirect, response.value(keys::liveRedirect).toObject());
    else if (nav.kind == Kind::Redirect)
        push(events::redirect, response.value(keys::redirect).toObject());
}

void LiveChannel::crash(const char *stage, const std::exception &e, const Frame *request)
{
    if (showTemplateError(e, request))
        return;
    qCCritical(lcChannel).noquote()
        << "view" << m_topic << "crashed in" << stage << ":" << e.what();
    m_crashed = true;
    if (m_record)
        monitorSessionCrashed(*m_record, stage, e.what());
    m_connection->noteCrash(m_topic);
    m_runtime.reset();
    // The saved state led up to a crash: the rejoin mounts fresh rather than restore it.
    dropCheckpoint();
    m_connection->send(encodeFrame(m_joinRef, m_joinRef, m_topic, events::error, {}));
    endChildren();
    m_connection->channelClosed(m_topic, this);
    if (m_linkedToParent && m_parent && !m_parent->m_crashed)
        m_parent->crash("a linked child's crash",
                        std::runtime_error("linked child " + m_topic.toStdString() + " crashed"));
}

} // namespace liveview::internal
