#include "spec_lives_e.h"
#include "fixture_template.h"

#include <liveview/template.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <mutex>
#include <stdexcept>

namespace conformance {

using liveview::Template;

namespace {
const QString badgeFormModule = QStringLiteral("issue-3684-badge-form");
const QString issue4088Module = QStringLiteral("issue-4088-lc");
} // namespace

void registerSpecLivesEComponents()
{
    static std::once_flag once;
    std::call_once(once, [] {
        liveview::LiveComponent::registerModule<Issue3684BadgeForm>(badgeFormModule);
        liveview::LiveComponent::registerModule<Issue4088Component>(issue4088Module);
    });
}

// --- /colocated ------------------------------------------------------------------------------

namespace {
// The code blocks of the page's two highlighted <pre> (shown as text: see render()).
const char *const highlighterSource = R"code(defmodule SyntaxHighlight do
  @behaviour Phoenix.Component.MacroComponent

  # transform/2 replaces the <pre> with the highlighted code at compile time
end
)code";

const char *const thermostatSample = R"code(defmodule MyAppWeb.ThermostatLive do
  use MyAppWeb, :live_view

  def render(assigns) do
    ~H"""
    Current temperature: {@temperature}°F
    <button phx-click="inc_temperature">+</button>
    """
  end

  def mount(_params, _session, socket) do
    {:ok, assign(socket, :temperature, 70)}
  end

  def handle_event("inc_temperature", _params, socket) do
    {:noreply, update(socket, :temperature, &(&1 + 1))}
  end
end
)code";
} // namespace

void ColocatedLive::mount(const QVariantMap &, const QVariantMap &)
{
    assign("phone", QVariant());
    assign("highlighter_source", QString::fromUtf8(highlighterSource));
    assign("code_sample", QString::fromUtf8(thermostatSample));
    assign("flex_items", QVariantList{1, 2, 3});
}

void ColocatedLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"submit-phone") {
        assign("phone", value.value("user").toMap().value("phone_number"));
    } else if (event == u"push-js") {
        // push_event "js:exec" with the JSON of JS.toggle(to: "#hello"); the page's colocated JS
        // executes it.
        const QJsonArray toggle{QStringLiteral("toggle"),
                                QJsonObject{{QStringLiteral("to"), QStringLiteral("#hello")}}};
        QJsonArray ops;
        ops.append(toggle);
        const QByteArray cmd = QJsonDocument(ops).toJson(QJsonDocument::Compact);
        pushEvent("js:exec", {{"cmd", QString::fromUtf8(cmd)}});
    } else {
        LiveView::handleEvent(event, value);
    }
}

