#include "spec_lives_d.h"

#include <liveview/template.h>

#include <QRandomGenerator>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace conformance {

using liveview::Template;

namespace {
Template compiled(const char *source, const char *name)
{
    return Template::compile(QString::fromUtf8(source), QString::fromLatin1(name));
}

// JS.dispatch("change") as the client reads it from phx-click.
const char *const dispatchChange = R"([["dispatch",{"event":"change"}]])";

bool isList(const QVariant &value)
{
    return value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QStringList;
}

QVariantList integers(int from, int to)
{
    QVariantList list;
    for (int n = from; n <= to; ++n)
        list.append(n);
    return list;
}

// Integer.parse(text) == {n, ""}: an optional sign and digits, nothing else.
bool wholeInteger(const QString &text, qint64 *n)
{
    const qsizetype start = text.startsWith(u'+') || text.startsWith(u'-') ? 1 : 0;
    if (text.size() == start)
        return false;
    for (qsizetype i = start; i < text.size(); ++i)
        if (text.at(i) < u'0' || text.at(i) > u'9')
            return false;
    bool ok = false;
    *n = text.toLongLong(&ok);
    return ok;
}
} // namespace

void registerSpecLivesDComponents()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // One entry of the users' inputs_for: the persistent id's hidden input, then the block.
        liveview::TemplateLibrary::registerComponent(
            QStringLiteral("e2e_dynamic_inputs_user"),
            compiled(
                R"(<input type="hidden" name={@user.persistent_name} value={@user.persistent_id} />
<div style="padding: 4px; border: 1px solid gray;">
  <input type="hidden" name="my_form[users_sort][]" value={@user.index} />
  <input type="text" id={@user.id} name={@user.name} value={@user.value} placeholder="name" />

  <button :if={!@checkboxes} type="button" name="my_form[users_drop][]" value={@user.index} phx-click={@remove}>
    Remove
  </button>
  <label :if={@checkboxes}>
    <input type="checkbox" name="my_form[users_drop][]" value={@user.index} /> Remove
  </label>
</div>)",
                "e2e/dynamic_inputs_user.heex"));
    });
}

// --- /select ---------------------------------------------------------------------------------

namespace {
// One select as the fixture's input component renders it: the form field's id and name, the
// error class once the field was used and has errors, the options with the selected one.
QVariantMap selectField(const QString &field, const QVariantList &options, const QVariant &value,
                        bool error)
{
    const QString selected = value.isValid() ? value.toString() : QString();
    QVariantList rendered;
    for (const QVariant &option : options) {
        const QString text = option.toString();
        rendered.append(
            QVariantMap{{"value", text}, {"selected", value.isValid() && text == selected}});
    }
    return {{"id", QStringLiteral("select_form_") + field},
            {"name", QStringLiteral("select_form[%1]").arg(field)},
            {"class", error ? QVariant(QStringLiteral("has-error")) : QVariant()},
            {"options", rendered}};
}

// The changeset's errors for one field: select2..4 are cast to integers ("" is no value), and
// select3 must be greater than 5.
bool hasErrors(const QString &field, const QVariant &param)
{
    if (field == u"select1" || !param.isValid())
        return false;
    const QString text = param.toString();
    if (text.isEmpty())
        return false;
    qint64 n = 0;
    if (!wholeInteger(text, &n))
        return true; // "is invalid"
    return field == u"select3" && n <= 5;
}

// Phoenix.Component.used_input?: sent, and not marked unused by the client.
bool used(const QVariantMap &params, const QString &field)
{
    return params.contains(field) && !params.contains(QStringLiteral("_unused_") + field);
}
} // namespace

void SelectLive::mount(const QVariantMap &, const QVariantMap &)
{
    assign("tick", 0);
    assign("tick_timer", false);
    assign("tick_generation", 0);
    assign("select2_timer", false);
    assign("select2_countdown", 5);
    assign("select4_timer", false);
    assign("select4_countdown", 5);
    assign("params", QVariantMap{{"select3", "2"}});
    // A form of plain params first, of a changeset after the first change (whose form data adds
    // method="post").
    assign("validated", false);
    assign("select1_opts",
           QVariantList{QStringLiteral("these options"), QStringLiteral("are fixed")});
    assign("select2_opts", integers(1, 10));
    assign("select3_opts", integers(1, 10));
    assign("select4_opts", integers(1, 10));
    assign("select4_value", QStringLiteral("1"));
    showFields();
}

