// The Endpoint: builds the shared context, opens the port and runs one ServerWorker per thread.
#include "liveview/endpoint.h"
#include "liveview/epoll_event_dispatcher.h"

#include "../channel/address_rate_limiter.h"
#include "../channel/endpoint_context.h"
#include "../monitor/server_status.h"
#include "../store/checkpoint_store.h"
#include "../view/mount_cache.h"
#include "connection_balancer.h"
#include "fd_budget.h"
#include "listen_socket.h"
#include "liveview/monitor.h"
#include "liveview/resumable_uploads.h"
#include "liveview/template.h"
#include "liveview/upload.h"
#include "operator_api.h"
#include "server_worker.h"
#include "static_assets.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>
#include <fcntl.h>
#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace liveview {
namespace internal {

class EndpointPrivate
{
public:
    EndpointOptions options;
    std::shared_ptr<Router> router;
    std::shared_ptr<EndpointContext> context;
    std::shared_ptr<ConnectionBudget> budget = std::make_shared<ConnectionBudget>();
    std::vector<QThread *> threads;
    std::vector<ServerWorker *> workers;
    quint16 port = 0;
    bool running = false;
    QTimer checkpointPurge; // expired view checkpoints leave the database hourly
    QTimer resumableSweep;  // so do expired resumable uploads
};

} // namespace internal

namespace {

void applyLimits(const EndpointOptions &o, internal::EndpointContext &c,
                 internal::ConnectionBudget &budget)
{
    c.maxRequestLineBytes = qMax(256, o.maxRequestLineBytes);
    c.maxHeaderBytes = qMax(c.maxRequestLineBytes, o.maxHeaderBytes);
    c.maxHeaderCount = qMax(1, o.maxHeaderCount);
    c.maxBodyBytes = qMax<qint64>(0, o.maxBodyBytes);
    c.requestTimeoutMs = qMax(1, o.requestTimeoutMs);
    c.idleTimeoutMs = qMax(1, o.idleTimeoutMs);
    c.heartbeatTimeoutMs = qMax(1, o.heartbeatTimeoutMs);
    c.maxSendQueueBytes = qMax<qint64>(0, o.maxSendQueueBytes);
    if (o.joinsPerSecond > 0)
        c.joinRate =
            std::make_shared<internal::AddressRateLimiter>(o.joinsPerSecond, o.rateLimitLoopback);
    budget.httpLimit = qMax(1, o.maxHttpConnections);
    if (o.connectionsPerSecond > 0)
        budget.connectRate = std::make_shared<internal::AddressRateLimiter>(o.connectionsPerSecond,
                                                                            o.rateLimitLoopback);
}

} // namespace

Endpoint::Endpoint(std::shared_ptr<Router> router, EndpointOptions options, QObject *parent)
    : QObject(parent), d(std::make_unique<internal::EndpointPrivate>())
{
    d->router = std::move(router);
    d->options = std::move(options);
}

Endpoint::~Endpoint()
{
    stop();
}

