#include "small_issue_lives.h"
#include "fixture_template.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>

namespace conformance {

using liveview::Template;

QString inspectStringList(const QStringList &list)
{
    QStringList quoted;
    for (QString s : list)
        quoted << QStringLiteral("\"%1\"").arg(
            s.replace(QStringLiteral("\\"), QStringLiteral("\\\\"))
                .replace(QStringLiteral("\""), QStringLiteral("\\\"")));
    return u'[' + quoted.join(u", ") + u']';
}

QStringList fieldPath(const QString &name)
{
    static const QRegularExpression separators(QStringLiteral("[\\[\\]]+"));
    QStringList parts = name.split(separators, Qt::SkipEmptyParts);
    return parts.isEmpty() ? QStringList{name} : parts;
}

void Issue3529Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("mounted", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
}

void Issue3529Live::handleParams(const QVariantMap &, const QUrl &)
{
    assign("next", QString::number(QRandomGenerator::global()->generateDouble(), 'g', 17));
}

Template Issue3529Live::render() const
{
    static const Template t = compiled(R"(<h1>Mounted at {@mounted}</h1>
<.link navigate={"/issues/3529?param=" <> @next}>Navigate</.link>
<.link patch={"/issues/3529?param=" <> @next}>Patch</.link>)",
                                       "e2e/issue_3529.heex");
    return t;
}

void Issue4094Live::handleParams(const QVariantMap &params, const QUrl &)
{
    if (params.value("foo").toString() == u"bar")
        redirect("/navigation/a");
}

Template Issue4094Live::render() const
{
    static const Template t =
        compiled(R"(<.link patch="/issues/4094?foo=bar">Patch</.link>)", "e2e/issue_4094.heex");
    return t;
}

void Issue3719Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("target", QStringLiteral("nil"));
}

void Issue3719Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"inc")
        return LiveView::handleEvent(event, value);
    const QVariant target = value.value("_target");
    const QStringList path =
        target.typeId() == QMetaType::QVariantList || target.typeId() == QMetaType::QStringList
            ? target.toStringList()
            : fieldPath(target.toString());
    assign("target", inspectStringList(path));
}

Template Issue3719Live::render() const
{
    static const Template t = compiled(R"(<form phx-change="inc">
  <input id="a" type="text" name="foo" />
  <input id="b" type="text" name="foo[bar]" />
</form>
<span id="target">{@target}</span>)",
                                       "e2e/issue_3719.heex");
    return t;
}

void Issue3819Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("reconnected", false);
}

void Issue3819Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"reconnected")
        assign("reconnected", true);
    else if (event != u"validate" && event != u"save")
        LiveView::handleEvent(event, value);
}

Template Issue3819Live::render() const
{
    static const Template t =
        compiled(R"(<form id="recover" phx-change="validate" phx-submit="save">
  <button>Submit</button>
</form>

<p :if={@reconnected} id="reconnected">Reconnected!</p>)",
                 "e2e/issue_3819.heex");
    return t;
}

void Issue3814Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("trigger_submit", false);
}

void Issue3814Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"submit")
        assign("trigger_submit", true);
    else
        LiveView::handleEvent(event, value);
}

Template Issue3814Live::render() const
{
    static const Template t = compiled(
        R"(<form phx-submit="submit" phx-trigger-action={@trigger_submit} action="/submit" method="post">
  <input type="hidden" name="greeting" value="hello" />
  <button type="submit" name="i-am-the-submitter" value="submitter-value">Submit</button>
</form>)",
        "e2e/issue_3814.heex");
    return t;
}

void Issue3107Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("disabled", true);
}

void Issue3107Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"validate")
        assign("disabled", false);
    else
        LiveView::handleEvent(event, value);
}

Template Issue3107Live::render() const
{
    static const Template t = compiled(R"(<form phx-change="validate" style="display: flex;">
  <select>
    <option value="ONE">ONE</option>
    <option value="TWO">TWO</option>
  </select>

  <button disabled={@disabled}>OK</button>
</form>)",
                                       "e2e/issue_3107.heex");
    return t;
}

void Issue4102Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("name", QStringLiteral("Test"));
}

void Issue4102Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"validate" || event == u"submit")
        assign("name", value.value("name").toString());
    else
        LiveView::handleEvent(event, value);
}

Template Issue4102Live::render() const
{
    static const Template t = compiled(R"(<div>
  <input form="my-form" phx-debounce="500" name="name" id="name" value={@name} type="text" />
  <form id="my-form" phx-change="validate" phx-submit="submit">
    <button type="submit" phx-disable-with="Submitting...">Submit</button>
  </form>
</div>)",
                                       "e2e/issue_4102.heex");
    return t;
}

void Issue3919Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("special", false);
}

