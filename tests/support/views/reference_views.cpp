#include "reference_views.h"

#include <algorithm>

namespace testviews {

void CounterView::mount(const QVariantMap &, const QVariantMap &)
{
    setPageTitle(QStringLiteral("Counter"));
    assign(QStringLiteral("count"), 0);
}

void CounterView::handleEvent(const QString &event, const QVariantMap &value)
{
    const int count = assigned(QStringLiteral("count")).toInt();
    if (event == u"inc")
        assign(QStringLiteral("count"), count + 1);
    else if (event == u"dec")
        assign(QStringLiteral("count"), count - 1);
    else
        LiveView::handleEvent(event, value);
}

liveview::Template CounterView::render() const
{
    static const liveview::Template t =
        liveview::Template::compile(QStringLiteral(R"(<div id="counter">
  <h1>Count: <span id="count">{@count}</span></h1>
  <button id="inc" phx-click="inc">+</button>
  <button id="dec" phx-click="dec">-</button>
</div>)"),
                                    QStringLiteral("test/counter.heex"));
    return t;
}

void CounterComponent::mount()
{
    assign(QStringLiteral("count"), 0);
}

void CounterComponent::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"inc")
        assign(QStringLiteral("count"), assigned(QStringLiteral("count")).toInt() + 1);
    else
        LiveComponent::handleEvent(event, value);
}

liveview::Template CounterComponent::render() const
{
    static const liveview::Template t =
        liveview::Template::compile(QStringLiteral(R"(<div id="comp-{@id}" class="comp">
  <span class="label">{@label}</span>: <span class="count">{@count}</span>
  <button id="comp-{@id}-inc" phx-click="inc" phx-target={@myself}>+</button>
</div>)"),
                                    QStringLiteral("test/counter_component.heex"));
    return t;
}

void ComponentView::mount(const QVariantMap &, const QVariantMap &)
{
    setPageTitle(QStringLiteral("Components"));
    assign(QStringLiteral("generation"), 0);
}

void ComponentView::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"relabel")
        assign(QStringLiteral("generation"), assigned(QStringLiteral("generation")).toInt() + 1);
    else
        LiveView::handleEvent(event, value);
}

liveview::Template ComponentView::render() const
{
    static const liveview::Template t =
        liveview::Template::compile(QStringLiteral(R"(<div id="components">
  <.live_component module="test-counter" id="a" label={"A" <> to_string(@generation)} />
  <.live_component module="test-counter" id="b" label={"B" <> to_string(@generation)} />
  <button id="relabel" phx-click="relabel">Relabel (parent)</button>
</div>)"),
                                    QStringLiteral("test/component.heex"));
    return t;
}

namespace {
QVariantMap keyedItem(int id)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), QStringLiteral("item %1").arg(id)}};
}
} // namespace

void KeyedView::mount(const QVariantMap &, const QVariantMap &)
{
    setPageTitle(QStringLiteral("Keyed list"));
    QVariantList items;
    for (int i = 0; i < 3; ++i)
        items << keyedItem(m_nextId++);
    assign(QStringLiteral("items"), items);
}

void KeyedView::handleEvent(const QString &event, const QVariantMap &value)
{
    QVariantList items = assigned(QStringLiteral("items")).toList();
    if (event == u"append") {
        items << keyedItem(m_nextId++);
    } else if (event == u"remove_first") {
        if (!items.isEmpty())
            items.removeFirst();
    } else if (event == u"reverse") {
        std::reverse(items.begin(), items.end());
    } else if (event == u"rename_last") {
        if (!items.isEmpty()) {
            QVariantMap last = items.last().toMap();
            last.insert(QStringLiteral("name"),
                        last.value(QStringLiteral("name")).toString() + u'!');
            items.last() = last;
        }
    } else {
        LiveView::handleEvent(event, value);
        return;
    }
    assign(QStringLiteral("items"), items);
}

liveview::Template KeyedView::render() const
{
    static const liveview::Template t =
        liveview::Template::compile(QStringLiteral(R"(<div id="keyed">
  <ul id="items">
    <li :for={item <- @items} :key={item.id} id="item-{item.id}">{item.name}</li>
  </ul>
  <button id="append" phx-click="append">Append</button>
  <button id="remove-first" phx-click="remove_first">Remove first</button>
  <button id="reverse" phx-click="reverse">Reverse</button>
  <button id="rename-last" phx-click="rename_last">Rename last</button>
</div>)"),
                                    QStringLiteral("test/keyed.heex"));
    return t;
}

} // namespace testviews
