// The keyed list example: append, remove-first, reverse and rename-last.
#include "keyed_view.h"

#include <algorithm>

namespace livedeck::examples {

void KeyedView::mount(const QVariantMap &, const QVariantMap &)
{
    setPageTitle(QStringLiteral("Keyed list"));
    setItems({newItem(), newItem(), newItem()});
}

void KeyedView::handleEvent(const QString &event, const QVariantMap &value)
{
    QVariantList list = items();
    if (event == u"reverse") {
        std::reverse(list.begin(), list.end());
    } else if (event == u"rename_last") {
        if (!list.isEmpty()) {
            QVariantMap last = list.last().toMap();
            last.insert(QStringLiteral("name"),
                        last.value(QStringLiteral("name")).toString() + u'!');
            list.last() = last;
        }
    } else {
        ListView::handleEvent(event, value);
        return;
    }
    setItems(list);
}

liveview::Template KeyedView::render() const
{
    return liveview::Template::load(QStringLiteral("examples/keyed.heex"));
}

} // namespace livedeck::examples
