// livedeck: starts the LiveDeck server with the embedded default configuration.
#include "allocator_tuning.h"
#include "command_line.h"
#include "database_migrations.h"
#include "livedeck_version.h"
#include "run_mode.h"
#include "unix_signals.h"

#include <admin_launcher.h>

#include <chat/chat_routes.h>
#include <dashboards.h>
#include <examples/chat_archiver.h>
#include <examples/chat_history.h>
#include <examples/chat_room_log.h>
#include <examples/chat_view.h>
#include <examples/examples.h>
#include <feed/operator_access.h>
#include <livedeck/widgets/widgets.h>
#include <liveview/cluster.h>
#include <liveview/dev_reloader.h>
#include <liveview/endpoint.h>
#include <liveview/monitor.h>

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <cstdio>

int main(int argc, char *argv[])
{
    // Qt's glib dispatcher degrades badly with thousands of sockets (see shared/qt-6.4-notes.md);
    // this must be set before the application object exists.
    qputenv("QT_NO_GLIB", "1");
    livedeck::tuneAllocatorForBursts();
    const livedeck::RunModeChoice run = livedeck::chooseRunMode(argc, argv);
    if (run.mode == livedeck::RunMode::RemoteAdmin)
        return livedeck::admin::runRemoteWindow(argc, argv, run.display);
    const std::unique_ptr<QCoreApplication> application =
        run.mode == livedeck::RunMode::Window ? livedeck::admin::createWindowApplication(argc, argv)
                                              : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("LiveDeck"));
    QCoreApplication::setApplicationName(QStringLiteral("livedeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LIVEDECK_VERSION));

    const livedeck::CommandLine cl = livedeck::parseCommandLine();
    std::printf("LiveDeck runs %s\n", qPrintable(run.reason));

    std::unique_ptr<liveview::DevReloader> reloader;
    if (cl.dev)
        // Every template root the program uses is read from its sources: LiveDeck's own, then
        // the engine's (its layouts and <.link>); the stylesheets are LiveDeck's.
        reloader = std::make_unique<liveview::DevReloader>(
            QStringList{cl.resourcesDirectory + QStringLiteral("/templates"),
                        QStringLiteral(LIVEVIEW_ENGINE_SOURCE_RESOURCES "/templates")},
            QStringList{cl.resourcesDirectory + QStringLiteral("/assets")});

    // The embedded default store: one SQLite file in the data directory.
    QDir().mkpath(cl.dataDirectory);
    QString storeError;
    const auto store =
        liveview::Store::open(QDir(cl.dataDirectory).filePath(QStringLiteral("livedeck.sqlite")),
                              livedeck::databaseMigrations(), &storeError);
    if (!store) {
        std::fprintf(stderr, "livedeck: %s\n", qPrintable(storeError));
        return 1;
    }

    auto router = std::make_shared<liveview::Router>();
    // The chat example and the chat product share rooms: one history, one log of recent messages.
    const auto chatHistory = std::make_shared<livedeck::examples::ChatHistory>(store);
    const auto chatLog = std::make_shared<livedeck::examples::ChatRoomLog>(
        chatHistory, livedeck::examples::ChatView::keptMessages);
    livedeck::examples::registerExamples(*router, chatHistory, chatLog);
    livedeck::chat::registerChat(
        *router, livedeck::chat::makeChatServices(
                     store, chatHistory, chatLog,
                     QDir(cl.dataDirectory).filePath(QStringLiteral("chat-files"))));
    livedeck::dashboards::registerDashboards(*router, &app);

    // Joined once the examples are registered: what the cluster replays to a node that was away
    // finds their subscribers (the chat archiver) in place.
    std::unique_ptr<liveview::RedisCluster> cluster;
    if (!cl.redisUrl.isEmpty()) {
        liveview::ClusterOptions clusterOptions;
        clusterOptions.redisUrl = cl.redisUrl;
        clusterOptions.nodeTimeout = std::chrono::milliseconds(cl.nodeTimeoutMs);
        clusterOptions.heartbeat = std::chrono::milliseconds(std::max(100, cl.nodeTimeoutMs / 5));
        // Chat messages reach a node that was down or cut off when it is back.
        clusterOptions.replayedTopics = {livedeck::examples::ChatArchiver::topic()};
        cluster = std::make_unique<liveview::RedisCluster>(clusterOptions);
        QString clusterError;
        if (!cluster->start(&clusterError)) {
            std::fprintf(stderr, "livedeck: %s\n", qPrintable(clusterError));
            return 1;
        }
    }

    liveview::EndpointOptions options;
    options.address = cl.bind;
    options.port = cl.port;
    options.dataDirectory = cl.dataDirectory;
    options.workerThreads = cl.threads;
    options.maxConnections = cl.maxConnections;
    options.allowedOrigins = cl.allowedOrigins;
    options.epollEventLoop = cl.epollEventLoop;
    // LiveDeck's layout, stylesheet, script and icon (resources/), before the engine's defaults.
    options.templateRoots = {QStringLiteral(":/livedeck/templates")};
    options.assetRoots = {QStringLiteral(":/livedeck/assets"),
                          livedeck::widgets::widgetAssetRoot()};
    // Every page is free of inline script and style: browsers are told to refuse any.
    options.contentSecurityPolicy = liveview::strictContentSecurityPolicy();
    options.defaultTitle = QStringLiteral("LiveDeck");
    // LiveDeck's names where other programs see them (the browser's cookie jar, Prometheus).
    options.sessionCookieName = QByteArrayLiteral("_livedeck_session");
    options.metricsPrefix = QStringLiteral("livedeck");
    options.metrics = cl.operatorOptions.metrics;
    options.metricsAllowed = cl.operatorOptions.metricsAllowed;
    options.adminAllowed = cl.operatorOptions.adminAllowed;
    cl.limits.applyTo(options);
    liveview::Monitor::instance()->setVersion(QStringLiteral(LIVEDECK_VERSION));
    liveview::Monitor::instance()->setReadOnly(cl.operatorOptions.readOnly);
    liveview::Endpoint endpoint(router, options);
    // The cluster first: its goodbye tells the other nodes that our presences leave now; then
    // no broadcast can reach a stopping worker.
    const auto shutDown = [&] {
        if (cluster)
            cluster->stop();
        endpoint.stop();
    };
    // Handled from here on: a SIGTERM while the window is still being built (right after the
    // "listening" line scripts wait for) must shut down cleanly, not kill the process.
    livedeck::UnixSignals unixSignals;
    QObject::connect(&unixSignals, &livedeck::UnixSignals::terminationRequested, &app,
                     [&](int number) {
                         qInfo("signal %d: shutting down", number);
                         shutDown();
                         app.quit();
                     });
    QString error;
    if (!endpoint.start(&error)) {
        std::fprintf(stderr, "livedeck: %s\n", qPrintable(error));
        return 1;
    }
    // Tests and scripts read this line to learn the port (also with --port 0); the signal
    // handlers exist by now, so a SIGTERM sent as soon as it appears stops the server cleanly.
    std::printf("LiveDeck listening on %s\n", qPrintable(endpoint.url().toString()));
    std::fflush(stdout);
    livedeck::dashboards::OperatorAccess::setToken(endpoint.adminToken());
    if (!endpoint.adminToken().isEmpty())
        qInfo("admin API token in %s",
              qPrintable(QDir(cl.dataDirectory).filePath(QStringLiteral("admin.token"))));

    std::unique_ptr<QObject> window;
    if (run.mode == livedeck::RunMode::Window)
        window = livedeck::admin::openInProcessWindow([&](bool start, QString *error) {
            if (start)
                return endpoint.start(error);
            endpoint.stop();
            return true;
        });

    const int status = app.exec();
    // Closing the window ends the program as a signal does.
    window.reset();
    shutDown();
    return status;
}
