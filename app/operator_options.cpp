// Parsing of the operator's command-line switches.
#include "operator_options.h"
#include "option_values.h"

namespace livedeck {

void OperatorOptionParser::addTo(QCommandLineParser &parser)
{
    parser.addOptions(options());
}

QList<QCommandLineOption> OperatorOptionParser::options() const
{
    return {m_metrics, m_metricsAllow, m_adminAllow, m_readOnly};
}

// From the command line or, for options not given there, from the --config file.
OperatorOptions OperatorOptionParser::read(const OptionValues &given) const
{
    OperatorOptions o;
    o.metrics = given.isSet(m_metrics);
    o.metricsAllowed = given.values(m_metricsAllow);
    o.adminAllowed = given.values(m_adminAllow);
    o.readOnly = given.isSet(m_readOnly);
    return o;
}

} // namespace livedeck
