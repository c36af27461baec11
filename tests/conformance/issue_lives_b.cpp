#include "issue_lives_b.h"
#include "fixture_template.h"

#include <QThread>

#include <mutex>

namespace conformance {

using liveview::Template;

namespace {
const QString status3026 = QStringLiteral("status");
const QString load3026 = QStringLiteral("load");
const QStringList statuses3026{"connecting", "loading", "connected", "loaded"};
const QStringList rows3117{QStringLiteral("row-1"), QStringLiteral("row-2")};
const QString component3979 = QStringLiteral("issue-3979-component");
const QString update3979 = QStringLiteral("update-");
} // namespace

void registerIssueLivesBComponents()
{
    static std::once_flag once;
    std::call_once(once, [] {
        using liveview::LiveComponent;
        LiveComponent::registerModule<Issue3026Form>(QStringLiteral("issue-3026-form"));
        LiveComponent::registerModule<Issue3117Row>(QStringLiteral("issue-3117-row"));
        LiveComponent::registerModule<Issue3709Component>(
            QStringLiteral("issue-3709-some-component"));
        LiveComponent::registerModule<Issue3979Component>(component3979);
        LiveComponent::registerModule<Issue4334Component>(
            QStringLiteral("issue-4334-root-changing-component"));
        // The row's function component: static content only, the whole of its root.
        liveview::TemplateLibrary::registerComponent(
            QStringLiteral("issue_3117_fc"),
            compiled(R"(<div class="static">static content</div>)", "e2e/issue_3117_fc.heex"));
    });
}

// --- 3026 ----------------------------------------------------------------------------------

void Issue3026Live::mount(const QVariantMap &, const QVariantMap &)
{
    QVariantList options;
    for (const QString &status : statuses3026) {
        const QString label = status.left(1).toUpper() + status.mid(1); // String.capitalize
        options << QVariantMap{{"value", status}, {"label", label}};
    }
    assign("options", options);
    assign(status3026, QStringLiteral("connecting"));
}

// Upstream's connected mount: loading, and the data arrives in a message to itself.
void Issue3026Live::connected()
{
    assign(status3026, QStringLiteral("loading"));
    infoSender()(load3026);
}

void Issue3026Live::handleEvent(const QString &event, const QVariantMap &value)
{
    const QString status = value.value(status3026).toString();
    if (event == u"change_status" && statuses3026.contains(status)) {
        assign(status3026, status);
    } else if (event == u"validate") {
        assign("name", value.value("name"));
        assign("email", value.value("email"));
    } else if (event == u"submit") {
        infoSender()(load3026);
        assign(status3026, QStringLiteral("loading"));
    } else {
        LiveView::handleEvent(event, value);
    }
}

void Issue3026Live::handleInfo(const QVariant &message)
{
    if (message.toString() != load3026)
        return LiveView::handleInfo(message);
    // Slow on the view's own thread, as upstream sleeps in the LiveView process: what the client
    // sends meanwhile (its destroy of the component) is handled after the component is back.
    QThread::msleep(200);
    assign(status3026, QStringLiteral("loaded"));
    assign("name", QStringLiteral("John"));
    assign("email", QString());
}

// The three statuses before "loaded" render the same block (upstream: one `case` clause each).
Template Issue3026Live::render() const
{
    static const Template t = compiled(R"(<form phx-change="change_status">
  <select name="status" type="select">
    <option :for={o <- @options} selected={o.value == @status} value={o.value}>{o.label}</option>
  </select>
</form>

<div :if={@status != "loaded"} class="p-8 bg-gray-200 mb-4">
  {@status}
</div>
<.live_component :if={@status == "loaded"} module="issue-3026-form" id="my-form" name={@name} email={@email} />)",
                                       "e2e/issue_3026.heex");
    return t;
}

// Its form has no phx-target: the events go to the view.
Template Issue3026Form::render() const
{
    static const Template t = compiled(R"(<div>
  Example form
  <form phx-change="validate" phx-submit="submit">
    <input label="Name" name="name" type="text" value={@name} />
    <input label="Email" name="email" type="text" value={@email} />
    <button type="submit">Submit</button>
  </form>
</div>)",
                                       "e2e/issue_3026_form.heex");
    return t;
}

// --- 3117 ----------------------------------------------------------------------------------

// Upstream each row starts assign_async(:foo) in its update; live components have no async work
// of their own here, so the view runs it once connected and hands each row its result with
// send_update (what Phoenix does with a component's async result too).
void Issue3117Live::connected()
{
    for (const QString &row : rows3117)
        startAsync(row, [](const std::atomic_bool &) { return QVariant(QStringLiteral("bar")); });
}

void Issue3117Live::handleAsync(const QString &name, const QVariant &result, const QString &error)
{
    if (!rows3117.contains(name) || !error.isEmpty())
        return LiveView::handleAsync(name, result, error);
    sendUpdate(QStringLiteral("issue-3117-row"), name,
               {{"foo", QVariantMap{{"ok", true}, {"result", result}}}});
}

Template Issue3117Live::render() const
{
    static const Template t =
        compiled(R"(<.link id="navigate" navigate="/issues/3117?nav">Navigate</.link>
<div :for={i <- [1, 2]}>
  <.live_component module="issue-3117-row" id={"row-" <> i} />
</div>)",
                 "e2e/issue_3117.heex");
    return t;
}

void Issue3117Row::mount()
{
    assign("foo", QVariantMap{{"loading", true}}); // an async result still loading
}

