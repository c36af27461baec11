// livedeck-conformance: the fixture server Phoenix LiveView's own Playwright suite runs against
// (tests/conformance/run-upstream-suite.sh). Fixtures re-created on the engine, at the suite's
// routes, behind the suite's layout and asset paths.
#include "fixture_router.h"
#include "unix_signals.h"

#include <liveview/endpoint.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>
#include <cstdio>

int main(int argc, char *argv[])
{
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("livedeck-conformance"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serves Phoenix LiveView's e2e fixtures on the LiveDeck engine."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port to listen on (default 4004)."),
                                        QStringLiteral("port"), QStringLiteral("4004"));
    const QCommandLineOption bindOption(QStringLiteral("bind"),
                                        QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                        QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    parser.addOption(portOption);
    parser.addOption(bindOption);
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    const QHostAddress address(parser.value(bindOption));
    if (!portOk || port > 65535 || address.isNull()) {
        std::fprintf(stderr, "livedeck-conformance: invalid --port or --bind\n");
        return 2;
    }

    // Keys, uploads and checkpoints of one run only: every run starts clean.
    QTemporaryDir dataDirectory;
    if (!dataDirectory.isValid()) {
        std::fprintf(stderr, "livedeck-conformance: no temporary directory\n");
        return 1;
    }

    // SIGTERM/SIGINT end the event loop (the temporary directory is removed); SIGPIPE from a
    // browser that went away is ignored.
    livedeck::UnixSignals unixSignals;
    QObject::connect(&unixSignals, &livedeck::UnixSignals::terminationRequested, &app,
                     [] { QCoreApplication::quit(); });

    liveview::EndpointOptions options;
    options.address = address;
    options.port = quint16(port);
    options.dataDirectory = dataDirectory.path();
    options.workerThreads = 2;
    options.templateRoots = {QStringLiteral(":/conformance/templates")};
    options.assetRoots = {QStringLiteral(":/conformance/assets")};
    options.rootLayout = QStringLiteral("layout/e2e_root.heex");
    options.defaultTitle = QStringLiteral("Phoenix LiveView e2e");
    liveview::Endpoint endpoint(conformance::fixtureRouter(), options);
    QString error;
    if (!endpoint.start(&error)) {
        std::fprintf(stderr, "livedeck-conformance: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("livedeck-conformance listening on %s\n", qPrintable(endpoint.url().toString()));
    std::fflush(stdout);
    const int status = app.exec();
    endpoint.stop();
    return status;
}
