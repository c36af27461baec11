// Command-line parsing with QCommandLineParser; errors name the option and exit with status 2.
#include "command_line.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>
#include <cstdio>

namespace livedeck {
namespace {

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "livedeck: %s\nTry 'livedeck --help'.\n", qPrintable(message));
    std::exit(2);
}

int positiveInt(const QString &text, const QString &option, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0 || value > max)
        fail(QStringLiteral("--%1 expects a number from 0 to %2, got '%3'")
                 .arg(option)
                 .arg(max)
                 .arg(text));
    return value;
}

} // namespace

CommandLine parseCommandLine()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "LiveDeck: real-time dashboards and chat served by a C++ live view engine."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      QStringLiteral("Run the server without the admin window."));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("TCP port (0 picks a free one)."),
                                  QStringLiteral("port"), QStringLiteral("4000"));
    const QCommandLineOption bind(QStringLiteral("bind"), QStringLiteral("Address to listen on."),
                                  QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QStringLiteral(
            "Directory for everything LiveDeck writes (keys, database, temporary files)."),
        QStringLiteral("dir"));
    const QCommandLineOption threads(
        QStringLiteral("threads"),
        QStringLiteral("Event-loop threads for sockets (0: one per core)."), QStringLiteral("n"),
        QStringLiteral("0"));
    const QCommandLineOption maxConnections(
        QStringLiteral("max-connections"),
        QStringLiteral("WebSocket connections accepted at most."), QStringLiteral("n"),
        QStringLiteral("18000"));
    const QCommandLineOption allowOrigin(
        QStringLiteral("allow-origin"),
        QStringLiteral("Extra origin allowed to open sockets (repeatable)."),
        QStringLiteral("origin"));
    const QCommandLineOption dev(
        QStringLiteral("dev"),
        QStringLiteral("Development mode: templates and CSS are read from the "
                       "source tree and reloaded in open pages when saved."));
    const QCommandLineOption resources(
        QStringLiteral("resources"),
        QStringLiteral("With --dev: the resources directory to watch."), QStringLiteral("dir"),
        QStringLiteral(LIVEDECK_SOURCE_RESOURCES));
    const QCommandLineOption redis(
        QStringLiteral("redis"),
        QStringLiteral(
            "Join the LiveDeck nodes sharing this Redis (redis://[:password@]host[:port])"
            ": PubSub and Presence span all of them. Without it everything stays "
            "in this process."),
        QStringLiteral("url"));
    const QCommandLineOption nodeTimeout(
        QStringLiteral("node-timeout"),
        QStringLiteral("With --redis: milliseconds of silence after which another node counts as "
                       "dead and its presences are removed (heartbeats every fifth of it)."),
        QStringLiteral("ms"), QStringLiteral("5000"));
    const QCommandLineOption eventLoop(
        QStringLiteral("event-loop"),
        QStringLiteral("How socket threads wait: 'epoll' (cost follows what is ready) or 'poll' "
                       "(Qt's own dispatcher; cost follows every open socket)."),
        QStringLiteral("kind"), QStringLiteral("epoll"));
    parser.addOptions({headless, port, bind, dataDir, threads, maxConnections, allowOrigin, dev,
                       resources, redis, nodeTimeout, eventLoop});
    OperatorOptionParser operatorOptions;
    operatorOptions.addTo(parser);
    parser.process(*QCoreApplication::instance());
    if (!parser.positionalArguments().isEmpty())
        fail(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    CommandLine cl;
    cl.headless = parser.isSet(headless);
    cl.port = quint16(positiveInt(parser.value(port), QStringLiteral("port"), 65535));
    if (!cl.bind.setAddress(parser.value(bind)))
        fail(QStringLiteral("--bind expects an IP address, got '%1'").arg(parser.value(bind)));
    cl.dataDirectory = parser.isSet(dataDir)
                           ? parser.value(dataDir)
                           : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    cl.threads = positiveInt(parser.value(threads), QStringLiteral("threads"), 64);
    cl.maxConnections =
        positiveInt(parser.value(maxConnections), QStringLiteral("max-connections"), 19000);
    cl.allowedOrigins = parser.values(allowOrigin);
    cl.dev = parser.isSet(dev);
    cl.resourcesDirectory = parser.value(resources);
    if (parser.isSet(redis)) {
        cl.redisUrl = QUrl(parser.value(redis));
        if (cl.redisUrl.scheme() != u"redis" || cl.redisUrl.host().isEmpty())
            fail(QStringLiteral("--redis expects redis://host[:port], got '%1'")
                     .arg(parser.value(redis)));
    }
    cl.nodeTimeoutMs =
        positiveInt(parser.value(nodeTimeout), QStringLiteral("node-timeout"), 3600 * 1000);
    if (cl.nodeTimeoutMs < 500)
        fail(QStringLiteral("--node-timeout must be at least 500 ms"));
    const QString loop = parser.value(eventLoop);
    if (loop != u"epoll" && loop != u"poll")
        fail(QStringLiteral("--event-loop expects 'epoll' or 'poll', got '%1'").arg(loop));
    cl.epollEventLoop = loop == u"epoll";
    cl.operatorOptions = operatorOptions.read(parser);
    return cl;
}

} // namespace livedeck