// Upstream's markup after its compile-time transforms, which the engine's templates do not have:
// - the colocated hooks' and JS's <script> tags are gone (their code is in
//   assets/colocated/spec_lives_e.js) and `phx-hook=".Name"` names the module's hook;
// - the runtime hook stays as a script that defines window["phx_hook_<name>"];
// - every root tag of a template (of the function components and of their slots too) carries the
//   configured root tag attribute phx-r, and those of a template with scoped colocated CSS also
//   its phx-css-<scope> (the CSS itself, global and scoped, is assets/colocated/colocated.css,
//   linked here as upstream's layout links it);
// - the SyntaxHighlight macro component adds class="highlight" to its <pre>, drops
//   phx-no-curly-interpolation and highlights the code with Makeup: the code is plain text here.
Template ColocatedLive::render() const
{
    static const Template t =
        compiled(R"(<link rel="stylesheet" href="/assets/colocated/colocated.css" />
<form phx-r phx-submit="submit-phone">
  <input type="text" name="user[phone_number]" id="user-phone-number" phx-hook="Phoenix.LiveViewTest.E2E.ColocatedLive.PhoneNumber" />
</form>

<p phx-r id="phone">{@phone}</p>

<div phx-r id="runtime" phx-hook="Phoenix.LiveViewTest.E2E.ColocatedLive.Runtime" style="display: none;">Runtime hook works!</div>
<script phx-r data-phx-runtime-hook="Phoenix.LiveViewTest.E2E.ColocatedLive.Runtime">
  window["phx_hook_Phoenix.LiveViewTest.E2E.ColocatedLive.Runtime"] = function() {
    return {
      mounted() {
        this.js().show(this.el);
      }
    }
  }
</script>

<hr phx-r />

<button phx-r phx-click="push-js">Push JS from server</button>
<h1 phx-r id="hello">Hello!</h1>

<hr phx-r />

<pre phx-r class="highlight" language="elixir">{@highlighter_source}</pre>

<p phx-r data-test="global" class="test-global-css">Should have red background</p>
<div phx-r phx-css-scoped>
  <span data-test-scoped="blue" class="test-scoped-css">Should have blue background</span>
  <span phx-r phx-css-scoped data-test-scoped="none" class="test-scoped-css">
    Should have no background (scope root)
    <span data-test-scoped="blue" class="test-scoped-css">
      Should have blue background
    </span>
  </span>
  <span phx-r phx-css-scoped data-test-scoped="none" class="test-scoped-css">
    Should have no background (scope root)
    <span data-test-scoped="blue" class="test-scoped-css">
      Should have blue background
    </span>
  </span>
  <div phx-r phx-css-yellow>
    <span data-test-scoped="yellow" class="test-scoped-css">Should have yellow background</span>
    <span phx-r phx-css-scoped data-test-scoped="none" class="test-scoped-css">
      Should have no background (scope root)
      <span data-test-scoped="blue" class="test-scoped-css">
        Should have blue background
      </span>
    </span>
  </div>
  <span phx-r phx-css-scoped data-test-scoped="none" class="test-scoped-css">
    Should have no background (scope root)
    <span data-test-scoped="blue" class="test-scoped-css">
      Should have blue background
    </span>
  </span>
  <div phx-r phx-css-green>
    <span data-test-scoped="green" class="test-scoped-css">Should have green background</span>
    <span phx-r phx-css-scoped data-test-scoped="none" class="test-scoped-css">
      Should have no background (scope root)
      <span data-test-scoped="blue" class="test-scoped-css">
        Should have blue background
      </span>
    </span>
  </div>
</div>
<p phx-r data-test="scoped" class="test-scoped-css">Should have no background (out of scope)</p>
<div phx-r phx-css-inclusive data-test-lower-bound-container class="container">
  <p :for={x <- @flex_items} phx-r data-test-inclusive="yes">
    Should Flex {x}
  </p>
</div>
<div phx-r phx-css-exclusive data-test-lower-bound-container class="container">
  <p :for={x <- @flex_items} phx-r data-test-inclusive="no">
    Shouldn't Flex {x}
  </p>
</div>

<pre phx-r class="highlight" language="elixir">{@code_sample}</pre>)",
                 "e2e/colocated_live.heex");
    return t;
}

// --- /issues/2787 ----------------------------------------------------------------------------

namespace {
// options_for_select of a list of strings: each option's value and text, `selected` when it is
// the field's value.
QVariantList selectOptions(const QStringList &options, const QVariant &value)
{
    QVariantList out;
    for (const QString &option : options)
        out.append(QVariantMap{{"value", option},
                               {"selected", value.isValid() && value.toString() == option}});
    return out;
}
} // namespace

QStringList Issue2787Live::secondOptions(const QString &first)
{
    if (first == u"greetings")
        return {QStringLiteral("hello"), QStringLiteral("hallo"), QStringLiteral("hei")};
    if (first == u"goodbyes")
        return {QStringLiteral("goodbye"), QStringLiteral("auf wiedersehen"),
                QStringLiteral("ha det bra")};
    return {};
}

void Issue2787Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("select1_opts", QStringList{QStringLiteral("greetings"), QStringLiteral("goodbyes")});
    assign("select2_opts", QStringList());
    assignForm({});
}

// The form of a changeset cast from `demo`: a field's value is its param as sent (nil when not
// sent).
void Issue2787Live::assignForm(const QVariantMap &demo)
{
    assign("select1",
           selectOptions(assigned("select1_opts").toStringList(), demo.value("select1")));
    assign("select2",
           selectOptions(assigned("select2_opts").toStringList(), demo.value("select2")));
    assign("dummy", demo.value("dummy"));
}

void Issue2787Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"updated" && event != u"submitted")
        return LiveView::handleEvent(event, value);
    // Both clauses match %{"demo" => _} only: anything else crashes the view, as upstream.
    if (!value.contains("demo"))
        throw std::invalid_argument("issue 2787: event without demo params");
    const QVariantMap demo = value.value("demo").toMap();
    if (event == u"updated") {
        // select2 is not reset when select1 changes (upstream leaves that out too).
        assign("select2_opts", secondOptions(demo.value("select1").toString()));
        assignForm(demo);
    } else {
        assign("select2_opts", QStringList());
        assignForm({});
    }
}