void Issue3919Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"toggle_special")
        assign("special", !assigned("special").toBool());
    else
        LiveView::handleEvent(event, value);
}

Template Issue3919Live::render() const
{
    static const Template t = compiled(R"(<div style={if(@special, "background-color: red;", nil)}>
  {if(@special, "Red", "No red")}
</div>

<button phx-click="toggle_special">toggle</button>)",
                                       "e2e/issue_3919.heex");
    return t;
}

void Issue3931Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("slow_data", QVariantMap{{"loading", true}});
}

// Started once the socket has joined (the engine's place for async work; Phoenix's
// assign_async also runs only when connected).
void Issue3931Live::connected()
{
    assignAsync("slow_data", [](const std::atomic_bool &) {
        QThread::msleep(100); // the fixture's slow source (upstream: Process.sleep(100))
        return QVariant(QStringLiteral("This was loaded asynchronously!"));
    });
}

Template Issue3931Live::render() const
{
    static const Template t = compiled(R"(<div class="max-w-4xl mx-auto p-8">
  <div :if={@slow_data.loading} id="async" class="flex items-center space-x-3">
    <div class="animate-spin rounded-full h-8 w-8 border-b-2 border-blue-500"></div>
    <p class="text-gray-600">Loading data...</p>
  </div>
  <div :if={@slow_data.ok} id="async" class="space-y-3">
    {@slow_data.result}
  </div>
</div>)",
                                       "e2e/issue_3931.heex");
    return t;
}

void Issue4325Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("count", 0);
}

void Issue4325Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"increment")
        assign("count", assigned("count").toInt() + 1);
    else
        LiveView::handleEvent(event, value);
}

// The hook is defined by a script in the page before the LiveSocket is created (upstream: the
// layout's pre_script); the first render's HTML runs it while the page is parsed.
Template Issue4325Live::render() const
{
    static const Template t = compiled(R"(<script>
  window.issue4325Lifecycle = window.issue4325Lifecycle || { mounted: 0, updated: 0, destroyed: 0 };
  window.hooks.IdPassthrough = window.hooks.IdPassthrough || {
    mounted() {
      window.issue4325Lifecycle.mounted++;
      this.js().setAttribute(this.el, "id", this.el.id);
    },
    updated() {
      window.issue4325Lifecycle.updated++;
    },
    destroyed() {
      window.issue4325Lifecycle.destroyed++;
    },
  };
</script>
<button phx-click="increment">Increment</button>
<div id="hooked" phx-hook="IdPassthrough">count is {@count}</div>)",
                                       "e2e/issue_4325.heex");
    return t;
}

Template Issue3636Live::render() const
{
    static const Template t = compiled(R"(<style>
  .space-x-8 > :not([hidden]) ~ :not([hidden]) {
    margin-left: 2rem;
  }
</style>

<div class="container mx-auto p-8">
  <button>Outside 1</button>
  <div id="focus-wrap" phx-hook="Phoenix.FocusWrap" class="space-x-8">
    <div id="focus-wrap-start" tabindex="0" aria-hidden="true"></div>
    <button id="first" class="border rounded py-2 px-4">One</button>
    <button id="second" class="border rounded py-2 px-4">Two</button>
    <button id="third" class="border rounded py-2 px-4">Three</button>
    <div id="focus-wrap-end" tabindex="0" aria-hidden="true"></div>
  </div>
  <button>Outside 2</button>
</div>)",
                                       "e2e/issue_3636.heex");
    return t;
}

void Issue3199Live::mount(const QVariantMap &, const QVariantMap &)
{
    stream("items", {QVariantMap{{"id", 1}, {"name", "Item 1"}},
                     QVariantMap{{"id", 2}, {"name", "Item 2"}}});
    // JS.transition("item-removing", time: 1_000)
    assign("remove_item",
           R"([["transition",{"time":1000,"transition":[["item-removing"],[],[]]}]])");
}

void Issue3199Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"delete")
        streamDeleteByDomId("items", value.value("id").toString());
    else
        LiveView::handleEvent(event, value);
}

Template Issue3199Live::render() const
{
    static const Template t = compiled(R"(<h1>Items</h1>

<.link navigate="/issues/3199/away">Navigate away</.link>

<ul id="items" phx-update="stream">
  <li :for={{dom_id, item} <- @streams.items} id={dom_id} phx-remove={@remove_item}>
    {item.name}
    <button phx-click="delete" phx-value-id={dom_id}>Delete</button>
  </li>
</ul>)",
                                       "e2e/issue_3199.heex");
    return t;
}

Template Issue3199AwayLive::render() const
{
    static const Template t = compiled("<h1>Away</h1>", "e2e/issue_3199_away.heex");
    return t;
}

} // namespace conformance
