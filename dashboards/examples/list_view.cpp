// The unkeyed list example: append and remove-first.
#include "list_view.h"

namespace livedeck::examples {

QVariantMap ListView::newItem()
{
    const int id = m_nextId++;
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), QStringLiteral("item %1").arg(id)}};
}

void ListView::mount(const QVariantMap &, const QVariantMap &)
{
    setPageTitle(QStringLiteral("List"));
    setItems({newItem(), newItem()});
}

void ListView::handleEvent(const QString &event, const QVariantMap &value)
{
    QVariantList list = items();
    if (event == u"append") {
        list.append(newItem());
    } else if (event == u"remove_first") {
        if (!list.isEmpty())
            list.removeFirst();
    } else {
        LiveView::handleEvent(event, value);
        return;
    }
    setItems(list);
}

liveview::Template ListView::render() const
{
    return liveview::Template::load(QStringLiteral("examples/list.heex"));
}

} // namespace livedeck::examples
