// The stream example: append, prepend and delete rows the server no longer holds.
#include "stream_view.h"

namespace livedeck::examples {

QVariantMap StreamView::newRow()
{
    const int id = m_nextId++;
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), QStringLiteral("row %1").arg(id)}};
}

void StreamView::mount(const QVariantMap &, const QVariantMap &)
{
    setPageTitle(QStringLiteral("Stream"));
    stream(QStringLiteral("rows"), {newRow(), newRow()});
}

void StreamView::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"append")
        streamInsert(QStringLiteral("rows"), newRow());
    else if (event == u"prepend")
        streamInsert(QStringLiteral("rows"), newRow(), 0);
    else if (event == u"delete")
        streamDeleteByDomId(QStringLiteral("rows"),
                            QStringLiteral("rows-") + value.value(QStringLiteral("id")).toString());
    else
        LiveView::handleEvent(event, value);
}

liveview::Template StreamView::render() const
{
    return liveview::Template::load(QStringLiteral("examples/stream.heex"));
}

} // namespace livedeck::examples