bool Endpoint::start(QString *error)
{
    using namespace internal;
    if (d->running)
        return true;
    Monitor::instance(); // on this (the owning) thread: its coalescing timer runs here
    const QByteArray key = TokenSigner::loadOrCreateKey(d->options.dataDirectory, error);
    if (key.isEmpty())
        return false;
    d->context = std::make_shared<EndpointContext>();
    d->context->router = d->router;
    d->context->signer = std::make_shared<TokenSigner>(key);
    d->context->maxFrameBytes = d->options.maxFrameBytes;
    d->context->mounts = std::make_shared<MountCache>();
    d->context->metricsEnabled = d->options.metrics;
    d->context->metricsAllowed = d->options.metricsAllowed;
    d->context->adminAllowed = d->options.adminAllowed;
    if (d->options.adminApi && !d->options.dataDirectory.isEmpty()) {
        d->context->adminToken = loadOrCreateAdminToken(d->options.dataDirectory, error);
        if (d->context->adminToken.isEmpty())
            return false;
    }
    if (!d->options.dataDirectory.isEmpty()) {
        // Upload files of a previous run (killed before it could remove them) are orphans now:
        // nothing can resume a channel upload. Other writers sweep their own subdirectories.
        UploadStorage::setDirectory(
            QDir(d->options.dataDirectory).filePath(QStringLiteral("upload-tmp")));
        UploadStorage::sweep(UploadStorage::channelDirectory());
    }
    if (!d->options.dataDirectory.isEmpty()) {
        // A broken checkpoint database costs restarts their state, not the server its start.
        QString checkpointError;
        d->context->checkpoints = CheckpointStore::open(
            QDir(d->options.dataDirectory).filePath(QStringLiteral("checkpoints.sqlite")),
            &checkpointError);
        if (d->context->checkpoints) {
            d->context->checkpoints->setLifetimeSeconds(d->options.checkpointLifetimeSeconds);
            d->context->checkpoints->purgeExpired();
            d->checkpointPurge.setInterval(std::chrono::hours(1));
            QObject::connect(&d->checkpointPurge, &QTimer::timeout, this,
                             [store = d->context->checkpoints] { store->purgeExpired(); });
            d->checkpointPurge.start();
        } else {
            qCWarning(lcHttp).noquote() << "view checkpoints are off:" << checkpointError;
        }
        // Resumable uploads live beside the channel uploads' temporary files. Entries left by a
        // kill -9 are kept for their lifetime (their uploads resume), then swept: at start and
        // hourly.
        d->context->resumableUploads = std::make_shared<ResumableUploads>(
            QDir(UploadStorage::directory()).filePath(QStringLiteral("resumable")),
            d->context->signer, d->options.resumableUploadLifetimeSeconds);
        d->resumableSweep.setInterval(std::chrono::hours(1));
        QObject::connect(&d->resumableSweep, &QTimer::timeout, this,
                         [store = d->context->resumableUploads] { store->sweepExpired(); });
        d->resumableSweep.start();
        ResumableUploads::setShared(d->context->resumableUploads);
    }
    const qint64 descriptorLimit = raiseDescriptorLimit();
    d->budget->limit = connectionCapFor(descriptorLimit, d->options.maxConnections);
    if (d->options.maxConnections > d->budget->limit)
        qCWarning(lcHttp) << "WebSocket cap lowered from" << d->options.maxConnections << "to"
                          << d->budget->limit << "by the file-descriptor limit" << descriptorLimit;
    applyLimits(d->options, *d->context, *d->budget);
    auto assets = std::make_shared<StaticAssets>();
    assets->load(d->options.assetRoots + QStringList{QStringLiteral(":/liveview/assets")});
    for (const QString &root : std::as_const(d->options.templateRoots))
        TemplateLibrary::addTemplateRoot(root);
    d->context->rootLayout = d->options.rootLayout;
    d->context->defaultTitle = d->options.defaultTitle;
    d->context->sessionCookieName = d->options.sessionCookieName;
    d->context->metricsPrefix = d->options.metricsPrefix;
    d->context->contentSecurityPolicy = d->options.contentSecurityPolicy.toUtf8();

    const int threadCount = d->options.workerThreads > 0 ? d->options.workerThreads
                                                         : qMax(1, QThread::idealThreadCount());
    quint16 port = d->options.port;
    QString socketError;
    const int listenFd =
        openListenSocket(d->options.address, port, d->options.listenBacklog, &port, &socketError);
    if (listenFd < 0) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(d->options.address.toString())
                     .arg(port)
                     .arg(socketError);
        return false;
    }
    d->budget->balancer = std::make_shared<ConnectionBalancer>(threadCount);
    std::vector<int> descriptors{listenFd};
    for (int i = 1; i < threadCount; ++i)
        descriptors.push_back(::fcntl(listenFd, F_DUPFD_CLOEXEC, 0));
    d->port = port;
    for (int i = 0; i < threadCount; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("liveview-io-%1").arg(i));
        if (d->options.epollEventLoop)
            thread->setEventDispatcher(new EpollEventDispatcher);
        auto *worker =
            new ServerWorker(d->context, assets, d->budget, d->options.allowedOrigins, i);
        worker->moveToThread(thread);
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        connect(
            worker, &ServerWorker::connectionCountChanged, this,
            [this] {
                for (ServerWorker *w : d->workers)
                    QMetaObject::invokeMethod(w, &ServerWorker::updateAccepting,
                                              Qt::QueuedConnection);
                emit connectionCountChanged(connectionCount());
            },
            Qt::QueuedConnection);
        thread->start();
        bool adopted = false;
        QMetaObject::invokeMethod(
            worker, [&] { adopted = worker->adoptListenSocket(descriptors[size_t(i)]); },
            Qt::BlockingQueuedConnection);
        d->threads.push_back(thread);
        d->workers.push_back(worker);
        if (!adopted) {
            *error = QStringLiteral("cannot serve the listening socket");
            stop();
            return false;
        }
    }
    // Workers tell each other directly when the count changes, so that reaching the cap pauses
    // every accept socket at once even while the Endpoint's own thread is busy.
    for (ServerWorker *from : d->workers)
        for (ServerWorker *to : d->workers)
            if (from != to)
                connect(from, &ServerWorker::connectionCountChanged, to,
                        &ServerWorker::updateAccepting, Qt::QueuedConnection);
    d->running = true;
    ServerStatus &status = ServerStatus::instance();
    status.running = true;
    status.connectionCap = d->budget->limit;
    status.workerThreads = threadCount;
    status.startedAtMs = QDateTime::currentMSecsSinceEpoch();
    status.setListenUrl(url().toString());
    qCInfo(lcHttp) << "serving on" << url().toString() << "with" << threadCount
                   << "event-loop threads, at most" << d->budget->limit << "WebSockets";
    return true;
}

