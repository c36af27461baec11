// The LiveViewTest harness: an in-memory socket speaking the real channel protocol to the engine.
#include "liveview/testing/live_view_test.h"

#include "channel/connection.h"
#include "client_tree.h"
#include "form_serializer.h"
#include "http/broadcast_scopes.h"
#include "http/browser_session_cookie.h"
#include "http/page_renderer.h"
#include "live_test_app_access.h"
#include "store/checkpoint_store.h"
#include "view/mount_cache.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QThreadPool>

namespace liveview::testing {

using namespace liveview::internal;

namespace {

struct MemorySink : FrameSink
{
    QList<QByteArray> frames;
    int closeCode = 0;
    QString closeReason;
    void sendText(const QByteArray &frame) override { frames.append(frame); }
    void closeConnection(CloseCode code, const QString &reason) override
    {
        closeCode = int(code);
        closeReason = reason;
    }
};

} // namespace

LiveTestApp::LiveTestApp(std::shared_ptr<Router> router, bool mountOnce)
    : m_context(std::make_shared<EndpointContext>())
{
    m_context->router = std::move(router);
    m_context->signer = std::make_shared<TokenSigner>(TokenSigner::randomBytes(64));
    if (mountOnce)
        m_context->mounts = std::make_shared<MountCache>();
    // The test's views take broadcasts on this thread the way a socket thread's do.
    installBroadcastScopes();
}

LiveTestApp::~LiveTestApp() = default;

bool LiveTestApp::enableCheckpoints(const QString &path, QString *error, qint64 lifetimeSeconds)
{
    m_context->checkpoints = CheckpointStore::open(path, error);
    if (m_context->checkpoints)
        m_context->checkpoints->setLifetimeSeconds(lifetimeSeconds);
    return bool(m_context->checkpoints);
}

LiveTestApp::Page LiveTestApp::get(const QString &path, const QByteArray &cookies) const
{
    Page page;
    const QUrl url(QStringLiteral("http://localhost") + path);
    const Router::Match match = m_context->router->match(url.path());
    if (!match.isValid()) {
        page.status = 404;
        return page;
    }
    BrowserSession session =
        readSessionCookie(*m_context->signer, m_context->sessionCookieName, cookies);
    if (!session.isValid())
        session = newBrowserSession();
    const PageResult result =
        renderLivePage(*m_context, match, url, session,
                       readFlashCookie(*m_context->signer, cookies), m_remoteAddress);
    page.status = result.status;
    page.html = QString::fromUtf8(result.html);
    const QByteArray setCookie =
        sessionSetCookie(*m_context->signer, m_context->sessionCookieName, session);
    page.cookie = setCookie.left(setCookie.indexOf(';'));
    return page;
}

void LiveTestApp::limitWaitingMounts(int perSession, int total)
{
    m_context->mounts = std::make_shared<MountCache>(std::chrono::seconds(10), total, perSession);
}

int LiveTestApp::waitingMounts() const
{
    return m_context->mounts ? m_context->mounts->size() : 0;
}

int LiveTestApp::waitingMountsOf(const QString &sessionId) const
{
    return m_context->mounts ? m_context->mounts->sizeOf(sessionId) : 0;
}

struct LiveViewTest::Private
{
    std::shared_ptr<const EndpointContext> context;
    // Shared with the child views joined over the same socket (liveChild).
    std::shared_ptr<MemorySink> sink = std::make_shared<MemorySink>();
    std::shared_ptr<Connection> connection;
    bool nested = false; // a child view: joins without a URL
    QString parentTopic; // a child view ends when its parent does (the client destroys it)
    QString url, topic, viewId, csrf, sessionToken, staticToken, deadRender;
    int refCounter = 3;
    int uploadEntries = 0;
    QString joinRef;
    QString pendingJoinRef;
    qsizetype consumed = 0;
    ClientTree tree;
    QJsonObject lastDiff, lastReply;
    QString lastStatus;
    bool crashed = false;
    int mounts = 0;
    QSet<QString> touched; // form fields the simulated user has typed into
    QString lastPatch;
    QJsonObject lastRedirect;

    QString nextRef() { return QString::number(++refCounter); }

    // Frames held for a checkpoint write go out once it is durable, posted to this thread: the
    // test sees them as the browser would, after the write.
    void awaitHeldFrames()
    {
        const QDeadlineTimer deadline(30000);
        while (connection->holdsFrames() && !deadline.hasExpired()) {
            if (context->checkpoints)
                context->checkpoints->flush();
            QCoreApplication::sendPostedEvents();
            QCoreApplication::processEvents();
        }
    }

