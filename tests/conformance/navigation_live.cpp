#include "navigation_live.h"

#include <atomic>

namespace conformance {

using liveview::Template;

namespace {
// System.unique_integer() upstream: every patch link points to a URL not seen before.
qint64 uniqueInteger()
{
    static std::atomic<qint64> next{1};
    return next.fetch_add(1);
}
} // namespace

void NavigationALive::mount(const QVariantMap &, const QVariantMap &)
{
    assign("param_current", QVariant());
    assign("param_next", uniqueInteger());
}

void NavigationALive::handleParams(const QVariantMap &params, const QUrl &)
{
    assign("param_current", params.value("param"));
    assign("param_next", uniqueInteger());
}

void NavigationALive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"server_navigate")
        pushNavigate("/navigation/b");
    else
        LiveView::handleEvent(event, value);
}

Template NavigationALive::render() const
{
    static const Template t = Template::load("e2e/navigation_a.heex");
    return t;
}

void NavigationBLive::mount(const QVariantMap &, const QVariantMap &)
{
    assign("index", true);
    assign("id", QVariant());
    assign("container_style", QString());
}

void NavigationBLive::handleParams(const QVariantMap &params, const QUrl &)
{
    assign("container_style", params.contains("container")
                                  ? QStringLiteral("height: 85vh; overflow-y: scroll; ")
                                  : QString());
    if (params.contains("id")) {
        assign("index", false);
        assign("id", params.value("id"));
        return;
    }
    assign("index", true);
    QVariantList items;
    for (int i = 1; i <= 100; ++i)
        items.append(QVariantMap{{"id", QStringLiteral("item-%1").arg(i)}, {"name", i}});
    stream("items", items);
}

Template NavigationBLive::render() const
{
    static const Template t = Template::load("e2e/navigation_b.heex");
    return t;
}

void RedirectLoopLive::mount(const QVariantMap &params, const QVariantMap &)
{
    const bool looped = params.contains("loop");
    assign("message", looped ? QVariant(QStringLiteral("Too many redirects")) : QVariant());
    assign("loop", !looped);
}

void RedirectLoopLive::handleParams(const QVariantMap &params, const QUrl &)
{
    if (params.contains("loop") && assigned("loop").toBool())
        pushPatch("/navigation/redirectloop?loop=true");
}

Template RedirectLoopLive::render() const
{
    static const Template t =
        Template::compile(QStringLiteral(R"(<div :if={@message} id="message">{@message}</div>
<a href="/navigation/redirectloop?loop=true" data-phx-link="patch" data-phx-link-state="push">Redirect Loop</a>)"),
                          QStringLiteral("e2e/redirect_loop.heex"));
    return t;
}

Template NavigationDeadLive::render() const
{
    static const Template t = Template::compile(
        QStringLiteral("<.e2e_navigation_layout><h1>Dead view</h1></.e2e_navigation_layout>"),
        QStringLiteral("e2e/navigation_dead.heex"));
    return t;
}

} // namespace conformance
