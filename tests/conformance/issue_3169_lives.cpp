// /issues/3169: a component emptied, then filled again by a send_update with nested components.
#include "issue_3169_lives.h"
#include "fixture_template.h"

#include "issue_lives_c_helpers.h"

#include <liveview/template.h>

#include <QRandomGenerator>
#include <QThread>

namespace conformance {

using liveview::Template;

void Issue3169Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("selected", QVariant());
}

void Issue3169Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"select")
        return LiveView::handleEvent(event, value);
    const QString name = value.value(QStringLiteral("name")).toString();
    if (assigned("selected").toString() == name)
        return; // unchanged: the component is not updated
    assign("selected", name);
    // Upstream the component's update sends this send_update to itself; a LiveComponent has no
    // send_update here, so the view sends it. Either way it arrives after this event's render,
    // which shows the component emptied first.
    updateSender()(formComponentModule, QStringLiteral("form_view"),
                   {{QStringLiteral("load"), name}});
}

Template Issue3169Live::render() const
{
    static const Template t = compiled(
        R"(HomeLive <.live_component module="issue-3169-form-component" id="form_view" selected={@selected} />
<button id="select-a" phx-click="select" phx-value-name="a">Select A</button>
<button id="select-b" phx-click="select" phx-value-name="b">Select B</button>
<button id="select-z" phx-click="select" phx-value-name="z">Select Z</button>)",
        "e2e/issue_3169.heex");
    return t;
}

void Issue3169FormComponent::mount()
{
    assign("record", QVariant());
}

void Issue3169FormComponent::update(const QVariantHash &attributes)
{
    if (attributes.contains(QStringLiteral("load"))) {
        QThread::msleep(50); // the fixture's slow source (upstream: :timer.sleep(50))
        const QString name = attributes.value(QStringLiteral("load")).toString();
        assign("record", QVariantMap{{"id", QRandomGenerator::global()->bounded(1, 1000001)},
                                     {"name", QStringLiteral("Record ") + name}});
    } else if (isGiven(attributes.value(QStringLiteral("selected")))) {
        assign("record", QVariant());
    }
}

Template Issue3169FormComponent::render() const
{
    static const Template t = compiled(R"(<div>
  FormComponent (c1)
  <div :if={@record}>
    <.live_component module="issue-3169-form-core" id="core" record={@record} />
  </div>
  <hr />
</div>)",
                                       "e2e/issue_3169_form_component.heex");
    return t;
}

void Issue3169FormCore::mount()
{
    assign("record", QVariant());
}

// `<.form :let={form} for={@record}>` upstream: the form's `name` field as FormColumn reads it.
void Issue3169FormCore::update(const QVariantHash &attributes)
{
    const QVariantMap record = attributes.value(QStringLiteral("record")).toMap();
    assign("record", record);
    assign("form", QVariantMap{{"name", QVariantMap{{"name", "name"},
                                                    {"id", "name"},
                                                    {"value", record.value("name")}}}});
}

Template Issue3169FormCore::render() const
{
    static const Template t = compiled(R"(<div>
  FormCore (c2)
  <form>
    <.live_component module="issue-3169-form-column" id={"column-" <> @record.id} form={@form} />
  </form>
</div>)",
                                       "e2e/issue_3169_form_core.heex");
    return t;
}

Template Issue3169FormColumn::render() const
{
    static const Template t = compiled(R"(<div>
  FormColumn (c3) <input type="text" value={@form.name.value} />
  <.issue_3169_input field={@form.name} />
  <.issue_3169_test var="foo" />
</div>)",
                                       "e2e/issue_3169_form_column.heex");
    return t;
}

} // namespace conformance
