#pragma once
// Where an option's value comes from: the command line, else the --config file, else its default.

#include "config_file.h"

#include <QCommandLineParser>
#include <optional>

namespace livedeck {

// Prints "livedeck: MESSAGE" and the hint to --help on stderr, and exits with status 2.
[[noreturn]] void exitWithUsageError(const QString &message);

// The config file never overrides what an operator typed: an option given on the command line
// wins; an option absent there takes the file's value (key = its long name), else its default.
class OptionValues
{
public:
    OptionValues(const QCommandLineParser &parser, std::optional<ConfigFile> config);

    QString value(const QCommandLineOption &option) const;
    QStringList values(const QCommandLineOption &option) const;
    // A switch: given on the command line, or true/false in the file (anything else exits).
    bool isSet(const QCommandLineOption &option) const;
    // For error messages: "--port", or "port in /etc/livedeck/livedeck.conf".
    QString origin(const QCommandLineOption &option) const;

private:
    bool fromConfig(const QCommandLineOption &option) const;

    const QCommandLineParser &m_parser;
    std::optional<ConfigFile> m_config;
};

} // namespace livedeck