void Issue3117Row::update(const QVariantHash &attributes)
{
    LiveComponent::update(attributes);
    // inspect(@foo.result): nil while loading, then the atom :bar.
    const QVariant result = assigned("foo").toMap().value("result");
    if (result.isValid())
        assign("foo_inspected", QString(u':' + result.toString()));
    else
        assign("foo_inspected", QStringLiteral("nil"));
}

Template Issue3117Row::render() const
{
    static const Template t = compiled(R"(<div id={@id}>
  Example LC Row {@foo_inspected}
  <.issue_3117_fc />
</div>)",
                                       "e2e/issue_3117_row.heex");
    return t;
}

// --- 3709 ----------------------------------------------------------------------------------

void Issue3709Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("id", QVariant());
}

void Issue3709Live::handleParams(const QVariantMap &params, const QUrl &)
{
    assign("id", params.value("id")); // nil on /issues/3709
}

Template Issue3709Live::render() const
{
    // The delimiter: the button's script ends in `)"`.
    static const Template t = compiled(R"heex(<ul>
  <li :for={i <- [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}>
    <.link patch={"/issues/3709/" <> i}>Link {i}</.link>
  </li>
</ul>
<div>
  <.live_component module="issue-3709-some-component" id={"user-" <> @id} /> id: {@id}
  <div>
    Click the button, then click any link.
    <button onclick="document.querySelectorAll('li a').forEach((x) => x.click())">
      Break Stuff
    </button>
  </div>
</div>)heex",
                                       "e2e/issue_3709.heex");
    return t;
}

Template Issue3709Component::render() const
{
    static const Template t = compiled(R"(<div>
  Hello
</div>)",
                                       "e2e/issue_3709_component.heex");
    return t;
}

// --- 3979 ----------------------------------------------------------------------------------

void Issue3979Live::mount(const QVariantMap &, const QVariantMap &)
{
    QVariantList components;
    for (int i = 1; i <= 10; ++i)
        components << QVariantMap{{"id", i}, {"counter", 0}};
    assign("counter", 1);
    assign("components", components);
}

void Issue3979Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"bump")
        return LiveView::handleEvent(event, value);
    const int counter = assigned("counter").toInt();
    // Upstream: Process.send_after(self(), {:update, counter}, 100).
    startAsync(update3979 + QString::number(counter), [counter](const std::atomic_bool &) {
        QThread::msleep(100);
        return QVariant(counter);
    });
    QVariantList components = assigned("components").toList();
    if (counter <= components.size()) {
        QVariantMap bumped = components.at(counter - 1).toMap();
        bumped.insert("counter", bumped.value("counter").toInt() + 1);
        components[counter - 1] = bumped;
    }
    assign("components", components);
    assign("counter", counter + 1);
}

void Issue3979Live::handleAsync(const QString &name, const QVariant &result, const QString &error)
{
    if (!name.startsWith(update3979) || !error.isEmpty())
        return LiveView::handleAsync(name, result, error);
    // No such component after the tenth bump: ignored, as send_update to a missing one is.
    sendUpdate(component3979, QStringLiteral("comp-%1").arg(result.toInt()), {{"counter", 10}});
}

Template Issue3979Live::render() const
{
    static const Template t = compiled(R"(<.live_component
  :for={component <- @components}
  module="issue-3979-component"
  id={"comp-" <> component.id}
  dom_id={"hello-" <> component.id <> "-" <> component.counter}
  counter={component.counter}
/>
<button phx-click="bump">Bump ID (and counter)</button>)",
                                       "e2e/issue_3979.heex");
    return t;
}

Template Issue3979Component::render() const
{
    static const Template t = compiled(R"(<div id={@dom_id}>
  {@counter}
</div>)",
                                       "e2e/issue_3979_component.heex");
    return t;
}

// --- 4334 ----------------------------------------------------------------------------------

// The hook is defined by a script in the page before the LiveSocket is created (upstream: the
// layout's pre_script); the first render's HTML runs it while the page is parsed.
Template Issue4334Live::render() const
{
    static const Template t = compiled(R"(<script>
  window.hooks.RootChange = {
    mounted() {
      console.log("MyHook mounted");
    },
    updated() {
      console.log("MyHook updated");
    },
  };
</script>
<main style="max-width: 48rem; margin: 4rem auto; font-family: system-ui;">
  <h1>LiveComponent root ID corruption repro</h1>
  <p id="instructions">
    Click the button. The component root changes from <code>old-root</code>
    to <code>new-root</code>. On affected LiveView versions, the replacement root remains
    but all of its new children disappear.
  </p>

  <.live_component module="issue-4334-root-changing-component" id="demo-component" />
</main>)",
                                       "e2e/issue_4334.heex");
    return t;
}

void Issue4334Component::mount()
{
    assign("changed", false);
}

void Issue4334Component::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"change-root-id")
        assign("changed", true);
    else
        LiveComponent::handleEvent(event, value);
}

Template Issue4334Component::render() const
{
    static const Template t = compiled(R"(<section
  id={if(@changed, "new-root", "old-root")}
  data-testid="component-root"
  phx-hook="RootChange"
  style="min-height: 10rem; margin-top: 2rem; padding: 1.5rem; border: 4px solid #dc2626;"
>
  <button
    id="change-root"
    phx-click="change-root-id"
    phx-target={@myself}
    style="padding: 0.75rem 1rem; background: #111827; color: white;"
  >
    Change component root ID
  </button>

  <p id={if(@changed, "new-child", "old-child")} style="font-size: 1.25rem;">
    {if(@changed, "NEW CHILD SHOULD REMAIN VISIBLE", "Old child is visible")}
  </p>
</section>)",
                                       "e2e/issue_4334_component.heex");
    return t;
}

} // namespace conformance
