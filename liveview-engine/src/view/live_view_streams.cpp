// LiveView's stream operations (the bookkeeping is internal::StreamTable's).
#include "liveview/live_view.h"

#include "stream_table.h"

namespace liveview {

internal::StreamTable &LiveView::streams()
{
    if (!m_streams)
        m_streams = std::make_unique<internal::StreamTable>();
    return *m_streams;
}

void LiveView::publishStreams()
{
    m_streams->publish(m_assigns);
}

void LiveView::clearStreamOperations()
{
    if (m_streams)
        m_streams->clearOperations(m_assigns);
}

void LiveView::stream(const QString &name, const QVariantList &items, bool reset)
{
    streams().stream(name, items, reset);
    publishStreams(); // once: publishing per item would copy the growing insert list every time
}

void LiveView::streamInsert(const QString &name, const QVariant &item, int at,
                            const QVariant &limit, bool updateOnly)
{
    streams().insert(name, item, at, limit, updateOnly);
    publishStreams();
}

void LiveView::streamDelete(const QString &name, const QVariant &item)
{
    streams().deleteItem(name, item);
    publishStreams();
}

void LiveView::streamDeleteByDomId(const QString &name, const QString &domId)
{
    streams().deleteByDomId(name, domId);
    publishStreams();
}

void LiveView::streamConfigure(const QString &name, std::function<QString(const QVariant &)> domId)
{
    streams().configure(name, std::move(domId));
}

} // namespace liveview
