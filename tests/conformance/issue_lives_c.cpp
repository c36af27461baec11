#include "issue_lives_c.h"

#include <liveview/template.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QThread>

#include <mutex>

namespace conformance {

using liveview::Template;

namespace {
Template compiled(const char *source, const char *name)
{
    return Template::compile(QString::fromUtf8(source), QString::fromLatin1(name));
}

// JS commands as Phoenix.LiveView.JS encodes them: a list of [kind, args] whose args leave out
// what was not given; class lists are split on spaces. QJsonObject sorts its keys, as Jason
// does for these small maps.
QJsonArray jsClasses(const char *names)
{
    QJsonArray out;
    for (const QString &name : QString::fromLatin1(names).split(u' ', Qt::SkipEmptyParts))
        out.append(name);
    return out;
}

QJsonArray jsTransition(const char *transition, const char *start, const char *end)
{
    return {jsClasses(transition), jsClasses(start), jsClasses(end)};
}

QJsonArray jsOp(const char *kind, const QJsonObject &args = {})
{
    return {QString::fromLatin1(kind), args};
}

QString jsEncoded(std::initializer_list<QJsonArray> ops)
{
    QJsonArray all;
    for (const QJsonArray &op : ops)
        all.append(op);
    return QString::fromUtf8(QJsonDocument(all).toJson(QJsonDocument::Compact));
}

// A value given to an attribute (nil and "" count as not given).
bool isGiven(const QVariant &value)
{
    return value.isValid() && !value.isNull() && !value.toString().isEmpty();
}

const QString formComponentModule = QStringLiteral("issue-3169-form-component");
} // namespace

void registerIssueComponentsC()
{
    static std::once_flag once;
    std::call_once(once, [] {
        using liveview::LiveComponent;
        using liveview::TemplateLibrary;
        LiveComponent::registerModule<Issue3169FormComponent>(formComponentModule);
        LiveComponent::registerModule<Issue3169FormCore>(QStringLiteral("issue-3169-form-core"));
        LiveComponent::registerModule<Issue3169FormColumn>(
            QStringLiteral("issue-3169-form-column"));
        LiveComponent::registerModule<Issue4350Branch>(QStringLiteral("issue-4350-branch"));
        LiveComponent::registerModule<Issue4350Leaf>(QStringLiteral("issue-4350-leaf"));
        LiveComponent::registerModule<Issue4066Component>(QStringLiteral("issue-4066-component"));
        // The function components of 3169's FormColumn: a field shown twice, one nested call.
        TemplateLibrary::registerComponent(QStringLiteral("issue_3169_input"),
                                           compiled(R"(<div>
  {@field.value}
  <input type="text" value={@field.value} />
  <.issue_3169_input_two field={@field} />
</div>)",
                                                    "e2e/issue_3169_input.heex"));
        TemplateLibrary::registerComponent(QStringLiteral("issue_3169_input_two"),
                                           compiled(R"(<div>
  {@field.value}
  <input type="text" value={@field.value} />
</div>)",
                                                    "e2e/issue_3169_input_two.heex"));
        TemplateLibrary::registerComponent(
            QStringLiteral("issue_3169_test"),
            compiled("This is a test! {@var}", "e2e/issue_3169_test.heex"));
    });
}

// ---- 3040