void SelectLive::showFields()
{
    const QVariantMap params = assigned("params").toMap();
    const bool validated = assigned("validated").toBool();
    for (const char *name : {"select1", "select2", "select3", "select4"}) {
        const QString field = QString::fromLatin1(name);
        const QVariant value =
            field == u"select4" ? assigned("select4_value") : params.value(field);
        const bool error =
            validated && used(params, field) && hasErrors(field, params.value(field));
        assign(field, selectField(field, assigned(field + QStringLiteral("_opts")).toList(), value,
                                  error));
    }
}

// Process.send_after(self(), message, ms).
void SelectLive::after(int ms, const QVariant &message) const
{
    QTimer::singleShot(ms, [tell = infoSender(), message] { tell(message); });
}

void SelectLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"validate") {
        if (!value.contains("select_form"))
            throw std::invalid_argument("validate: no select_form params");
        assign("params", value.value("select_form").toMap());
        assign("validated", true);
        showFields();
    } else if (event == u"toggle-tick") {
        // A tick carries the generation it was started in: stopping makes the pending one stale.
        const int generation = assigned("tick_generation").toInt() + 1;
        assign("tick_generation", generation);
        const bool start = !assigned("tick_timer").toBool();
        assign("tick_timer", start);
        if (start)
            after(1000, QVariantMap{{"tick", generation}});
    } else if (event == u"schedule-select2-update") {
        after(1000, QStringLiteral("select2_countdown"));
        assign("select2_countdown", 5);
        assign("select2_timer", true);
    } else if (event == u"schedule-select4-update") {
        after(1000, QStringLiteral("select4_countdown"));
        assign("select4_countdown", 5);
        assign("select4_timer", true);
    } else {
        LiveView::handleEvent(event, value);
    }
}

void SelectLive::handleInfo(const QVariant &message)
{
    const QString name = message.toString();
    if (message.typeId() == QMetaType::QVariantMap) {
        const int generation = message.toMap().value("tick").toInt();
        if (assigned("tick_timer").toBool() && generation == assigned("tick_generation").toInt()) {
            assign("tick", assigned("tick").toInt() + 1);
            after(1000, message);
        }
    } else if (name == u"select2_countdown" || name == u"select4_countdown") {
        const QString select = name.left(7);
        const QString countdown = select + QStringLiteral("_countdown");
        if (assigned(countdown).toInt() == 0) {
            after(0, select == u"select2" ? QStringLiteral("update_select2_opts")
                                          : QStringLiteral("change_select4_value"));
            assign(select + QStringLiteral("_timer"), false);
        } else {
            after(1000, message);
            assign(countdown, assigned(countdown).toInt() - 1);
        }
    } else if (name == u"update_select2_opts") {
        QVariantList options = assigned("select2_opts").toList();
        int max = 0;
        for (const QVariant &option : std::as_const(options))
            max = std::max(max, option.toInt());
        options.append(max + 1);
        assign("select2_opts", options);
        showFields();
    } else if (name == u"change_select4_value") {
        assign("select4_value", QString::number(QRandomGenerator::global()->bounded(1, 11)));
        showFields();
    } else {
        LiveView::handleInfo(message);
    }
}

