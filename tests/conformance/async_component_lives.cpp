#include "async_component_lives.h"
#include "fixture_template.h"

#include <liveview/template.h>

#include <QThread>
#include <mutex>

namespace conformance {

using liveview::Template;

namespace {
const QString item3941Module = QStringLiteral("issue-3941-item");
const QString itemHeader3941Module = QStringLiteral("issue-3941-item-header");
const QString repro4027Module = QStringLiteral("issue-4027-repro");
const QString reproAsync4027Module = QStringLiteral("issue-4027-repro-async");

const QStringList allItems3941{QStringLiteral("Item_1"), QStringLiteral("Item_2")};

QVariantMap entry4027(int id, const QString &value)
{
    return {{"id", id}, {"value", value}};
}
} // namespace

void registerAsyncComponentLives()
{
    static std::once_flag once;
    std::call_once(once, [] {
        using liveview::LiveComponent;
        LiveComponent::registerModule<Issue3941Item>(item3941Module);
        LiveComponent::registerModule<Issue3941ItemHeader>(itemHeader3941Module);
        LiveComponent::registerModule<Issue4027ReproComponent>(repro4027Module);
        LiveComponent::registerModule<Issue4027ReproAsyncComponent>(reproAsync4027Module);
        // The item's function component behind `:if={false}`: upstream's raises when called;
        // this one shows a marker the harness looks for.
        liveview::TemplateLibrary::registerComponent(
            QStringLiteral("issue_3941_unrendered"),
            compiled(R"(<p id={@id}>rendered although its :if is false</p>)",
                     "e2e/issue_3941_unrendered.heex"));
    });
}

// --- 3941 ----------------------------------------------------------------------------------

void Issue3941Live::mount(const QVariantMap &, const QVariantMap &)
{
    // Upstream's components start their async work in update, which Phoenix runs again on the
    // connected mount. A join that adopts the first render's view keeps its components (their
    // update is not called again), so the view hands its state down as `connected`: it turns
    // true in connected(), which updates the items, which start their work then.
    assign("connected", isConnected());
    assignSelected(allItems3941);
}

void Issue3941Live::connected()
{
    assign("connected", true);
}

// The multi-select's `checked={item in @selected}`, computed here: each option is {item, checked}.
void Issue3941Live::assignSelected(QStringList selected)
{
    selected.sort(); // Enum.sort
    QVariantList options;
    for (const QString &item : allItems3941)
        options << QVariantMap{{"item", item}, {"checked", selected.contains(item)}};
    assign("selected_items", QVariant(selected).toList());
    assign("filter_options", options);
}

void Issue3941Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"toggle_item" && value.contains("clicked")) {
        // The client sends the checkbox's value only when the click left it checked.
        QStringList selected = assigned("selected_items").toStringList();
        if (value.contains("value"))
            selected.append(value.value("value").toString());
        else
            selected.removeOne(value.value("clicked").toString()); // List.delete: the first one
        assignSelected(selected);
    } else if (event != u"page_position_update") { // the items' hook: nothing to do
        LiveView::handleEvent(event, value);
    }
}

// Upstream's layout creates its own LiveSocket with the hook; here the page's LiveSocket takes
// the hooks of window.hooks, which this script fills while the page is parsed.
Template Issue3941Live::render() const
{
    static const Template t = compiled(R"(<script>
  window.hooks.PagePositionNotifier = {
    mounted() {
      this.pushEvent("page_position_update", {});
    },
  };
</script>
<div :for={option <- @filter_options}>
  <label for={"item-select-" <> option.item}>
    <input
      type="checkbox"
      phx-click="toggle_item"
      phx-value-clicked={option.item}
      id={"select-" <> option.item}
      name="select"
      value={option.item}
      checked={option.checked}
    />
    {option.item}
  </label>
</div>
<div :for={item <- @selected_items}>
  <.live_component
    module="issue-3941-item"
    id={"item-" <> item}
    item={item}
    connected={@connected}
  />
</div>)",
                                       "e2e/issue_3941.heex");
    return t;
}

// Upstream assigns `any_assign: true` and then assign_async's the same key, which replaces a
// value that is no async result by a loading one. Phoenix starts the work only when connected.
void Issue3941Item::update(const QVariantHash &attributes)
{
    assign("item", attributes.value("item"));
    assign("connected", attributes.value("connected"));
    if (isConnected())
        assignAsync("any_assign", [](const std::atomic_bool &) { return QVariant(true); });
    else
        assign("any_assign", QVariantMap{{"loading", true}});
}

Template Issue3941Item::render() const
{
    static const Template t =
        compiled(R"(<div id={"item-" <> @item} phx-hook="PagePositionNotifier">
  <.live_component
    id={"item-header-" <> @item}
    module="issue-3941-item-header"
    item={@item}
    connected={@connected}
  />
  <.issue_3941_unrendered :if={false} id="unrendered" any_assign={@any_assign} />
</div>)",
                 "e2e/issue_3941_item.heex");
    return t;
}

