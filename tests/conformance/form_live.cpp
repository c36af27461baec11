#include "form_live.h"
#include "fixture_template.h"

namespace conformance {

using liveview::Template;

namespace {
const QString paramsKey = QStringLiteral("params");

// A query flag is present even without a value ("?portal"), as in a Phoenix params map.
bool has(const QVariantMap &params, const char *key)
{
    return params.contains(QLatin1String(key));
}

QVariant optional(const QVariantMap &params, const char *key)
{
    return params.value(QLatin1String(key)); // invalid (nil) when absent: the attribute is left out
}
} // namespace

QVariantMap FormParams::defaults(const QVariantMap &query)
{
    QVariantMap params{
        {"a", "foo"}, {"b", "bar"}, {"c", "baz"}, {"id", "test-form"}, {"phx-change", "validate"}};
    for (auto it = query.cbegin(); it != query.cend(); ++it)
        params.insert(it.key(), it.value());
    if (has(query, "no-id"))
        params.remove("id");
    else if (has(query, "no-change-event"))
        params.remove("phx-change");
    else if (has(query, "js-change"))
        params.insert("phx-change", R"([["push",{"event":"validate"}]])");
    return params;
}

QVariantMap FormParams::merged(const QVariantMap &params, const QVariantMap &event)
{
    QVariantMap result = params;
    for (auto it = event.cbegin(); it != event.cend(); ++it)
        result.insert(it.key(), it.value());
    return result;
}

QVariantMap FormParams::forTemplate(const QVariantMap &p)
{
    return {{"id", optional(p, "id")},
            {"change", optional(p, "phx-change")},
            {"auto_recover", optional(p, "phx-auto-recover")},
            {"no_unused_form", optional(p, "phx-no-unused-field-form")},
            {"no_unused_input", optional(p, "phx-no-unused-field-input")},
            {"disabled_fieldset", optional(p, "disabled-fieldset")},
            {"a", optional(p, "a")},
            {"b", optional(p, "b")},
            {"c", optional(p, "c")},
            {"d", optional(p, "d")},
            {"e", optional(p, "e")},
            {"f", optional(p, "f")},
            // JS.dispatch("test") as the client reads it from phx-click.
            {"dispatch_test", R"([["dispatch",{"event":"test"}]])"}};
}

void FormLive::mount(const QVariantMap &routeParams, const QVariantMap &session)
{
    // Rendered by /form/nested, the page's query arrives as the child's session.
    QVariantMap params = routeParams;
    if (isNested()) {
        params = session;
        params.remove(QStringLiteral("session_id"));
        params.remove(QStringLiteral("remote_address"));
    }
    setParams(FormParams::defaults(params));
    assign("portal", has(params, "portal"));
    assign("live_component", has(params, "live-component"));
    assign("submitted", false);
}

void FormLive::setParams(const QVariantMap &params)
{
    assign(paramsKey, params);
    assign("form", FormParams::forTemplate(params));
}

void FormLive::handleEvent(const QString &event, const QVariantMap &value)
{
    const QVariantMap params = assigned(paramsKey).toMap();
    if (event == u"validate")
        setParams(FormParams::merged(params, value));
    else if (event == u"save")
        assign("submitted", true);
    else if (event == u"custom-recovery")
        setParams(FormParams::merged(params, {{"b", "custom value from server"}}));
    else if (event == u"patch-recovery")
        pushPatch("/form?patched=true");
    else if (event != u"button-test")
        LiveView::handleEvent(event, value);
}

Template FormLive::render() const
{
    static const Template t = Template::load("e2e/form_live.heex");
    return t;
}

void NestedFormLive::mount(const QVariantMap &params, const QVariantMap &)
{
    assign("params", params);
}

Template NestedFormLive::render() const
{
    static const Template t =
        compiled(R"(<.live_render module="FormLiveNested" id="nested" session={@params} />)",
                 "nested_form_live");
    return t;
}

void FormComponent::mount()
{
    assign("submitted", false);
}

void FormComponent::update(const QVariantHash &attributes)
{
    setParams(attributes.value(paramsKey).toMap());
}

void FormComponent::setParams(const QVariantMap &params)
{
    assign(paramsKey, params);
    assign("form", FormParams::forTemplate(params));
}

void FormComponent::handleEvent(const QString &event, const QVariantMap &value)
{
    const QVariantMap params = assigned(paramsKey).toMap();
    if (event == u"validate")
        setParams(FormParams::merged(params, value));
    else if (event == u"save")
        assign("submitted", true);
    else if (event == u"custom-recovery")
        setParams(FormParams::merged(params, {{"b", "custom value from server"}}));
    else if (event == u"patch-recovery")
        pushPatch("/form?patched=true");
    else
        LiveComponent::handleEvent(event, value);
}

Template FormComponent::render() const
{
    static const Template t = Template::compile(QStringLiteral(R"(<div>
  <.e2e_form form={@form} target={@myself} />
  <p :if={@submitted}>LC Form was submitted!</p>
</div>)"),
                                                QStringLiteral("e2e/form_component.heex"));
    return t;
}

} // namespace conformance