void Issue3040Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("modal_open", false);
    assign("submitted", false);
    const char *showEase = "transition-all transform ease-out duration-300";
    const char *hideEase = "transition-all transform ease-in duration-200";
    const char *panelOut = "opacity-0 translate-y-4 sm:translate-y-0 sm:scale-95";
    const char *panelIn = "opacity-100 translate-y-0 sm:scale-100";
    // phx-mounted: show the modal, fade in its backdrop and panel, lock the page's scrolling and
    // focus the first field.
    assign("show_modal",
           jsEncoded(
               {jsOp("show", {{"to", "#my-modal"}}),
                jsOp("show", {{"to", "#my-modal-bg"},
                              {"transition", jsTransition(showEase, "opacity-0", "opacity-100")}}),
                jsOp("show", {{"to", "#my-modal-container"},
                              {"transition", jsTransition(showEase, panelOut, panelIn)}}),
                jsOp("add_class", {{"names", jsClasses("overflow-hidden")}, {"to", "body"}}),
                jsOp("focus_first", {{"to", "#my-modal-content"}})}));
    // phx-remove: the same backwards, and the focus goes back where it was.
    assign("hide_modal",
           jsEncoded(
               {jsOp("hide", {{"to", "#my-modal-bg"},
                              {"transition", jsTransition(hideEase, "opacity-100", "opacity-0")}}),
                jsOp("hide", {{"time", 200},
                              {"to", "#my-modal-container"},
                              {"transition", jsTransition(hideEase, panelIn, panelOut)}}),
                jsOp("hide", {{"to", "#my-modal"},
                              {"transition", jsTransition("block", "block", "hidden")}}),
                jsOp("remove_class", {{"names", jsClasses("overflow-hidden")}, {"to", "body"}}),
                jsOp("pop_focus")}));
    // data-cancel: the on_cancel command (a patch back) followed by the modal's own phx-remove.
    assign("cancel", jsEncoded({jsOp("patch", {{"href", "/issues/3040"}, {"replace", false}}),
                                jsOp("exec", {{"attr", "phx-remove"}})}));
    // What the close button, Escape and click-away run.
    assign("exec_cancel",
           jsEncoded({jsOp("exec", {{"attr", "data-cancel"}, {"to", "#my-modal"}})}));
}

void Issue3040Live::handleParams(const QVariantMap &params, const QUrl &)
{
    assign("modal_open", params.contains(QStringLiteral("modal")));
}

void Issue3040Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"submit")
        assign("submitted", true);
    else
        LiveView::handleEvent(event, value);
}

// The utility classes the modal uses, with Tailwind's values (the specs click at coordinates).
Template Issue3040Live::render() const
{
    static const Template t = compiled(R"(<style>
  .fixed { position: fixed; }
  .absolute { position: absolute; }
  .relative { position: relative; }
  .inset-0 { inset: 0px; }
  .top-6 { top: 1.5rem; }
  .right-5 { right: 1.25rem; }
  .z-50 { z-index: 50; }
  .-m-3 { margin: -0.75rem; }
  .flex { display: flex; }
  .hidden { display: none; }
  .min-h-full { min-height: 100%; }
  .w-full { width: 100%; }
  .max-w-3xl { max-width: 48rem; }
  .flex-none { flex: none; }
  .items-center { align-items: center; }
  .justify-center { justify-content: center; }
  .overflow-y-auto { overflow-y: auto; }
  .rounded-2xl { border-radius: 1rem; }
  .bg-white { background-color: rgb(255 255 255 / 1); }
  .bg-gray-200 { background-color: rgb(229 231 235 / 1); }
  .bg-zinc-50\/90 { background-color: rgb(250 250 250 / 0.9); }
  .p-3 { padding: 0.75rem; }
  .p-4 { padding: 1rem; }
  .p-14 { padding: 3.5rem; }
  .opacity-20 { opacity: 0.2; }
  .hover\:opacity-40:hover { opacity: 0.4; }
  .transition {
    transition-property: color, background-color, border-color, text-decoration-color, fill,
      stroke, opacity, box-shadow, transform, filter, backdrop-filter;
    transition-timing-function: cubic-bezier(0.4, 0, 0.2, 1);
    transition-duration: 150ms;
  }
  .transition-opacity {
    transition-property: opacity;
    transition-timing-function: cubic-bezier(0.4, 0, 0.2, 1);
    transition-duration: 150ms;
  }
  @media (min-width: 640px) {
    .sm\:p-6 { padding: 1.5rem; }
  }
  @media (min-width: 1024px) {
    .lg\:py-8 { padding-top: 2rem; padding-bottom: 2rem; }
  }
</style>

<.link patch="/issues/3040?modal=true">Add new</.link>

<div :if={@modal_open} id="my-modal" phx-mounted={@show_modal} phx-remove={@hide_modal} data-cancel={@cancel} class="relative z-50 hidden">
  <div id="my-modal-bg" class="bg-zinc-50/90 fixed inset-0 transition-opacity" aria-hidden="true"></div>
  <div class="fixed inset-0 overflow-y-auto" aria-labelledby="my-modal-title" aria-describedby="my-modal-description" role="dialog" aria-modal="true" tabindex="0">
    <div class="flex min-h-full items-center justify-center">
      <div class="w-full max-w-3xl p-4 sm:p-6 lg:py-8">
        <div id="my-modal-container" phx-hook="Phoenix.FocusWrap" phx-window-keydown={@exec_cancel} phx-key="escape" phx-click-away={@exec_cancel} class="bg-gray-200 relative hidden rounded-2xl bg-white p-14 ring-1 transition">
          <div id="my-modal-container-start" tabindex="0" aria-hidden="true"></div>
          <div class="absolute top-6 right-5">
            <button phx-click={@exec_cancel} type="button" class="-m-3 flex-none p-3 opacity-20 hover:opacity-40" aria-label="close">
              x
            </button>
          </div>
          <div id="my-modal-content">
            <form phx-submit="submit">
              <input type="text" name="name" />

              <p :if={@submitted}>Form was submitted!</p>
            </form>
          </div>
          <div id="my-modal-container-end" tabindex="0" aria-hidden="true"></div>
        </div>
      </div>
    </div>
  </div>
</div>)",
                                       "e2e/issue_3040.heex");
    return t;
}