Template SelectLive::render() const
{
    static const Template t = compiled(R"(<style>
  * { font-size: unset; }

  body {
    padding: 20px;
    max-width: 500px;
    font-family: sans-serif;
  }

  .has-error {
    border: 5px solid red;
  }

  select {
    border: 1px solid black;
  }
</style>

<h1>Select Playgroud</h1>
<p>
  This page contains multiple select inputs to test various behaviors.
  Sadly, we cannot test all of them automatically, as there is no way to assert the state of an open select's native UI.
</p>
Tick: {@tick}

<div style="display: flex; flex-direction: column; gap: 8px">
  <button phx-click="toggle-tick">
    {if(@tick_timer, "Disable", "Enable")} ticking
  </button>
  <button :if={!@select2_timer} phx-click="schedule-select2-update">
    Schedule select2 update
  </button>
  <span :if={@select2_timer}>Select 2 will update in {@select2_countdown}s</span>
  <button :if={!@select4_timer} phx-click="schedule-select4-update">
    Schedule select4 update
  </button>
  <span :if={@select4_timer}>Select 4 will update in {@select4_countdown}s</span>
</div>

<form phx-change="validate" method={if(@validated, "post", nil)}>
  <h2>Select 1</h2>
  <p>
    The select should not close when the page is patched while it is open.
    You can simulate patching by enabling ticking above.
  </p>
  <div>
    <select id={@select1.id} name={@select1.name} class={@select1.class}>
      <option :for={o <- @select1.options} selected={o.selected} value={o.value}>{o.value}</option>
    </select>
  </div>
  <hr />
  <h2>Select 2</h2>
  <p>
    The second select's options will be updated after a 5s timeout (button on top).
    This can be used to test the behavior of the select when its options change while it is open.
  </p>
  <div>
    <select id={@select2.id} name={@select2.name} class={@select2.class}>
      <option :for={o <- @select2.options} selected={o.selected} value={o.value}>{o.value}</option>
    </select>
  </div>
  <hr />
  <h2>Select 3</h2>
  <p>
    Error classes are correctly applied to the third select.
    It should have a red border for all values from 1 to 5. The border should disappear when selecting 6 or higher.
  </p>
  <div>
    <select id={@select3.id} name={@select3.name} class={@select3.class}>
      <option :for={o <- @select3.options} selected={o.selected} value={o.value}>{o.value}</option>
    </select>
  </div>
  <hr />
  <h2>Select 4</h2>
  <p>
    The selected value of this field changes after a 5s timeout (button on top).
    This can be used to test the behavior of the select when its value changes while it is open.
    We expect the value to be ignored if the select is open, as value changes to focused inputs are ignored.
  </p>
  <div>
    <select id={@select4.id} name={@select4.name} class={@select4.class}>
      <option :for={o <- @select4.options} selected={o.selected} value={o.value}>{o.value}</option>
    </select>
  </div>
  <hr />
</form>)",
                                       "e2e/select_live.heex");
    return t;
}

// --- /form-unsaved ---------------------------------------------------------------------------

void FormUnsavedLive::mount(const QVariantMap &, const QVariantMap &)
{
    assign("note", QStringLiteral(""));
    assign("dirty", false);
}

void FormUnsavedLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"validate")
        return LiveView::handleEvent(event, value);
    if (!value.contains("note"))
        throw std::invalid_argument("validate: no note");
    const QString note = value.value("note").toString();
    assign("note", note);
    assign("dirty", !note.isEmpty());
}

// The listeners are installed by a script of the page, before the LiveSocket exists (upstream:
// the layout's pre_script); the first render's HTML runs it while the page is parsed.
Template FormUnsavedLive::render() const
{
    static const Template t = compiled(R"(<script>
  (function () {
    if (window.unsavedFormListenersInstalled) return;
    window.unsavedFormListenersInstalled = true;
    window.unsavedEvents = window.unsavedEvents || [];
    const unsaved = () => !!document.querySelector("#unsaved-form[data-dirty='true']");
    window.addEventListener("phx:before-navigate", (e) => {
      if (!unsaved()) return;
      window.unsavedEvents.push({ type: "phx", detail: e.detail });
      if (!window.confirm("You have unsaved changes. Leave without saving?")) e.preventDefault();
    });
    window.addEventListener("beforeunload", (e) => {
      if (!unsaved()) return;
      window.unsavedEvents.push({ type: "beforeunload" });
      e.preventDefault();
      e.returnValue = "";
    });
  })();
</script>
<h1>Unsaved form</h1>

<.link navigate="/form-unsaved/target">Leave form</.link>

<form
  id="unsaved-form"
  phx-change="validate"
  data-dirty={if(@dirty, "true", "false")}
  style="margin-top: 1rem; display: flex; flex-direction: column; gap: 0.5rem; max-width: 20rem;"
>
  <label for="unsaved-note">Unsaved note</label>
  <input
    id="unsaved-note"
    name="note"
    value={@note}
    style="height: 2rem; border: 1px solid #cbd5e1; padding: 0 0.5rem;"
  />
  <p id="unsaved-value">Unsaved value: {@note}</p>
</form>)",
                                       "e2e/form_unsaved_live.heex");
    return t;
}

Template FormUnsavedTargetLive::render() const
{
    static const Template t =
        compiled("<h1>Unsaved form target</h1>", "e2e/form_unsaved_target.heex");
    return t;
}

// --- /form/dynamic-inputs --------------------------------------------------------------------