// assign_async(..., reset: true) on every update: loading again, then the atom :assign.
void Issue3941ItemHeader::update(const QVariantHash &attributes)
{
    assign("item", attributes.value("item"));
    if (isConnected())
        assignAsync("async_assign",
                    [](const std::atomic_bool &) { return QVariant(QStringLiteral("assign")); });
    else
        assign("async_assign", QVariantMap{{"loading", true}});
}

// <.async_result> shows its inner block once ok, its loading slot while loading (never both:
// the assign is reset); the text after it is Elixir's inspect of the async result.
Template Issue3941ItemHeader::render() const
{
    static const Template t = compiled(R"(<div id={"header-" <> @item}>
  <div :if={@async_assign.ok} id={@item} class="border border-y-0 bg-green-500 text-white">
    {@item <> " - I AM LOADED!"}
  </div>
  <div :if={@async_assign.loading} id={@item} class="border border-y-0 bg-red-500 text-white">
    {@item <> " - I AM LOADING"}
  </div>
  {if(@async_assign.ok,
    "%Phoenix.LiveView.AsyncResult{ok?: true, loading: nil, failed: nil, result: :assign}",
    "%Phoenix.LiveView.AsyncResult{ok?: false, loading: [:async_assign], failed: nil, result: nil}")}
</div>)",
                                       "e2e/issue_3941_item_header.heex");
    return t;
}

// --- 4027 ----------------------------------------------------------------------------------

// `data` is Phoenix's AsyncResult as a map: {ok: true, result} to start with. assign_async on a
// key that is ok already keeps its result while loading (and <.async_result> keeps showing it);
// the engine's assignAsync resets the key, so the loading state is set here and the work runs
// through startAsync.
void Issue4027Live::mount(const QVariantMap &params, const QVariantMap &)
{
    assign("data", QVariantMap{{"ok", true}, {"result", QVariantList()}});
    assign("case", params.value("case", QStringLiteral("first")));
}

void Issue4027Live::handleEvent(const QString &event, const QVariantMap &value)
{
    QVariantList entries;
    if (event == u"load")
        entries = {entry4027(1, "First"), entry4027(2, "Second"), entry4027(3, "Third")};
    else if (event == u"remove")
        entries = {entry4027(2, "Second"), entry4027(3, "Third")};
    else
        return LiveView::handleEvent(event, value);
    QVariantMap data = assigned("data").toMap();
    data.insert("loading", true);
    data.remove("failed");
    assign("data", data);
    startAsync("data", [entries](const std::atomic_bool &) {
        QThread::msleep(100); // the fixture's slow source (upstream: Process.sleep(100))
        return QVariant(entries);
    });
}

void Issue4027Live::handleAsync(const QString &name, const QVariant &result, const QString &error)
{
    if (name != u"data")
        return LiveView::handleAsync(name, result, error);
    QVariantMap data = assigned("data").toMap();
    data.remove("loading");
    if (error.isEmpty()) { // AsyncResult.ok(existing, result)
        data.insert("ok", true);
        data.insert("result", result);
    } else { // AsyncResult.failed(existing, reason): the last result stays
        data.insert("failed", error);
    }
    assign("data", data);
}

// <.async_result :let={data}>: the inner block once ok, with the result; no loading slot.
Template Issue4027Live::render() const
{
    static const Template t = compiled(R"(<div class="p-4">
  <p class="my-4">
    Click Load Data. 3 items should be displayed. Then click Remove First entry. The expected result is 2 items displayed.
  </p>
  <div>
    <.live_component
      :if={@case == "first" and @data.ok}
      module="issue-4027-repro"
      id="repro"
      data={@data.result}
    />
    <div :if={@case == "second"} style="margin: 10px; height: 1px; background-color: black;"></div>
    <.live_component
      :if={@case == "second"}
      module="issue-4027-repro-async"
      id="repro_async"
      data={@data}
    />
  </div>
  <div>
    <button phx-click="load">Load data</button>
    <button phx-click="remove">Remove first entry</button>
  </div>
</div>)",
                                       "e2e/issue_4027.heex");
    return t;
}

void Issue4027ReproComponent::handleEvent(const QString &, const QVariantMap &)
{
    // Upstream's catch-all clause: any event, nothing changes.
}

Template Issue4027ReproComponent::render() const
{
    static const Template t = compiled(R"(<div id="result">
  <p :for={item <- @data} :key={item.id}>{item.value}</p>
</div>)",
                                       "e2e/issue_4027_repro.heex");
    return t;
}

void Issue4027ReproAsyncComponent::handleEvent(const QString &, const QVariantMap &)
{
    // Upstream's catch-all clause: any event, nothing changes.
}

// The async result's rows once it is ok (nothing else: no loading nor failed slot).
Template Issue4027ReproAsyncComponent::render() const
{
    static const Template t = compiled(R"(<div id="result">
  <p :for={item <- if(@data.ok, @data.result)} :key={item.id}>{item.value}</p>
</div>)",
                                       "e2e/issue_4027_repro_async.heex");
    return t;
}

} // namespace conformance
