// /select (select.spec.js): the selects' error classes and the timers that change them.
#include "select_live.h"
#include "fixture_template.h"

#include "spec_lives_d_helpers.h"

#include <liveview/template.h>

#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <stdexcept>

namespace conformance {

using liveview::Template;

namespace {
QVariantList integers(int from, int to)
{
    QVariantList list;
    for (int n = from; n <= to; ++n)
        list.append(n);
    return list;
}

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

} // namespace conformance