QVariantMap FormDynamicInputsLive::buildUsers(const QVariantMap &users, const QVariant &sort,
                                              const QVariant &drop)
{
    if (drop.isValid() && !isList(drop))
        throw std::invalid_argument("users_drop must be a list");
    const QStringList dropped = drop.toStringList();
    QVariantMap pending = users;
    QVariantList result;
    // A users_sort that is not a list leaves the order to the keys.
    if (!sort.isValid() || isList(sort)) {
        QStringList keys = sort.toStringList();
        for (const QString &key : dropped)
            keys.removeOne(key); // sort -- drop: the first occurrence of each
        for (const QString &key : std::as_const(keys))
            result.append(pending.contains(key) ? pending.take(key)
                                                : QVariant(QVariantMap{{"name", QVariant()}}));
    }
    for (const QString &key : dropped)
        pending.remove(key);
    // The rest by key: integer keys in numeric order first, then the others as text.
    struct Rest
    {
        bool integer;
        qint64 number;
        QByteArray key;
        QVariant user;
    };
    std::vector<Rest> rest;
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        Rest r{false, 0, it.key().toUtf8(), it.value()};
        r.integer = wholeInteger(it.key(), &r.number);
        rest.push_back(std::move(r));
    }
    std::stable_sort(rest.begin(), rest.end(), [](const Rest &a, const Rest &b) {
        if (a.integer != b.integer)
            return a.integer;
        return a.integer ? a.number < b.number : a.key < b.key;
    });
    for (const Rest &r : rest)
        result.append(r.user);
    QVariantMap reindexed;
    for (qsizetype i = 0; i < result.size(); ++i)
        reindexed.insert(QString::number(i), result.at(i));
    return reindexed;
}

QVariantList FormDynamicInputsLive::entries(const QVariantMap &users)
{
    const QString persistentKey = QStringLiteral("_persistent_id");
    // inputs_for takes the entries by key as text ("10" before "2"), as a QVariantMap keeps them.
    QSet<QString> seen;
    for (const QVariant &user : users) {
        const QVariant id = user.toMap().value(persistentKey);
        if (id.isValid() && !(id.typeId() == QMetaType::Bool && !id.toBool()))
            seen.insert(id.toString());
    }
    QVariantList list;
    int index = 0;
    for (const QVariant &user : users) {
        const QVariantMap params = user.toMap();
        QString id;
        if (params.contains(persistentKey)) {
            id = params.value(persistentKey).toString();
        } else {
            int next = int(seen.size());
            while (seen.contains(QString::number(next)))
                ++next;
            id = QString::number(next);
        }
        seen.insert(id);
        const QString name = QStringLiteral("my_form[users][%1]").arg(index);
        list.append(QVariantMap{{"index", index},
                                {"persistent_id", id},
                                {"persistent_name", name + QStringLiteral("[_persistent_id]")},
                                {"id", QStringLiteral("my-form_users_%1_name").arg(id)},
                                {"name", name + QStringLiteral("[name]")},
                                {"value", params.value("name")}});
        ++index;
    }
    return list;
}

void FormDynamicInputsLive::assignForm(const QVariantMap &params)
{
    assign("name", params.value("name"));
    assign("users", entries(buildUsers(params.value("users").toMap(), params.value("users_sort"),
                                       params.value("users_drop"))));
}

void FormDynamicInputsLive::mount(const QVariantMap &params, const QVariantMap &)
{
    assignForm({});
    assign("checkboxes", params.value("checkboxes").toString() == u"1");
    assign("submitted", false);
    assign("dispatch_change", dispatchChange);
}

void FormDynamicInputsLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"validate" && event != u"save")
        return LiveView::handleEvent(event, value);
    if (!value.contains("my_form"))
        throw std::invalid_argument("dynamic inputs: no my_form params");
    assignForm(value.value("my_form").toMap());
    if (event == u"save")
        assign("submitted", true);
}

Template FormDynamicInputsLive::render() const
{
    static const Template t = compiled(R"(<form
  id="my-form"
  phx-change="validate"
  phx-submit="save"
  style="display: flex; flex-direction: column; gap: 4px; max-width: 500px;"
>
  <fieldset>
    <input type="text" id="my-form_name" name="my_form[name]" value={@name} placeholder="name" />
    <.e2e_dynamic_inputs_user :for={user <- @users} user={user} checkboxes={@checkboxes} remove={@dispatch_change} />
  </fieldset>

  <input type="hidden" name="my_form[users_drop][]" />

  <button
    :if={!@checkboxes}
    type="button"
    name="my_form[users_sort][]"
    value="new"
    phx-click={@dispatch_change}
  >
    add more
  </button>
  <label :if={@checkboxes}>
    <input type="checkbox" name="my_form[users_sort][]" /> add more
  </label>
</form>

<p :if={@submitted}>Form was submitted!</p>)",
                                       "e2e/form_dynamic_inputs_live.heex");
    return t;
}

