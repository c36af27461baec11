#include "navigation_views.h"

namespace testviews {

void NavigationView::handleParams(const QVariantMap &params, const QUrl &)
{
    const int page = qMax(1, params.value(QStringLiteral("page"), 1).toInt());
    assign(QStringLiteral("page"), page);
    setPageTitle(QStringLiteral("Page %1").arg(page));
}

void NavigationView::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"jump") {
        pushPatch(QStringLiteral("/test/navigation?page=10"));
    } else if (event == u"leave") {
        putFlash(QStringLiteral("info"),
                 QStringLiteral("Saved page %1").arg(assigned(QStringLiteral("page")).toInt()));
        pushNavigate(QStringLiteral("/test/navigation/about"));
    } else {
        LiveView::handleEvent(event, value);
    }
}

liveview::Template NavigationView::render() const
{
    static const liveview::Template t =
        liveview::Template::compile(QStringLiteral(R"(<div id="navigation">
  <p :if={@flash.info} id="flash-info" class="flash" role="alert" phx-click="lv:clear-flash" phx-value-key="info">{@flash.info}</p>
  <h1 id="page-title">Page {@page}</h1>
  <nav>
    <.link :if={@page > 1} id="prev" patch={"/test/navigation?page=" <> to_string(@page - 1)}>Previous</.link>
    <.link id="next" patch={"/test/navigation?page=" <> to_string(@page + 1)}>Next</.link>
    <.link id="about" navigate="/test/navigation/about">About (another view)</.link>
  </nav>
  <button id="jump" phx-click="jump" phx-disable-with="Jumping…">Jump to page 10</button>
  <button id="leave" phx-click="leave">Save and go to About</button>
</div>)"),
                                    QStringLiteral("test/navigation.heex"));
    return t;
}

void AboutView::mount(const QVariantMap &, const QVariantMap &)
{
    setPageTitle(QStringLiteral("About"));
}

liveview::Template AboutView::render() const
{
    static const liveview::Template t =
        liveview::Template::compile(QStringLiteral(R"(<div id="about-view">
  <p :if={@flash.info} id="flash-info" class="flash" role="alert" phx-click="lv:clear-flash" phx-value-key="info">{@flash.info}</p>
  <h1>About</h1>
  <.link id="back" navigate="/test/navigation?page=1">Back to the pages</.link>
</div>)"),
                                    QStringLiteral("test/navigation_about.heex"));
    return t;
}

void HooksView::mount(const QVariantMap &, const QVariantMap &)
{
    setPageTitle(QStringLiteral("Hooks"));
    assign(QStringLiteral("pings"), 0);
}

void HooksView::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"ping") {
        LiveView::handleEvent(event, value);
        return;
    }
    const int pings = assigned(QStringLiteral("pings")).toInt() + 1;
    assign(QStringLiteral("pings"), pings);
    replyToEvent({{QStringLiteral("pong"), pings}});
    pushEvent(
        QStringLiteral("highlight"),
        {{QStringLiteral("color"), pings % 2 ? QStringLiteral("orange") : QStringLiteral("teal")}});
}

liveview::Template HooksView::render() const
{
    static const liveview::Template t =
        liveview::Template::compile(QStringLiteral(R"(<div id="hooks-view">
  <div id="pinger" phx-hook="Pinger" data-pings={@pings}>
    <button id="ping">Ping the server</button>
    <span id="pinger-reply" class="reply" phx-update="ignore">no reply yet</span>
  </div>
  <p>Server has answered <span id="ping-count">{@pings}</span> pings.</p>
</div>)"),
                                    QStringLiteral("test/hooks.heex"));
    return t;
}

} // namespace testviews