// ---- 3448

void Issue3448Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("values", QStringList());
    assign("settings", false);
    assign("content", false);
    assign("dispatch_and_focus",
           jsEncoded({jsOp("dispatch", {{"event", "input"}}), jsOp("focus", {{"to", "#search"}})}));
}

void Issue3448Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"validate") {
        // The form again from the params: the checked boxes are the list under "a".
        const QStringList checked = value.value(QStringLiteral("a")).toStringList();
        assign("values", checked);
        assign("settings", checked.contains(u"settings"));
        assign("content", checked.contains(u"content"));
    } else if (event != u"search") {
        LiveView::handleEvent(event, value);
    }
}

// Upstream renders the values through a named slot of a function component (one <div> per
// slot entry); this is the markup it produces.
Template Issue3448Live::render() const
{
    static const Template t =
        compiled(R"(<form id="my_form" phx-change="validate" class="flex flex-col gap-2">
  <div>
    <div :for={value <- @values}>
      <div>{value}</div>
    </div>

    <input id="search" type="search" name="value" phx-change="search" />
  </div>

  <div class="flex gap-2">
    <input type="checkbox" name="a[]" value="settings" checked={@settings} phx-click={@dispatch_and_focus} />

    <input type="checkbox" name="a[]" value="content" checked={@content} phx-click={@dispatch_and_focus} />
  </div>
</form>)",
                 "e2e/issue_3448.heex");
    return t;
}

// ---- 4290

void Issue4290ALive::mount(const QVariantMap &, const QVariantMap &)
{
    // Long enough for B to join while A is still on the page.
    assign("remove_slowly",
           jsEncoded({jsOp("transition",
                           {{"time", 1500}, {"transition", jsTransition("fade-out", "", "")}})}));
}

void Issue4290ALive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"navigate")
        pushNavigate("/issues/4290/b");
    else if (event != u"validate")
        LiveView::handleEvent(event, value);
}

Template Issue4290ALive::render() const
{
    static const Template t = compiled(R"(<h1>A</h1>
<div id="slow-remove" phx-remove={@remove_slowly}>
  removed with transition
</div>
<form id="form" phx-change="validate">
  <input type="text" name="name" />
</form>
<button phx-click="navigate">Navigate</button>)",
                                       "e2e/issue_4290_a.heex");
    return t;
}

void Issue4290BLive::mount(const QVariantMap &, const QVariantMap &)
{
    assign("events", QVariantList());
}

void Issue4290BLive::handleEvent(const QString &event, const QVariantMap &)
{
    QVariantList events = assigned("events").toList();
    events.append(QVariantMap{{"index", int(events.size())}, {"name", event}});
    assign("events", events);
}

