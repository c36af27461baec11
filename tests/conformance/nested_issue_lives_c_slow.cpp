// The fixtures of nested_issue_lives_c.h whose callbacks are slow on purpose (issues 4209 and
// 4359): the specs depend on those delays. A sleeping callback blocks its socket's thread, and
// with it every view of that page (the parent and its children share the socket).
#include "fixture_template.h"
#include "nested_issue_lives_c.h"

#include <QThread>

namespace conformance {

using liveview::Template;

// --- /issues/4209 ----------------------------------------------------------------------------

void Issue4209Live::mount(const QVariantMap &, const QVariantMap &)
{
    assign("outside_count", 0);
}

void Issue4209Live::handleInfo(const QVariant &message)
{
    const QString name = message.toString();
    if (name == u"bump_outside")
        assign("outside_count", assigned("outside_count").toInt() + 1);
    else if (name == u"update_child")
        sendUpdate(QStringLiteral("issue-4209-child-component"), QStringLiteral("locked-child"),
                   {{QStringLiteral("label"), QStringLiteral("child 1")}});
    else
        LiveView::handleInfo(message);
}

// The panel's colocated hook (upstream: .LockedPanel, extracted at compile time) is defined by a
// script the first render's HTML runs before the LiveSocket is created. The child gets no
// session: upstream passes the parent's pid, here the child's sendParent reaches it.
Template Issue4209Live::render() const
{
    static const Template t = compiled(R"(<div id="outside-count">{@outside_count}</div>
<.issue_4209_locked_panel />
<script>
  window.hooks["Phoenix.LiveViewTest.E2E.Issue4209Live.LockedPanel"] = {
    mounted() {
      this.el
        .querySelector("#start-locked-update")
        .addEventListener("click", () => {
          this.pushEventTo("#slow-target-child", "hold-lock", {});
        });
    },
  };
</script>
<div id="slow-target">
  <.live_render module="Issue4209Live.SlowTargetLive" id="slow-target-live" />
</div>)",
                                       "e2e/issue_4209.heex");
    return t;
}

Template Issue4209ChildComponent::render() const
{
    static const Template t = compiled(R"(<div id="locked-child-content">
  <span id="locked-child-label">{@label}</span>
</div>)",
                                       "e2e/issue_4209_child.heex");
    return t;
}

void Issue4209SlowTargetLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"hold-lock")
        return LiveView::handleEvent(event, value);
    sendParent(QStringLiteral("bump_outside"));
    sendParent(QStringLiteral("update_child"));
    QThread::msleep(800); // upstream: Process.sleep(800), the reply (and the lock) held back
}

Template Issue4209SlowTargetLive::render() const
{
    static const Template t = compiled(R"(<div id="slow-target-child">slow target</div>)",
                                       "e2e/issue_4209_slow_target.heex");
    return t;
}

// --- /issues/4359 ----------------------------------------------------------------------------

void Issue4359Live::mount(const QVariantMap &params, const QVariantMap &)
{
    m_done = params.value("done").toString() == u"1";
}

// Phoenix's connected mount sends itself :go; the engine's place for that is connected().
void Issue4359Live::connected()
{
    if (!m_done)
        infoSender()(QStringLiteral("go"));
}

void Issue4359Live::handleInfo(const QVariant &message)
{
    if (message.toString() != u"go")
        return LiveView::handleInfo(message);
    // Upstream: Process.sleep(2_000), so that the client's join of the child is still waiting
    // for this view when it navigates.
    QThread::msleep(2000);
    pushNavigate(QStringLiteral("/issues/4359?done=1"));
}

Template Issue4359Live::render() const
{
    static const Template t = compiled(
        R"(<.live_render module="Issue4359Live.ChildLive" id="child" />)", "e2e/issue_4359.heex");
    return t;
}

Template Issue4359ChildLive::render() const
{
    static const Template t = compiled("child", "e2e/issue_4359_child.heex");
    return t;
}

} // namespace conformance
