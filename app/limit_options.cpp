// One table of limit options, each naming the EndpointOptions field it sets.
#include "limit_options.h"
#include "option_values.h"

#include <cstdio>
#include <limits>

namespace livedeck {

LimitOptionParser::LimitOptionParser()
{
    using O = liveview::EndpointOptions;
    const O d;
    auto add = [this](const char *name, const char *help, qint64 fallback, qint64 max,
                      std::function<void(O &, qint64)> set) {
        m_limits.push_back({QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help),
                                               QStringLiteral("n"), QString::number(fallback)),
                            max, std::move(set)});
    };
    constexpr qint64 intMax = std::numeric_limits<int>::max();
    add("max-request-line-bytes", "Longest request line (longer: 414).", d.maxRequestLineBytes,
        intMax, [](O &o, qint64 v) { o.maxRequestLineBytes = int(v); });
    add("max-header-bytes", "Request line and headers together at most (more: 431).",
        d.maxHeaderBytes, intMax, [](O &o, qint64 v) { o.maxHeaderBytes = int(v); });
    add("max-header-count", "Header lines at most (more: 431).", d.maxHeaderCount, intMax,
        [](O &o, qint64 v) { o.maxHeaderCount = int(v); });
    add("max-body-bytes", "Request body limit of routes that set none (larger: 413).",
        d.maxBodyBytes, qint64(1) << 40, [](O &o, qint64 v) { o.maxBodyBytes = v; });
    add("request-timeout", "Milliseconds for a request to arrive whole (else 408).",
        d.requestTimeoutMs, intMax, [](O &o, qint64 v) { o.requestTimeoutMs = int(v); });
    add("idle-timeout", "Milliseconds an idle keep-alive connection stays open.", d.idleTimeoutMs,
        intMax, [](O &o, qint64 v) { o.idleTimeoutMs = int(v); });
    add("heartbeat-timeout",
        "Milliseconds of silence after which a WebSocket is closed (clients beat every 30 s).",
        d.heartbeatTimeoutMs, intMax, [](O &o, qint64 v) { o.heartbeatTimeoutMs = int(v); });
    add("max-send-queue-bytes",
        "Bytes waiting for a WebSocket client that does not read before it is closed (0: no "
        "limit).",
        d.maxSendQueueBytes, qint64(1) << 40, [](O &o, qint64 v) { o.maxSendQueueBytes = v; });
    add("connections-per-second",
        "New connections per second from one address, loopback aside (0: no limit).",
        d.connectionsPerSecond, intMax, [](O &o, qint64 v) { o.connectionsPerSecond = int(v); });
    add("joins-per-second",
        "Live view joins per second from one address, loopback aside (0: no "
        "limit).",
        d.joinsPerSecond, intMax, [](O &o, qint64 v) { o.joinsPerSecond = int(v); });
}

void LimitOptionParser::addTo(QCommandLineParser &parser)
{
    parser.addOptions(options());
}

QList<QCommandLineOption> LimitOptionParser::options() const
{
    QList<QCommandLineOption> out;
    for (const Limit &limit : m_limits)
        out.append(limit.option);
    return out;
}

LimitOptions LimitOptionParser::read(const OptionValues &given) const
{
    LimitOptions out;
    for (const Limit &limit : m_limits) {
        const QString text = given.value(limit.option).trimmed();
        bool ok = false;
        const qint64 value = text.toLongLong(&ok);
        if (!ok || value < 0 || value > limit.max)
            exitWithUsageError(QStringLiteral("%1 expects a number from 0 to %2, got '%3'")
                                   .arg(given.origin(limit.option))
                                   .arg(limit.max)
                                   .arg(text));
        out.settings.push_back(
            [set = limit.set, value](liveview::EndpointOptions &o) { set(o, value); });
    }
    return out;
}

} // namespace livedeck