// --- /form/feedback --------------------------------------------------------------------------

void FormFeedbackLive::mount(const QVariantMap &, const QVariantMap &)
{
    assign("count", 0);
    assign("submit_count", 0);
    assign("validate_count", 0);
    assign("feedback", true);
}

void FormFeedbackLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"validate")
        assign("validate_count", assigned("validate_count").toInt() + 1);
    else if (event == u"submit")
        assign("submit_count", assigned("submit_count").toInt() + 1);
    else if (event == u"inc")
        assign("count", assigned("count").toInt() + 1);
    else if (event == u"dec")
        assign("count", assigned("count").toInt() - 1);
    else if (event == u"toggle-feedback")
        assign("feedback", !assigned("feedback").toBool());
    else
        LiveView::handleEvent(event, value);
}

// The form and the feedback element are function components upstream (for the client's
// phx-magic-id skipping, which this engine does not do): written out here.
Template FormFeedbackLive::render() const
{
    static const Template t = compiled(R"(<style>
  .phx-no-feedback {
    display: none;
  }
</style>
<p>Button Count: {@count}</p>
<p>Validate Count: {@validate_count}</p>
<p>Submit Count: {@submit_count}</p>
<button phx-click="inc" class="bg-blue-500 text-white p-4">+</button>
<button phx-click="dec" class="bg-blue-500 text-white p-4">-</button>

<form id="myform" name="test" phx-change="validate" phx-submit="submit">
  <input type="text" name="name" class="border border-gray-500" placeholder="type sth" />

  <input type="text" name="myfeedback" class="border border-gray-500" placeholder="myfeedback" />

  <button type="submit">Submit</button>
  <button type="reset">Reset</button>
</form>

<div phx-feedback-for={@feedback && "myfeedback"} data-feedback-container>
  I am visible, because phx-no-feedback is not set for myfeedback!
</div>

<button phx-click="toggle-feedback">Toggle feedback</button>)",
                                       "e2e/form_feedback_live.heex");
    return t;
}

// --- /components -----------------------------------------------------------------------------

