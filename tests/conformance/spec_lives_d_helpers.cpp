// Integer.parse of a whole integer, shared by /select and /form/dynamic-inputs.
#include "spec_lives_d_helpers.h"

namespace conformance {

bool wholeInteger(const QString &text, qint64 *n)
{
    const qsizetype start = text.startsWith(u'+') || text.startsWith(u'-') ? 1 : 0;
    if (text.size() == start)
        return false;
    for (qsizetype i = start; i < text.size(); ++i)
        if (text.at(i) < u'0' || text.at(i) > u'9')
            return false;
    bool ok = false;
    *n = text.toLongLong(&ok);
    return ok;
}

} // namespace conformance
