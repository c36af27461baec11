#pragma once
// The operator's switches: /metrics, the admin API's reach, read-only.

#include <QCommandLineParser>
#include <QStringList>

namespace livedeck {

class OptionValues;

struct OperatorOptions
{
    bool metrics = false;       // --metrics: Prometheus text at /metrics
    QStringList metricsAllowed; // --metrics-allow ADDR (besides loopback)
    QStringList adminAllowed;   // --admin-allow ADDR (besides loopback)
    bool readOnly = false;      // --read-only: every admin action is refused
};

class OperatorOptionParser
{
public:
    void addTo(QCommandLineParser &parser);
    // Also the keys livedeck.conf accepts for them.
    QList<QCommandLineOption> options() const;
    OperatorOptions read(const OptionValues &given) const;

private:
    QCommandLineOption m_metrics{QStringLiteral("metrics"),
                                 QStringLiteral("Serve Prometheus metrics at /metrics.")};
    QCommandLineOption m_metricsAllow{
        QStringLiteral("metrics-allow"),
        QStringLiteral("Also serve /metrics to this address or subnet (repeatable; '*' for any). "
                       "Loopback always may."),
        QStringLiteral("addr")};
    QCommandLineOption m_adminAllow{
        QStringLiteral("admin-allow"),
        QStringLiteral("Also serve the admin API to this address or subnet (repeatable; '*' for "
                       "any). Loopback always may; every request needs the admin token."),
        QStringLiteral("addr")};
    QCommandLineOption m_readOnly{
        QStringLiteral("read-only"),
        QStringLiteral("Refuse every admin action (disconnect, broadcast, drain).")};
};

} // namespace livedeck