    void receive(const QByteArray &frame)
    {
        connection->receiveText(frame);
        awaitHeldFrames();
    }

    void applyFrames()
    {
        for (; consumed < sink->frames.size(); ++consumed) {
            const QJsonArray frame = QJsonDocument::fromJson(sink->frames.at(consumed)).array();
            const QString event = frame.at(3).toString();
            const QJsonObject payload = frame.at(4).toObject();
            if (!parentTopic.isEmpty() && frame.at(2).toString() == parentTopic &&
                (event == u"phx_error" || event == u"phx_close") && !joinRef.isEmpty())
                crashed = true; // the server ended this child with its parent, sending nothing
            if (frame.at(2).toString() != topic)
                continue;
            if (event == u"phx_reply") {
                const QString status = payload.value(QStringLiteral("status")).toString();
                const QJsonObject response = payload.value(QStringLiteral("response")).toObject();
                if (frame.at(1).toString() == pendingJoinRef) {
                    pendingJoinRef.clear();
                    if (status != u"ok")
                        throw HarnessError(
                            "join refused: " +
                            QJsonDocument(response).toJson(QJsonDocument::Compact).toStdString());
                    joinRef = frame.at(0).toString();
                    crashed = false;
                    ++mounts;
                    tree.reset(response.value(QStringLiteral("rendered")).toObject());
                    continue;
                }
                lastStatus = status;
                lastReply = response;
                for (const char *kind : {"live_redirect", "redirect"})
                    if (response.contains(QLatin1String(kind))) {
                        lastRedirect = response.value(QLatin1String(kind)).toObject();
                        lastRedirect.insert(QStringLiteral("kind_of"), QLatin1String(kind));
                    }
                lastDiff = response.value(QStringLiteral("diff")).toObject();
                if (!lastDiff.isEmpty())
                    tree.merge(lastDiff);
            } else if (event == u"diff") {
                if (frame.at(0).toString() != joinRef)
                    continue; // stale join generation: the client drops these too
                lastDiff = payload;
                tree.merge(payload);
            } else if (event == u"live_patch") {
                lastPatch = payload.value(QStringLiteral("to")).toString();
            } else if (event == u"live_redirect" || event == u"redirect") {
                lastRedirect = payload;
                lastRedirect.insert(QStringLiteral("kind_of"), event);
            } else if (event == u"phx_error") {
                if (frame.at(0).toString() == joinRef)
                    crashed = true;
            }
        }
    }