void Endpoint::stop()
{
    d->checkpointPurge.stop();
    d->resumableSweep.stop();
    if (d->context && ResumableUploads::shared() == d->context->resumableUploads)
        ResumableUploads::setShared(nullptr);
    if (d->threads.empty())
        return;
    for (internal::ServerWorker *w : d->workers)
        QMetaObject::invokeMethod(w, &internal::ServerWorker::shutdown,
                                  Qt::BlockingQueuedConnection);
    // Let the close frames reach the browsers before the threads end.
    QDeadlineTimer deadline(1500);
    while (d->budget->open.load() > 0 && !deadline.hasExpired())
        QThread::msleep(10);
    for (QThread *t : d->threads) {
        t->quit();
        t->wait();
        delete t;
    }
    d->threads.clear();
    d->workers.clear();
    d->running = false;
    internal::ServerStatus::instance().running = false;
}

quint16 Endpoint::port() const
{
    return d->port;
}

QUrl Endpoint::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(d->options.address.isEqual(QHostAddress::Any) ||
                      d->options.address.isEqual(QHostAddress::AnyIPv6)
                  ? QStringLiteral("127.0.0.1")
                  : d->options.address.toString());
    u.setPort(d->port);
    return u;
}

int Endpoint::connectionCount() const
{
    return d->budget->open.load();
}

std::shared_ptr<ResumableUploads> Endpoint::resumableUploads() const
{
    return d->context ? d->context->resumableUploads : nullptr;
}

QString strictContentSecurityPolicy()
{
    // 'self' covers the socket too (ws: on the page's own host and port, CSP Level 3). SVG
    // presentation attributes (x, width, points) are markup, not inline style, and are allowed.
    return QStringLiteral("default-src 'self'; script-src 'self'; style-src 'self'; "
                          "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; "
                          "object-src 'none'; base-uri 'self'; frame-ancestors 'self'; "
                          "form-action 'self'");
}

QByteArray Endpoint::adminToken() const
{
    return d->context ? d->context->adminToken : QByteArray();
}

} // namespace liveview