void ComponentsLive::mount(const QVariantMap &, const QVariantMap &)
{
    // Upstream's layout loads Tailwind for this view; the root layout's utilities.css has the
    // `hidden` class the dropdown relies on.
    // JS.toggle(to: "#dropdown-menu") |> JS.focus_first(to: "#dropdown-content")
    assign("toggle_dropdown",
           R"([["toggle",{"to":"#dropdown-menu"}],["focus_first",{"to":"#dropdown-content"}]])");
    // JS.hide(to: "#dropdown-menu")
    assign("hide_dropdown", R"([["hide",{"to":"#dropdown-menu"}]])");
}

void ComponentsLive::handleParams(const QVariantMap &params, const QUrl &)
{
    const QVariant tab = params.value("tab");
    assign("active_tab", tab.isValid() ? tab.toString() : QStringLiteral("focus_wrap"));
}

Template ComponentsLive::render() const
{
    static const Template t = compiled(R"(<div class="p-6">
  <h1 class="text-2xl font-bold mb-6">Phoenix Components Demo</h1>

  <!-- Tab Navigation -->
  <div class="border-b border-gray-200 mb-6">
    <nav class="-mb-px flex space-x-8">
      <.link
        patch="/components?tab=focus_wrap"
        class={"whitespace-nowrap py-2 px-1 border-b-2 font-medium text-sm transition-colors " <> if(@active_tab == "focus_wrap", "border-blue-500 text-blue-600", "border-transparent text-gray-500 hover:text-gray-700 hover:border-gray-300")}
      >
        Focus Wrap
      </.link>
    </nav>
  </div>

  <!-- Tab Content -->
  <div class="mt-6">
    <div :if={@active_tab == "focus_wrap"}>
      <div class="space-y-6">
        <div>
          <h2 class="text-xl font-semibold mb-4">Phoenix.Component.focus_wrap Demo</h2>
          <p class="text-gray-600 mb-6">
            The focus_wrap component wraps tab focus around a container for accessibility.
            This is essential for modals, dialogs, and menus.
          </p>
        </div>

        <div class="space-y-4">
          <h3 class="text-lg font-medium">Dropdown Menu Example</h3>
          <p class="text-sm text-gray-600">
            Click the button to open a dropdown menu with focus wrapping.
          </p>

          <div class="relative inline-block">
            <button
              id="dropdown-button"
              phx-click={@toggle_dropdown}
              class="px-4 py-2 bg-gray-600 text-white rounded hover:bg-gray-700 focus:outline-none focus:ring-2 focus:ring-gray-500"
            >
              Options ▼
            </button>

            <div
              id="dropdown-menu"
              class="hidden absolute left-0 mt-2 bg-white border border-gray-300 rounded shadow-lg z-10"
            >
              <div id="dropdown-content" phx-hook="Phoenix.FocusWrap" class="py-1">
                <div id="dropdown-content-start" tabindex="0" aria-hidden="true"></div>
                <button
                  phx-click={@hide_dropdown}
                  class="block w-full text-left px-4 py-2 text-sm text-gray-700 hover:bg-gray-100 focus:bg-gray-100 focus:outline-none"
                >
                  Edit Profile
                </button>
                <button
                  phx-click={@hide_dropdown}
                  class="block w-full text-left px-4 py-2 text-sm text-gray-700 hover:bg-gray-100 focus:bg-gray-100 focus:outline-none"
                >
                  Settings
                </button>
                <button
                  phx-click={@hide_dropdown}
                  class="block w-full text-left px-4 py-2 text-sm text-gray-700 hover:bg-gray-100 focus:bg-gray-100 focus:outline-none"
                >
                  Sign Out
                </button>
                <div id="dropdown-content-end" tabindex="0" aria-hidden="true"></div>
              </div>
            </div>
          </div>
        </div>

        <div class="space-y-4">
          <h3 class="text-lg font-medium">Simple Focus Container</h3>
          <p class="text-sm text-gray-600">
            A simple container that wraps focus. Notice how Tab navigation cycles within this box.
          </p>

          <div
            id="simple-focus-container"
            phx-hook="Phoenix.FocusWrap"
            class="border-2 border-dashed border-gray-300 p-4 rounded"
          >
            <div id="simple-focus-container-start" tabindex="0" aria-hidden="true"></div>
            <div class="space-y-3">
              <h4 class="font-medium">Focus Trapped Container</h4>
              <p class="text-sm text-gray-600">
                Tab through these elements and notice how focus cycles within this container.
              </p>

              <div class="grid grid-cols-2 gap-3">
                <button class="px-3 py-2 bg-green-600 text-white rounded hover:bg-green-700 focus:outline-none focus:ring-2 focus:ring-green-500">
                  Button 1
                </button>
                <button class="px-3 py-2 bg-green-600 text-white rounded hover:bg-green-700 focus:outline-none focus:ring-2 focus:ring-green-500">
                  Button 2
                </button>
              </div>

              <input
                type="text"
                placeholder="Input within container"
                class="w-full px-3 py-2 border border-gray-300 rounded focus:outline-none focus:ring-2 focus:ring-green-500"
              />
            </div>
            <div id="simple-focus-container-end" tabindex="0" aria-hidden="true"></div>
          </div>
        </div>
      </div>
    </div>
  </div>
</div>)",
                                       "e2e/components_live.heex");
    return t;
}

// --- /stream/inside-for ----------------------------------------------------------------------

void StreamInsideForLive::mount(const QVariantMap &, const QVariantMap &)
{
    stream("items", {});
}

// start_async runs only once connected, as upstream's does.
void StreamInsideForLive::connected()
{
    startAsync("foo", [](const std::atomic_bool &) {
        QThread::msleep(50); // upstream: Process.sleep(50)
        return QVariant();
    });
}

void StreamInsideForLive::handleAsync(const QString &name, const QVariant &result,
                                      const QString &error)
{
    if (name != u"foo")
        return LiveView::handleAsync(name, result, error);
    if (!error.isEmpty())
        throw std::runtime_error("foo failed: " + error.toStdString());
    QVariantList items;
    for (const char *id : {"a", "b", "c", "d"})
        items.append(QVariantMap{{"id", QString::fromLatin1(id)},
                                 {"name", QString::fromLatin1(id).toUpper()}});
    stream("items", items);
}

Template StreamInsideForLive::render() const
{
    static const Template t = compiled(R"(<div :for={_i <- [1]}>
  <ul phx-update="stream" id="thelist">
    <li :for={{id, item} <- @streams.items} id={id}>
      {item.name}
    </li>
  </ul>
</div>)",
                                       "e2e/stream_inside_for.heex");
    return t;
}

} // namespace conformance
