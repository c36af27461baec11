#pragma once
// The front door's limits on the command line: request sizes, timeouts, rates, send queues.

#include <liveview/endpoint.h>

#include <QCommandLineParser>
#include <functional>
#include <vector>

namespace livedeck {

class OptionValues;

// What was given, applied over EndpointOptions' defaults (which are also the --help defaults).
struct LimitOptions
{
    std::vector<std::function<void(liveview::EndpointOptions &)>> settings;
    void applyTo(liveview::EndpointOptions &options) const
    {
        for (const auto &set : settings)
            set(options);
    }
};

class LimitOptionParser
{
public:
    LimitOptionParser();
    void addTo(QCommandLineParser &parser);
    // Also the keys livedeck.conf accepts for them.
    QList<QCommandLineOption> options() const;
    // From the command line or the --config file. Exits with status 2 naming the option on a
    // value that is not a number in range.
    LimitOptions read(const OptionValues &given) const;

private:
    struct Limit
    {
        QCommandLineOption option;
        qint64 max;
        std::function<void(liveview::EndpointOptions &, qint64)> set;
    };
    std::vector<Limit> m_limits;
};

} // namespace livedeck
