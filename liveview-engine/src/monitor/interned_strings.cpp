// A bounded, thread-safe string intern table.
#include "interned_strings.h"

#include <QMutex>
#include <QSet>

namespace liveview::internal {

QString internString(const QString &value)
{
    static QMutex mutex;
    static QSet<QString> table;
    constexpr qsizetype maxEntries = 1000;
    QMutexLocker lock(&mutex);
    if (const auto it = table.constFind(value); it != table.cend())
        return *it;
    if (table.size() < maxEntries)
        table.insert(value);
    return value;
}

} // namespace liveview::internal
