// /errors and its child view (errors.spec.js).
#include "error_live.h"
#include "fixture_template.h"

#include <liveview/template.h>

#include <QDateTime>
#include <QTimeZone>

#include <chrono>
#include <mutex>
#include <stdexcept>

namespace conformance {

using liveview::Template;

namespace {
// DateTime.utc_now() as Elixir prints it: "2024-05-01 12:34:56.123456Z".
QString utcNow()
{
    const qint64 us = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(us / 1000, QTimeZone::utc());
    return time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.")) +
           QStringLiteral("%1Z").arg(us % 1000000, 6, 10, QLatin1Char('0'));
}

const QString childMounted = QStringLiteral("child_mounted");
const QString childModule = QStringLiteral("ErrorLive.ChildLive");
} // namespace

void registerErrorLives()
{
    static std::once_flag once;
    std::call_once(once, [] { liveview::LiveView::registerModule<ErrorChildLive>(childModule); });
}

void ErrorLive::mount(const QVariantMap &params, const QVariantMap &)
{
    if (params.value("dead-mount").toString() == u"raise")
        throw std::runtime_error("boom");
    // The engine mounts once: the join adopts the view of the first render and then calls
    // connected(), where Phoenix's connected mount would raise (a join that mounts afresh calls
    // it as well).
    m_raiseWhenConnected = params.value("connected-mount").toString() == u"raise";
    const QString childFails = params.value("connected-child-mount-raise").toString();
    m_link = childFails == u"link";
    m_wantFails = m_link ? 1 : childFails.toInt();
    assign("child", params.contains("child") || params.contains("connected-child-mount-raise"));
    // Upstream renders DateTime.utc_now(), which change tracking never renders again: the time
    // of this mount.
    assign("render_time", utcNow());
}

void ErrorLive::connected()
{
    if (m_raiseWhenConnected)
        throw std::runtime_error("boom");
    // Linked: the child's first failure takes this view down, and it must not fail again on the
    // rejoin that follows (the client's failsafe would never end otherwise): only the first
    // connected mount of the page lets it fail.
    if (m_link && connectParams().value("_mounts").toInt() > 0)
        m_haveFails = m_wantFails;
}

QVariant ErrorLive::handleCall(const QVariant &request)
{
    if (request.toString() != childMounted)
        return LiveView::handleCall(request);
    const bool fail = m_haveFails < m_wantFails;
    if (fail)
        ++m_haveFails;
    return QString(QLatin1String(fail ? "boom" : "ok") + QLatin1String(m_link ? "_link" : ""));
}

void ErrorLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"boom")
        throw std::runtime_error("boom");
    LiveView::handleEvent(event, value);
}

Template ErrorLive::render() const
{
    // The if-phx-* paragraphs show the container's state classes (phx-error, phx-loading, ...).
    static const Template t = compiled(R"(<p id="render-time">main rendered at: {@render_time}</p>

<button phx-click="boom">Crash main</button>

<p class="if-phx-error">Error</p>
<p class="if-phx-client-error">Client Error</p>
<p class="if-phx-server-error">Server Error</p>
<p class="if-phx-disconnected">Disconnected</p>
<p class="if-phx-loading">Loading</p>

<div style="border: 1px solid lightgray; padding: 4px; margin-top: 16px;">
  <.live_render :if={@child} module="ErrorLive.ChildLive" id="child" />
</div>

<style>
  [data-phx-session] .if-phx-error,
  [data-phx-session] .if-phx-client-error,
  [data-phx-session] .if-phx-server-error,
  [data-phx-session] .if-phx-disconnected,
  [data-phx-session] .if-phx-loading {
    display: none;
  }

  [data-phx-session].phx-error > .if-phx-error,
  [data-phx-session].phx-client-error > .if-phx-client-error,
  [data-phx-session].phx-server-error > .if-phx-server-error,
  [data-phx-session].phx-disconnected > .if-phx-disconnected,
  [data-phx-session].phx-loading > .if-phx-loading {
    display: block;
  }
</style>)",
                                       "e2e/error_live.heex");
    return t;
}

void ErrorChildLive::mount(const QVariantMap &, const QVariantMap &)
{
    if (isConnected()) {
        const QString told = callParent(childMounted).toString();
        if (told.endsWith(QLatin1String("_link")))
            linkToParent();
        if (told.startsWith(QLatin1String("boom")))
            throw std::runtime_error("boom");
    }
    assign("state", isConnected() ? "Child connected" : "Child rendered (dead)");
    assign("render_time", utcNow());
}

void ErrorChildLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"boom")
        throw std::runtime_error("boom");
    LiveView::handleEvent(event, value);
}

Template ErrorChildLive::render() const
{
    static const Template t = compiled(R"({@state}
<p id="child-render-time">child rendered at: {@render_time}</p>

<button phx-click="boom">Crash child</button>

<p class="if-phx-error">Error</p>
<p class="if-phx-client-error">Client Error</p>
<p class="if-phx-server-error">Server Error</p>
<p class="if-phx-disconnected">Disconnected</p>
<p class="if-phx-loading">Loading</p>)",
                                       "e2e/error_child_live.heex");
    return t;
}

} // namespace conformance
