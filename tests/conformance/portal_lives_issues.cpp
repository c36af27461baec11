// The issues 4095, 4107 and 4121: a portal inside a form, a form teleported out of the view, a
// stream teleported out of the view.
#include "fixture_template.h"
#include "portal_lives.h"
#include "portal_lives_components.h"

#include <liveview/template.h>

namespace conformance {

using liveview::Template;

// --- /issues/4095 ----------------------------------------------------------------------------

// to_form(%{"show?" => true}): the field's value is true until the first change.
void Issue4095Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("show", true);
}

void Issue4095Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"validate") // the form of the params: the field is nil when not sent
        assign("show", value.value(QStringLiteral("show?")));
    else
        LiveView::handleEvent(event, value);
}

// Upstream's <.form :let={f} for={@form}> renders a bare <form> (no action: no CSRF input) with
// the field's name and id "show?"; its private .button with no attributes is a bare <button>.
Template Issue4095Live::render() const
{
    static const Template t = compiled(R"(<form phx-change="validate">
  <input type="text" name="show?" id="show?" value={@show} />

  <.portal id="portal" target="#portal_target">
    <div>
      <button :if={@show}>Show?</button>
    </div>
  </.portal>
</form>

<div id="portal_target"></div>)",
                                       "e2e/issue_4095.heex");
    return t;
}

// --- /issues/4107 ----------------------------------------------------------------------------

// Upstream's <.form action=... method="post"> also renders a hidden _csrf_token input, which a
// view cannot render here (and nothing at /api/test checks: the browser gets a 404 page there).
Template Issue4107Live::render() const
{
    static const Template t = compiled(R"(<div>
  <.portal id="test-form-portal" target="body">
    <form id="test-form" action="/api/test" method="post">
      <input type="hidden" name="test_input" value="test_value" />
    </form>
  </.portal>
  <button type="submit" form="test-form">Submit</button>
</div>)",
                                       "e2e/issue_4107.heex");
    return t;
}

// --- /issues/4121 ----------------------------------------------------------------------------

namespace {
QVariantMap item4121(qint64 id)
{
    return {{"id", id}, {"name", QStringLiteral("Item %1").arg(id)}};
}
} // namespace

void Issue4121Live::mount(const QVariantMap &, const QVariantMap &)
{
    stream(QStringLiteral("items"), {item4121(1), item4121(2)});
}

void Issue4121Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"reset-stream")
        stream(QStringLiteral("items"), {item4121(portal::uniqueInteger())}, true);
    else
        LiveView::handleEvent(event, value);
}

Template Issue4121Live::render() const
{
    static const Template t =
        compiled(R"(<button phx-click="reset-stream">Reset teleported stream</button>

<.portal id="teleported-stream" target="body">
  <ul id="stream-in-lv" phx-update="stream">
    <li :for={{id, item} <- @streams.items} id={id}>
      {item.name}
    </li>
  </ul>
</.portal>)",
                 "e2e/issue_4121.heex");
    return t;
}

} // namespace conformance
