// Stream operations: queued under `@streams`, forgotten once sent.
#include "stream_table.h"

#include "../template/value_format.h"

namespace liveview::internal {

StreamTable::StreamTable(QString refPrefix) : m_refPrefix(std::move(refPrefix))
{
}

StreamState &StreamTable::state(const QString &name)
{
    auto it = m_streams.find(name);
    if (it == m_streams.end()) {
        StreamState fresh;
        fresh.ref = m_refPrefix + QString::number(m_streams.size());
        it = m_streams.insert(name, fresh);
    }
    return *it;
}

QString StreamTable::domId(const QString &name, const QVariant &item) const
{
    const auto custom = m_domIds.value(name);
    return custom ? custom(item) : name + u'-' + toText(item.toMap().value(QStringLiteral("id")));
}

void StreamTable::queueInsert(const QString &name, const QVariant &item, int at,
                              const QVariant &limit, bool updateOnly)
{
    StreamInsert insert;
    insert.domId = domId(name, item);
    insert.item = item;
    insert.at = at;
    insert.limit = limit;
    insert.updateOnly = updateOnly;
    // A delete queued before stays queued, as in Phoenix: the client removes the element first
    // and inserts it afresh at `at`, which is how an item moves (delete, then insert at 0).
    state(name).inserts.append(insert);
}

void StreamTable::stream(const QString &name, const QVariantList &items, bool reset)
{
    StreamState &s = state(name);
    if (reset) {
        s.inserts.clear();
        s.deletes.clear();
        s.reset = true;
    }
    for (const QVariant &item : items)
        queueInsert(name, item, -1, QVariant(), false);
}

void StreamTable::insert(const QString &name, const QVariant &item, int at, const QVariant &limit,
                         bool updateOnly)
{
    queueInsert(name, item, at, limit, updateOnly);
}

void StreamTable::deleteItem(const QString &name, const QVariant &item)
{
    deleteByDomId(name, domId(name, item));
}

void StreamTable::deleteByDomId(const QString &name, const QString &id)
{
    StreamState &s = state(name);
    s.inserts.removeIf([&](const StreamInsert &i) { return i.domId == id; });
    if (!s.deletes.contains(id))
        s.deletes.append(id);
}

void StreamTable::configure(const QString &name, std::function<QString(const QVariant &)> domId)
{
    m_domIds.insert(name, std::move(domId));
}

QVariantMap StreamTable::assignValue() const
{
    QVariantMap streams;
    for (auto it = m_streams.cbegin(); it != m_streams.cend(); ++it)
        streams.insert(it.key(), QVariant::fromValue(*it));
    return streams;
}

void StreamTable::publish(Assigns &assigns) const
{
    assigns.assign(QStringLiteral("streams"), assignValue());
    assigns.touch(QStringLiteral("streams"));
}

void StreamTable::clearOperations(Assigns &assigns)
{
    bool any = false;
    for (StreamState &s : m_streams) {
        any = any || s.hasOperations();
        // Fresh lists, not clear(): clear() keeps the capacity, i.e. memory for every sent row.
        s.inserts = {};
        s.deletes = {};
        s.reset = false;
    }
    if (!any)
        return;
    assigns.assign(QStringLiteral("streams"), assignValue());
    assigns.clearChanged(); // called right after a render: nothing is pending any more
}

} // namespace liveview::internal
