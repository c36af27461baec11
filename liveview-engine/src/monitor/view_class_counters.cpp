// Per view class counters, registered once per class and read by snapshots.
#include "view_class_counters.h"

#include <QHash>
#include <QMutex>
#include <QReadWriteLock>
#include <cxxabi.h>
#include <memory>
#include <typeindex>

namespace liveview::internal {
namespace {

struct Registry
{
    QReadWriteLock lock;
    std::vector<std::unique_ptr<ViewClassCounters>> owned;
    QHash<QString, ViewClassCounters *> byName;
    QHash<std::type_index, QString> names;
    QMutex namesLock;
};

Registry &registry()
{
    static Registry r;
    return r;
}

} // namespace

ViewClassCounters *ViewClassCounters::forClass(const QString &viewClass)
{
    Registry &r = registry();
    {
        QReadLocker read(&r.lock);
        if (ViewClassCounters *c = r.byName.value(viewClass))
            return c;
    }
    QWriteLocker write(&r.lock);
    if (ViewClassCounters *c = r.byName.value(viewClass))
        return c;
    r.owned.push_back(std::unique_ptr<ViewClassCounters>(new ViewClassCounters(viewClass)));
    r.byName.insert(viewClass, r.owned.back().get());
    return r.owned.back().get();
}

QList<ViewClassStats> ViewClassCounters::all()
{
    Registry &r = registry();
    QReadLocker read(&r.lock);
    QList<ViewClassStats> out;
    out.reserve(qsizetype(r.owned.size()));
    for (const auto &c : r.owned)
        out.append(c->stats());
    return out;
}

void ViewClassCounters::noteEvent(double durationMs)
{
    m_events.fetch_add(1, std::memory_order_relaxed);
    m_durationSumMicros.fetch_add(quint64(durationMs * 1000.0), std::memory_order_relaxed);
    const double seconds = durationMs / 1000.0;
    size_t i = 0;
    while (i < bounds.size() && seconds > bounds[i])
        ++i;
    m_buckets[i].fetch_add(1, std::memory_order_relaxed);
}

ViewClassStats ViewClassCounters::stats() const
{
    ViewClassStats s;
    s.viewClass = m_viewClass;
    s.joined = joined.load(std::memory_order_relaxed);
    s.events = m_events.load(std::memory_order_relaxed);
    s.crashes = crashes.load(std::memory_order_relaxed);
    s.durationSumSeconds = double(m_durationSumMicros.load(std::memory_order_relaxed)) / 1e6;
    quint64 cumulative = 0;
    for (size_t i = 0; i < m_buckets.size(); ++i) {
        cumulative += m_buckets[i].load(std::memory_order_relaxed);
        const double bound =
            i < bounds.size() ? bounds[i] : std::numeric_limits<double>::infinity();
        s.durationBuckets.append({bound, cumulative});
    }
    return s;
}

QString viewClassName(const std::type_info &type)
{
    Registry &r = registry();
    QMutexLocker lock(&r.namesLock);
    const std::type_index key(type);
    if (const auto it = r.names.constFind(key); it != r.names.cend())
        return *it;
    int status = 0;
    char *demangled = abi::__cxa_demangle(type.name(), nullptr, nullptr, &status);
    const QString name = QString::fromLatin1(status == 0 && demangled ? demangled : type.name());
    std::free(demangled);
    r.names.insert(key, name);
    return name;
}

} // namespace liveview::internal