    void join(const QString &redirect = {}, const QJsonValue &flash = {})
    {
        const QString ref = nextRef();
        pendingJoinRef = ref;
        const QJsonObject params{{QStringLiteral("_csrf_token"), csrf},
                                 {QStringLiteral("_mounts"), mounts},
                                 {QStringLiteral("_mount_attempts"), 0}};
        QJsonObject payload{{QStringLiteral("params"), params},
                            {QStringLiteral("session"), sessionToken},
                            {QStringLiteral("static"),
                             staticToken.isEmpty() ? QJsonValue() : QJsonValue(staticToken)},
                            {QStringLiteral("sticky"), false}};
        if (nested) {
            // children join with their session token alone, as the client's child views do
        } else if (redirect.isEmpty()) {
            payload.insert(QStringLiteral("url"), url);
        } else { // live navigation: same topic, the target URL, the old session token
            payload.insert(QStringLiteral("redirect"), redirect);
            if (flash.isString())
                payload.insert(QStringLiteral("flash"), flash);
            url = redirect;
        }
        const QJsonArray frame{ref, ref, topic, QStringLiteral("phx_join"), payload};
        receive(QJsonDocument(frame).toJson(QJsonDocument::Compact));
        applyFrames();
        if (!pendingJoinRef.isEmpty())
            throw HarnessError("the server did not reply to phx_join");
    }
};

LiveViewTest::LiveViewTest(std::unique_ptr<Private> d) : d(std::move(d))
{
}
LiveViewTest::LiveViewTest(LiveViewTest &&) noexcept = default;
LiveViewTest::~LiveViewTest() = default;

LiveViewTest live(const LiveTestApp &app, const QString &path)
{
    return live(app, path, app.get(path));
}

LiveViewTest live(const LiveTestApp &app, const QString &path, const LiveTestApp::Page &page)
{
    if (page.status != 200)
        throw HarnessError(
            QStringLiteral("GET %1 answered %2").arg(path).arg(page.status).toStdString());
    const HtmlDocument doc = HtmlDocument::parse(page.html);
    const HtmlElement container = doc.selectOne(QStringLiteral("[data-phx-main]"));
    const HtmlElement csrf = doc.selectOne(QStringLiteral("meta[name=csrf-token]"));
    if (container.isNull() || csrf.isNull())
        throw HarnessError("the page has no live view container or no csrf-token meta");

    auto d = std::make_unique<LiveViewTest::Private>();
    d->context = internal::LiveTestAppAccess::context(app);
    d->url = QStringLiteral("http://localhost") + path;
    d->viewId = container.id();
    d->topic = QStringLiteral("lv:") + d->viewId;
    d->sessionToken = container.attribute(QStringLiteral("data-phx-session"));
    d->staticToken = container.attribute(QStringLiteral("data-phx-static"));
    d->csrf = csrf.attribute(QStringLiteral("content"));
    d->deadRender = page.html;
    const BrowserSession session =
        readSessionCookie(*d->context->signer, d->context->sessionCookieName, page.cookie);
    d->connection = std::make_shared<Connection>(d->context, session, d->sink.get());
    auto stats = std::make_shared<ConnectionStats>();
    stats->remoteAddress = app.remoteAddress();
    d->connection->setStats(std::move(stats));
    d->join();
    return LiveViewTest(std::move(d));
}

LiveViewTest LiveViewTest::liveChild(const QString &id)
{
    const QString selector = QStringLiteral("[id=\"%1\"][data-phx-session]").arg(id);
    const HtmlElement container = document().selectOne(selector);
    if (container.isNull())
        throw HarnessError(
            QStringLiteral("no child view container #%1 in the view").arg(id).toStdString());
    auto c = std::make_unique<Private>();
    c->context = d->context;
    c->sink = d->sink;
    c->connection = d->connection;
    c->nested = true;
    if (!container.hasAttribute(QStringLiteral("data-phx-sticky")))
        c->parentTopic = d->topic; // a sticky view has no parent: navigation does not end it
    c->url = d->url;
    c->viewId = id;
    c->topic = QStringLiteral("lv:") + id;
    c->sessionToken = container.attribute(QStringLiteral("data-phx-session"));
    // The static token is only in the first HTTP render (the client copies it from the page).
    const HtmlElement first = HtmlDocument::parse(d->deadRender).selectOne(selector);
    if (!first.isNull())
        c->staticToken = first.attribute(QStringLiteral("data-phx-static"));
    c->csrf = d->csrf;
    c->deadRender = d->deadRender;
    c->consumed = d->sink->frames.size(); // what was sent before the child joined is not its
    c->join();
    return LiveViewTest(std::move(c));
}

QString LiveViewTest::render() const
{
    if (d->crashed)
        throw HarnessError("the view crashed (phx_error); call rejoin() to mount it again");
    return d->tree.toHtml();
}

HtmlDocument LiveViewTest::document() const
{
    return HtmlDocument::parseFragment(render());
}

ElementQuery LiveViewTest::element(const QString &selector, const QString &text)
{
    return ElementQuery(this, selector, text);
}

bool LiveViewTest::hasElement(const QString &selector, const QString &text)
{
    return element(selector, text).exists();
}

QString LiveViewTest::push(const QString &event, const QJsonObject &payload)
{
    const QString ref = d->nextRef();
    const QJsonArray frame{d->joinRef, ref, d->topic, event, payload};
    d->lastReply = QJsonObject();
    d->lastDiff = QJsonObject();
    d->lastStatus.clear();
    d->receive(QJsonDocument(frame).toJson(QJsonDocument::Compact));
    d->applyFrames();
    if (d->crashed)
        throw HarnessError(QStringLiteral("the view crashed handling %1").arg(event).toStdString());
    if (d->lastStatus.isEmpty())
        throw HarnessError(QStringLiteral("no reply to %1").arg(event).toStdString());
    return d->tree.toHtml();
}

QString LiveViewTest::renderEvent(const QString &event, const QVariantMap &value,
                                  const QString &type)
{
    return push(QStringLiteral("event"),
                {{QStringLiteral("type"), type},
                 {QStringLiteral("event"), event},
                 {QStringLiteral("value"), QJsonObject::fromVariantMap(value)}});
}

QString LiveViewTest::renderPatch(const QString &path)
{
    const QString html = push(QStringLiteral("live_patch"),
                              {{QStringLiteral("url"), QStringLiteral("http://localhost") + path}});
    if (d->lastReply.value(QStringLiteral("link_redirect")).toBool())
        throw HarnessError(
            QStringLiteral("%1 belongs to another view: navigate there").arg(path).toStdString());
    d->url = QStringLiteral("http://localhost") + path;
    return html;
}

QString LiveViewTest::assertPatch() const
{
    return d->lastPatch;
}
QJsonObject LiveViewTest::assertRedirect() const
{
    return d->lastRedirect;
}

QString LiveViewTest::followRedirect()
{
    if (d->lastRedirect.value(QStringLiteral("kind_of")).toString() != u"live_redirect")
        throw HarnessError("no live_redirect to follow (a full-page redirect needs live(app, to))");
    const QString to = d->lastRedirect.value(QStringLiteral("to")).toString();
    const QJsonValue flash = d->lastRedirect.value(QStringLiteral("flash"));
    d->lastRedirect = QJsonObject();
    d->join(QStringLiteral("http://localhost") + to, flash);
    return d->tree.toHtml();
}

QString LiveViewTest::renderAsync(int timeoutMs)
{
    if (!QThreadPool::globalInstance()->waitForDone(timeoutMs))
        throw HarnessError("background work did not finish in time");
    return processPending();
}

QString LiveViewTest::processPending()
{
    QCoreApplication::sendPostedEvents();
    d->awaitHeldFrames();
    d->applyFrames();
    return d->crashed ? QString() : d->tree.toHtml();
}

QString LiveViewTest::rejoin()
{
    d->join();
    return d->tree.toHtml();
}

QJsonObject LiveViewTest::assertPushEvent(const QString &name)
{
    QJsonObject found;
    bool any = false;
    for (const QJsonValue &e : d->tree.takeEvents()) {
        if (e.toArray().at(0).toString() == name) {
            found = e.toArray().at(1).toObject();
            any = true;
        }
    }
    if (!any)
        throw HarnessError(QStringLiteral("no push_event \"%1\"").arg(name).toStdString());
    return found;
}

QString LiveViewTest::deadRender() const
{
    return d->deadRender;
}

QString LiveViewTest::title() const
{
    return d->tree.title();
}
QJsonArray LiveViewTest::takePushedEvents()
{
    return d->tree.takeEvents();
}
QJsonObject LiveViewTest::lastDiff() const
{
    return d->lastDiff;
}
QJsonObject LiveViewTest::lastReply() const
{
    return d->lastReply;
}
QString LiveViewTest::lastReplyStatus() const
{
    return d->lastStatus;
}
bool LiveViewTest::isCrashed() const
{
    return d->crashed;
}
QString LiveViewTest::viewId() const
{
    return d->viewId;
}
QString LiveViewTest::nextRef()
{
    return d->nextRef();
}
QString LiveViewTest::joinRef() const
{
    return d->joinRef;
}
QString LiveViewTest::topic() const
{
    return d->topic;
}
QSet<QString> &LiveViewTest::touchedFields()
{
    return d->touched;
}

QString LiveViewTest::csrfToken() const
{
    return d->csrf;
}
QString LiveViewTest::sessionId() const
{
    return d->connection->session().id;
}
int LiveViewTest::closeCode() const
{
    return d->sink->closeCode;
}
QList<QByteArray> LiveViewTest::sentFrames() const
{
    return d->sink->frames;
}

QList<QByteArray> LiveViewTest::sendBinary(const QByteArray &frame)
{
    const qsizetype before = d->sink->frames.size();
    d->connection->receiveBinary(frame);
    const QList<QByteArray> written = d->sink->frames.mid(before);
    d->applyFrames();
    return written;
}

QString LiveViewTest::nextUploadEntryRef()
{
    return QString::number(d->uploadEntries++);
}

FileInput LiveViewTest::fileInput(const QString &formSelector, const QString &uploadName,
                                  const QList<UploadFile> &files)
{
    return FileInput(this, formSelector, uploadName, files);
}

QList<QByteArray> LiveViewTest::sendRaw(const QByteArray &frame)
{
    const qsizetype before = d->sink->frames.size();
    d->receive(frame);
    const QList<QByteArray> written = d->sink->frames.mid(before);
    d->applyFrames();
    return written;
}

} // namespace liveview::testing
