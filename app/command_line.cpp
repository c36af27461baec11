// Command-line parsing with QCommandLineParser, over the values of an optional --config file;
// errors name the option (or the file and key) and exit with status 2.
#include "command_line.h"
#include "option_values.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>
#include <cstdio>

namespace livedeck {
namespace {

[[noreturn]] void fail(const QString &message)
{
    exitWithUsageError(message);
}

// `option` is how the value was given: "--port", or "port in /etc/livedeck/livedeck.conf".
int positiveInt(const QString &text, const QString &option, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0 || value > max)
        fail(QStringLiteral("%1 expects a number from 0 to %2, got '%3'")
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
        QStringLiteral("WebSocket connections accepted at most (0: as many as the file-descriptor "
                       "limit allows, less a reserve)."),
        QStringLiteral("n"), QStringLiteral("0"));
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
    const QCommandLineOption config(
        QStringLiteral("config"),
        QStringLiteral("Read options from this INI file (keys are the long option names, e.g. "
                       "'port = 4000'); options given on the command line win. The service "
                       "reads /etc/livedeck/livedeck.conf."),
        QStringLiteral("file"));
    const QList<QCommandLineOption> options{headless,  port,           bind,        dataDir,
                                            threads,   maxConnections, allowOrigin, dev,
                                            resources, redis,          nodeTimeout, eventLoop};
    parser.addOptions(options);
    OperatorOptionParser operatorOptions;
    operatorOptions.addTo(parser);
    LimitOptionParser limitOptions;
    limitOptions.addTo(parser);
    parser.addOption(config);
    parser.process(*QCoreApplication::instance());
    if (!parser.positionalArguments().isEmpty())
        fail(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    std::optional<ConfigFile> configFile;
    if (parser.isSet(config)) {
        QSet<QString> keys;
        for (const QCommandLineOption &option :
             options + operatorOptions.options() + limitOptions.options())
            keys.insert(option.names().constFirst());
        QString error;
        configFile = ConfigFile::load(parser.value(config), keys, &error);
        if (!configFile)
            fail(error);
    }
    const OptionValues given(parser, std::move(configFile));

    CommandLine cl;
    cl.configFile = parser.value(config);
    cl.headless = given.isSet(headless);
    cl.port = quint16(positiveInt(given.value(port), given.origin(port), 65535));
    if (!cl.bind.setAddress(given.value(bind).trimmed()))
        fail(QStringLiteral("%1 expects an IP address, got '%2'")
                 .arg(given.origin(bind), given.value(bind)));
    cl.dataDirectory = given.value(dataDir);
    if (cl.dataDirectory.isEmpty())
        cl.dataDirectory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    cl.threads = positiveInt(given.value(threads), given.origin(threads), 64);
    cl.maxConnections =
        positiveInt(given.value(maxConnections), given.origin(maxConnections), 10000000);
    cl.allowedOrigins = given.values(allowOrigin);
    cl.dev = given.isSet(dev);
    cl.resourcesDirectory = given.value(resources);
    if (!given.value(redis).isEmpty()) {
        cl.redisUrl = QUrl(given.value(redis).trimmed());
        if (cl.redisUrl.scheme() != u"redis" || cl.redisUrl.host().isEmpty())
            fail(QStringLiteral("%1 expects redis://host[:port], got '%2'")
                     .arg(given.origin(redis), given.value(redis)));
    }
    cl.nodeTimeoutMs =
        positiveInt(given.value(nodeTimeout), given.origin(nodeTimeout), 3600 * 1000);
    if (cl.nodeTimeoutMs < 500)
        fail(QStringLiteral("%1 must be at least 500 ms").arg(given.origin(nodeTimeout)));
    const QString loop = given.value(eventLoop).trimmed();
    if (loop != u"epoll" && loop != u"poll")
        fail(QStringLiteral("%1 expects 'epoll' or 'poll', got '%2'")
                 .arg(given.origin(eventLoop), loop));
    cl.epollEventLoop = loop == u"epoll";
    cl.operatorOptions = operatorOptions.read(given);
    cl.limits = limitOptions.read(given);
    return cl;
}

} // namespace livedeck
