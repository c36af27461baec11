#pragma once
// The livedeck command line: what to serve, where, and with which data directory.

#include "limit_options.h"
#include "operator_options.h"

#include <QHostAddress>
#include <QString>
#include <QUrl>

namespace livedeck {

struct CommandLine
{
    bool headless = false;
    QHostAddress bind = QHostAddress::LocalHost;
    quint16 port = 4000;
    QString dataDirectory;
    int threads = 0;
    int maxConnections = 0; // 0: from the fd limit
    QStringList allowedOrigins;
    bool dev = false;
    QString resourcesDirectory; // --dev: where templates and CSS are read from and watched
    QUrl redisUrl;              // empty: PubSub and Presence stay in-process
    int nodeTimeoutMs = 5000;
    bool epollEventLoop = true; // --event-loop epoll|poll
    OperatorOptions operatorOptions;
    QString configFile; // --config: options read from this INI file (command line wins)
    LimitOptions limits;
};

// Parses the arguments of the running QCoreApplication. Exits for --help, --version and errors.
CommandLine parseCommandLine();

} // namespace livedeck