// Upstream's page also loads Tailwind from a CDN (styling only); left out: no outside network.
Template Issue2787Live::render() const
{
    static const Template t = compiled(R"(<div class="p-20">
  <form phx-change="updated" phx-submit="submitted" class="space-y-4" method="post">
    <div>
      <label for="demo_select1" class="block text-sm font-semibold leading-6 text-zinc-800">
        select1
      </label>
      <select id="demo_select1" name="demo[select1]" class="mt-2 block w-full rounded-md border border-gray-300 bg-white shadow-sm focus:border-zinc-400 focus:ring-0 sm:text-sm">
        <option value="">Select</option>
        <option :for={o <- @select1} selected={o.selected} value={o.value}>{o.value}</option>
      </select>
    </div>

    <div>
      <label for="demo_select2" class="block text-sm font-semibold leading-6 text-zinc-800">
        select2
      </label>
      <select id="demo_select2" name="demo[select2]" class="mt-2 block w-full rounded-md border border-gray-300 bg-white shadow-sm focus:border-zinc-400 focus:ring-0 sm:text-sm">
        <option value="">Select</option>
        <option :for={o <- @select2} selected={o.selected} value={o.value}>{o.value}</option>
      </select>
    </div>

    <div>
      <label for="demo_dummy" class="block text-sm font-semibold leading-6 text-zinc-800">
        Some text
      </label>
      <input type="text" name="demo[dummy]" id="demo_dummy" value={@dummy} class="mt-2 px-2 block w-full rounded-lg text-zinc-900 border focus:ring-0 sm:text-sm sm:leading-6 border-zinc-300 focus:border-zinc-400" />
    </div>

    <button class="text-sm border bg-zinc-200" type="submit">Submit</button>
  </form>
</div>)",
                                       "e2e/issue_2787.heex");
    return t;
}

// --- /issues/3684 ----------------------------------------------------------------------------

void Issue3684Live::handleEvent(const QString &event, const QVariantMap &value)
{
    // The component's form has no phx-target: its change and submit come here, and do nothing.
    if (event != u"change" && event != u"submit")
        LiveView::handleEvent(event, value);
}

Template Issue3684Live::render() const
{
    static const Template t =
        compiled(R"(<.live_component id="badge_form" module="issue-3684-badge-form" />)",
                 "e2e/issue_3684.heex");
    return t;
}

void Issue3684BadgeForm::mount()
{
    assign("type", QStringLiteral("huey"));
    assign("types", QVariantList{QStringLiteral("huey"), QStringLiteral("dewey")});
}

void Issue3684BadgeForm::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"change-type")
        return LiveComponent::handleEvent(event, value);
    // String.to_existing_atom: only the known types.
    const QString type = value.value("type").toString();
    if (!assigned("types").toStringList().contains(type))
        throw std::invalid_argument("issue 3684: unknown type");
    assign("type", type);
}

Template Issue3684BadgeForm::render() const
{
    static const Template t = compiled(R"(<div>
  <form id="foo" class="max-w-lg p-8 flex flex-col gap-4" phx-change="change" phx-submit="submit" method="post">
    <fieldset>
      <legend>Radio example:</legend>
      <div :for={type <- @types} phx-click="change-type" phx-value-type={type} phx-target={@myself}>
        <input type="radio" id={type} name="type" value={type} checked={@type == type} />
        <label for={type}>{type}</label>
      </div>
    </fieldset>
  </form>
</div>)",
                                       "e2e/issue_3684_badge_form.heex");
    return t;
}

// --- /issues/4088 ----------------------------------------------------------------------------

Template Issue4088Live::render() const
{
    static const Template t =
        compiled(R"(<.live_component module="issue-4088-lc" id="lc" />)", "e2e/issue_4088.heex");
    return t;
}

void Issue4088Component::mount()
{
    assign("test", QStringLiteral("value"));
}

void Issue4088Component::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"my_update")
        assign("test", QRandomGenerator::global()->generateDouble());
    else
        LiveComponent::handleEvent(event, value);
}

// The hook (colocated upstream) is in assets/colocated/spec_lives_e.js.
Template Issue4088Component::render() const
{
    static const Template t = compiled(
        R"(<div id="foo" phx-hook="Phoenix.LiveViewTest.E2E.Issue4088Live.LC.MyHook" phx-target={@myself}>
  {@test}
</div>)",
        "e2e/issue_4088_lc.heex");
    return t;
}

} // namespace conformance
