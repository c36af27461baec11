// /issues/4066: a hook pushing to its component after the component was removed.
#include "issue_4066_lives.h"
#include "fixture_template.h"

#include "issue_lives_c_helpers.h"

#include <liveview/template.h>

#include <QDateTime>

namespace conformance {

using liveview::Template;

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
