// Resolves each option against the command line first and the --config file second.
#include "option_values.h"

#include <cstdio>
#include <cstdlib>

namespace livedeck {
namespace {

QString key(const QCommandLineOption &option)
{
    return option.names().constFirst();
}

} // namespace

void exitWithUsageError(const QString &message)
{
    std::fprintf(stderr, "livedeck: %s\nTry 'livedeck --help'.\n", qPrintable(message));
    std::exit(2);
}

OptionValues::OptionValues(const QCommandLineParser &parser, std::optional<ConfigFile> config)
    : m_parser(parser), m_config(std::move(config))
{
}

QString OptionValues::value(const QCommandLineOption &option) const
{
    return fromConfig(option) ? m_config->value(key(option)) : m_parser.value(option);
}

QStringList OptionValues::values(const QCommandLineOption &option) const
{
    return fromConfig(option) ? m_config->values(key(option)) : m_parser.values(option);
}

bool OptionValues::isSet(const QCommandLineOption &option) const
{
    if (!fromConfig(option))
        return m_parser.isSet(option);
    QString error;
    const std::optional<bool> flag = m_config->flag(key(option), &error);
    if (!flag)
        exitWithUsageError(error);
    return *flag;
}

QString OptionValues::origin(const QCommandLineOption &option) const
{
    return fromConfig(option) ? QStringLiteral("%1 in %2").arg(key(option), m_config->path())
                              : QStringLiteral("--") + key(option);
}

bool OptionValues::fromConfig(const QCommandLineOption &option) const
{
    return !m_parser.isSet(option) && m_config && m_config->contains(key(option));
}

} // namespace livedeck
