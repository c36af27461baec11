// LiveView's stream operations: queue inserts/deletes under `@streams`, forget them once sent.
#include "liveview/live_view.h"

#include "../template/value_format.h"

namespace liveview {

StreamState &LiveView::streamState(const QString &name)
{
    auto it = m_streams.find(name);
    if (it == m_streams.end()) {
        StreamState state;
        state.ref = QString::number(m_streams.size());
        it = m_streams.insert(name, state);
    }
    return *it;
}

QVariantMap LiveView::streamsAssign() const
{
    QVariantMap streams;
    for (auto it = m_streams.cbegin(); it != m_streams.cend(); ++it)
        streams.insert(it.key(), QVariant::fromValue(*it));
    return streams;
}

void LiveView::publishStreams()
{
    // Always marked changed: pending operations are news even when they look alike.
    m_assigns.assign(QStringLiteral("streams"), streamsAssign());
    m_assigns.touch(QStringLiteral("streams"));
}

void LiveView::clearStreamOperations()
{
    bool any = false;
    for (StreamState &state : m_streams) {
        any = any || state.hasOperations();
        // Fresh lists, not clear(): clear() keeps the capacity, i.e. memory for every sent row.
        state.inserts = {};
        state.deletes = {};
        state.reset = false;
    }
    if (!any)
        return;
    m_assigns.assign(QStringLiteral("streams"), streamsAssign());
    m_assigns.clearChanged(); // called right after a render: nothing is pending any more
}

QString LiveView::streamDomId(const QString &name, const QVariant &item) const
{
    const auto domId = m_streamDomIds.value(name);
    return domId ? domId(item)
                 : name + u'-' + internal::toText(item.toMap().value(QStringLiteral("id")));
}

void LiveView::queueStreamInsert(const QString &name, const QVariant &item, int at,
                                 const QVariant &limit, bool updateOnly)
{
    StreamState &state = streamState(name);
    StreamInsert insert;
    insert.domId = streamDomId(name, item);
    insert.item = item;
    insert.at = at;
    insert.limit = limit;
    insert.updateOnly = updateOnly;
    // A delete queued before stays queued, as in Phoenix: the client removes the element first
    // and inserts it afresh at `at`, which is how an item moves (delete, then insert at 0).
    state.inserts.append(insert);
}

void LiveView::stream(const QString &name, const QVariantList &items, bool reset)
{
    StreamState &state = streamState(name);
    if (reset) {
        state.inserts.clear();
        state.deletes.clear();
        state.reset = true;
    }
    // Published once: publishing per item would copy the growing insert list every time.
    for (const QVariant &item : items)
        queueStreamInsert(name, item, -1, QVariant());
    publishStreams();
}

void LiveView::streamInsert(const QString &name, const QVariant &item, int at,
                            const QVariant &limit, bool updateOnly)
{
    queueStreamInsert(name, item, at, limit, updateOnly);
    publishStreams();
}

void LiveView::streamDelete(const QString &name, const QVariant &item)
{
    streamDeleteByDomId(name, streamDomId(name, item));
}

void LiveView::streamDeleteByDomId(const QString &name, const QString &domId)
{
    StreamState &state = streamState(name);
    state.inserts.removeIf([&](const StreamInsert &i) { return i.domId == domId; });
    if (!state.deletes.contains(domId))
        state.deletes.append(domId);
    publishStreams();
}

void LiveView::streamConfigure(const QString &name, std::function<QString(const QVariant &)> domId)
{
    m_streamDomIds.insert(name, std::move(domId));
}

} // namespace liveview
