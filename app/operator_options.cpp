// Parsing of the operator's command-line switches.
#include "operator_options.h"

namespace livedeck {

void OperatorOptionParser::addTo(QCommandLineParser &parser)
{
    parser.addOptions({m_metrics, m_metricsAllow, m_adminAllow, m_readOnly});
}

OperatorOptions OperatorOptionParser::read(const QCommandLineParser &parser) const
{
    OperatorOptions o;
    o.metrics = parser.isSet(m_metrics);
    o.metricsAllowed = parser.values(m_metricsAllow);
    o.adminAllowed = parser.values(m_adminAllow);
    o.readOnly = parser.isSet(m_readOnly);
    return o;
}

} // namespace livedeck
