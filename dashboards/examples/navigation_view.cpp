// The navigation example: the page number lives in the URL, so back/forward just work.
#include "navigation_view.h"

namespace livedeck::examples {

void NavigationView::handleParams(const QVariantMap &params, const QUrl &)
{
    const int page = qMax(1, params.value(QStringLiteral("page"), 1).toInt());
    assign(QStringLiteral("page"), page);
    setPageTitle(QStringLiteral("Page %1").arg(page));
}

void NavigationView::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"jump") {
        pushPatch(QStringLiteral("/examples/navigation?page=10"));
    } else if (event == u"leave") {
        putFlash(QStringLiteral("info"),
                 QStringLiteral("Saved page %1").arg(assigned(QStringLiteral("page")).toInt()));
        pushNavigate(QStringLiteral("/examples/navigation/about"));
    } else {
        LiveView::handleEvent(event, value);
    }
}

liveview::Template NavigationView::render() const
{
    return liveview::Template::load(QStringLiteral("examples/navigation.heex"));
}

void AboutView::mount(const QVariantMap &, const QVariantMap &)
{
    setPageTitle(QStringLiteral("About"));
}

liveview::Template AboutView::render() const
{
    return liveview::Template::load(QStringLiteral("examples/navigation_about.heex"));
}

} // namespace livedeck::examples