Template Issue4290BLive::render() const
{
    static const Template t = compiled(R"(<h1>B</h1>
<span id="event-count">{length(@events)}</span>
<div :for={event <- @events} id={"event-" <> event.index}>{event.name}</div>)",
                                       "e2e/issue_4290_b.heex");
    return t;
}

// ---- 3169

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

// ---- 4350

void Issue4350Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("show", true);
    assign("tick", 0);
}

void Issue4350Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"tick")
        assign("tick", assigned("tick").toInt() + 1);
    else if (event == u"hide")
        assign("show", false);
    else if (event == u"show")
        assign("show", true);
    else
        LiveView::handleEvent(event, value);
}

Template Issue4350Live::render() const
{
    static const Template t = compiled(R"(<button id="tick" phx-click="tick">tick</button>
<button id="hide" phx-click="hide">hide</button>
<button id="show" phx-click="show">show</button>

<div :if={@show} id="wrapper">
  <.live_component module="issue-4350-branch" id="branch" tick={@tick} />
</div>)",
                                       "e2e/issue_4350.heex");
    return t;
}

// Only @tick changes: after the first render the leaf's dynamic is never evaluated again.
Template Issue4350Branch::render() const
{
    static const Template t = compiled(R"(<div id="branch">
  tick: {@tick}
  <.live_component module="issue-4350-leaf" id="leaf" />
</div>)",
                                       "e2e/issue_4350_branch.heex");
    return t;
}

void Issue4350Leaf::mount()
{
    assign("count", 0);
}

void Issue4350Leaf::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"bump")
        assign("count", assigned("count").toInt() + 1);
    else
        LiveComponent::handleEvent(event, value);
}

Template Issue4350Leaf::render() const
{
    static const Template t = compiled(R"(<div id="leaf">
  count: <span id="leaf-count">{@count}</span>
  <button id="bump" phx-click="bump" phx-target={@myself}>bump</button>
</div>)",
                                       "e2e/issue_4350_leaf.heex");
    return t;
}

// ---- 4066

void Issue4066Live::mount(const QVariantMap &params, const QVariantMap &)
{
    // Set once per mount: a remount shows another time (upstream renders DateTime.utc_now(),
    // which change tracking never renders again).
    assign("render_time",
           QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) +
               u'Z');
    const QVariant delay = params.value(QStringLiteral("delay"));
    assign("delay", isGiven(delay) ? delay : QVariant(3000));
    assign("render_lc", true);
}

void Issue4066Live::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"toggle")
        assign("render_lc", !assigned("render_lc").toBool());
    else
        LiveView::handleEvent(event, value);
}

// The component's hook is colocated upstream (compiled into the page's hooks); here a script in
// the first render defines it before the LiveSocket is created: some time after each input it
// pushes to its component and marks <body>.
Template Issue4066Live::render() const
{
    static const Template t = compiled(R"(<script>
  window.hooks["Phoenix.LiveViewTest.E2E.Issue4066Live.LiveComponent.MyHook"] ||= {
    mounted() {
      const delay = Number.parseInt(this.el.dataset.delay, 10);
      this.el.addEventListener("input", () =>
        setTimeout(() => {
          this.pushEventTo(this.el, "do-something", { value: 100 });
          this.liveSocket.js().setAttribute(document.body, "data-pushed", "yes");
        }, delay),
      );
    },
  };
</script>
<p id="render-time">{@render_time}</p>
<button phx-click="toggle">Toggle</button>
<.live_component :if={@render_lc} id="foo" delay={@delay} module="issue-4066-component" />)",
                                       "e2e/issue_4066.heex");
    return t;
}

void Issue4066Component::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"do-something")
        LiveComponent::handleEvent(event, value);
}

Template Issue4066Component::render() const
{
    static const Template t = compiled(
        R"(<input phx-hook="Phoenix.LiveViewTest.E2E.Issue4066Live.LiveComponent.MyHook" data-delay={@delay} target={@myself} id={@id} />)",
        "e2e/issue_4066_component.heex");
    return t;
}

} // namespace conformance
