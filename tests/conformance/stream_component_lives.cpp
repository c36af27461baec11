#include "stream_component_lives.h"
#include "fixture_template.h"

#include <liveview/template.h>

#include <mutex>

namespace conformance {

using liveview::Template;

namespace {
const QString streamComponentModule = QStringLiteral("stream-component");
const QString resetLCItemModule = QStringLiteral("stream-reset-lc-item");
const QString nestedResetItemModule = QStringLiteral("stream-nested-component-reset-item");

const QString cUsers = QStringLiteral("c_users");

QVariantMap user(const QVariant &id, const QString &name)
{
    return {{"id", id}, {"name", name}};
}

// Items "a" -> {id: "<prefix>a", name: "<namePrefix>A"}.
QVariantList items(const QStringList &ids, const QString &prefix = QString(),
                   const QString &namePrefix = QString())
{
    QVariantList list;
    for (const QString &id : ids)
        list.append(QVariantMap{{"id", prefix + id}, {"name", namePrefix + id.toUpper()}});
    return list;
}

// The parent views' reorder: a reset that keeps "a" and brings three new items.
const QStringList reorderedIds{"e", "a", "f", "g"};
} // namespace

void registerStreamComponentLives()
{
    static std::once_flag once;
    std::call_once(once, [] {
        using liveview::LiveComponent;
        LiveComponent::registerModule<StreamComponent>(streamComponentModule);
        LiveComponent::registerModule<StreamResetLCItem>(resetLCItemModule);
        LiveComponent::registerModule<StreamNestedComponentResetItem>(nestedResetItemModule);
    });
}

// --- /stream's component -----------------------------------------------------------------------

// Upstream's update clauses: `reset: {stream, items}` (a send_update; here the list
// [stream, items]) resets that stream; any other update streams the two users.
void StreamComponent::update(const QVariantHash &attributes)
{
    const QVariantList reset = attributes.value("reset").toList();
    if (reset.size() == 2) {
        stream(reset.at(0).toString(), reset.at(1).toList(), true);
        return;
    }
    stream(cUsers, {user(1, "chris"), user(2, "callan")});
}

void StreamComponent::moveTo(const QString &domId, int at)
{
    streamDeleteByDomId(cUsers, domId);
    streamInsert(cUsers, user(domId.mid(cUsers.size() + 1), "updated"), at);
}

void StreamComponent::handleEvent(const QString &event, const QVariantMap &value)
{
    const QString domId = value.value("id").toString();
    if (event == u"reset") {
        stream(cUsers, {}, true);
    } else if (event == u"delete") {
        streamDeleteByDomId(cUsers, domId);
    } else if (event == u"update") {
        streamInsert(cUsers, user(domId.mid(cUsers.size() + 1), "updated"));
    } else if (event == u"move-to-first") {
        moveTo(domId, 0);
    } else if (event == u"move-to-last") {
        moveTo(domId, -1);
    } else {
        LiveComponent::handleEvent(event, value);
    }
}

Template StreamComponent::render() const
{
    static const Template t = compiled(R"(<div id="c_users" phx-update="stream">
  <div :for={{id, user} <- @streams.c_users} id={id}>
    {user.name}
    <button phx-click="delete" phx-value-id={id} phx-target={@myself}>delete</button>
    <button phx-click="update" phx-value-id={id} phx-target={@myself}>update</button>
    <button phx-click="move-to-first" phx-value-id={id} phx-target={@myself}>make first</button>
    <button phx-click="move-to-last" phx-value-id={id} phx-target={@myself}>make last</button>
  </div>
</div>)",
                                       "e2e/stream_component.heex");
    return t;
}

// --- /stream/reset-lc ------------------------------------------------------------------------

void StreamResetLCLive::mount(const QVariantMap &, const QVariantMap &)
{
    stream("items", items({"a", "b", "c", "d"}));
}

void StreamResetLCLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"reorder")
        stream("items", items(reorderedIds), true);
    else
        LiveView::handleEvent(event, value);
}

Template StreamResetLCLive::render() const
{
    static const Template t = compiled(R"(<ul phx-update="stream" id="thelist">
  <.live_component
    :for={{id, item} <- @streams.items}
    module="stream-reset-lc-item"
    id={id}
    item={item}
  />
</ul>

<button phx-click="reorder">Reorder</button>)",
                                       "e2e/stream_reset_lc.heex");
    return t;
}

Template StreamResetLCItem::render() const
{
    static const Template t = compiled(R"(<li id={@id}>
  {@item.name}
</li>)",
                                       "e2e/stream_reset_lc_item.heex");
    return t;
}

// --- /stream/nested-component-reset --------------------------------------------------------

// Upstream's components ask connected?(socket); live components cannot here, so the view hands
// its own state down as `connected` (it turns true when the join adopts the first render's view).
void StreamNestedComponentResetLive::mount(const QVariantMap &, const QVariantMap &)
{
    assign("connected", isConnected());
    stream("items", items({"a", "b", "c", "d"}));
}

void StreamNestedComponentResetLive::connected()
{
    assign("connected", true);
}

void StreamNestedComponentResetLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"reorder")
        stream("items", items(reorderedIds), true);
    else
        LiveView::handleEvent(event, value);
}

Template StreamNestedComponentResetLive::render() const
{
    static const Template t = compiled(R"(<ul phx-update="stream" id="thelist">
  <.live_component
    :for={{id, item} <- @streams.items}
    module="stream-nested-component-reset-item"
    id={id}
    item={item}
    connected={@connected}
  />
</ul>

<button phx-click="reorder" id="parent-reorder">Reorder</button>)",
                                       "e2e/stream_nested_component_reset.heex");
    return t;
}

// The first update fills the nested stream (N-E..N-H on the dead render, N-A..N-D connected, as
// upstream's fresh connected mount does); later ones only assign.
void StreamNestedComponentResetItem::update(const QVariantHash &attributes)
{
    LiveComponent::update(attributes);
    const bool connected = attributes.value("connected").toBool();
    if (m_streamed && (m_streamedConnected || !connected))
        return;
    m_streamed = true;
    m_streamedConnected = connected;
    const QString prefix = assigned("id").toString() + u'-';
    const QStringList ids =
        connected ? QStringList{"a", "b", "c", "d"} : QStringList{"e", "f", "g", "h"};
    stream("nested", items(ids, prefix, QStringLiteral("N-")), true);
}

void StreamNestedComponentResetItem::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"reorder") {
        const QString prefix = assigned("id").toString() + u'-';
        stream("nested", items(reorderedIds, prefix, QStringLiteral("N-")), true);
    } else {
        LiveComponent::handleEvent(event, value);
    }
}

Template StreamNestedComponentResetItem::render() const
{
    static const Template t = compiled(R"(<li id={@id}>
  {@item.name}
  <div id={@id <> "-nested"} phx-update="stream" style="display: flex; gap: 4px;">
    <span :for={{id, item} <- @streams.nested} id={id}>{item.name}</span>
  </div>
  <button phx-click="reorder" phx-target={@myself}>Reorder</button>
</li>)",
                                       "e2e/stream_nested_component_reset_item.heex");
    return t;
}

} // namespace conformance
