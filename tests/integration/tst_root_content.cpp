// `render_in_root`: what a view asks the root layout to show outside its container, on the first
// HTTP render only (the socket's render is the container's content alone).
#include <liveview/router.h>
#include <liveview/safe_html.h>
#include <liveview/testing/html_document.h>
#include <liveview/testing/live_view_test.h>

#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {
class WithRootContent : public LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &) override
    {
        if (params.contains("outside"))
            assign("render_in_root",
                   QVariant::fromValue(SafeHtml{"<div id=\"outside\">outside the view</div>"}));
    }
    Template render() const override
    {
        static const Template t = Template::compile("<h1 id=\"inside\">Inside</h1>");
        return t;
    }
};

std::shared_ptr<Router> rootContentRouter()
{
    auto router = std::make_shared<Router>();
    router->live<WithRootContent>("/page");
    return router;
}
} // namespace

class tst_RootContent : public QObject
{
    Q_OBJECT
    LiveTestApp app{rootContentRouter()};

private slots:
    void theLayoutShowsItOutsideTheContainer()
    {
        const HtmlDocument page = HtmlDocument::parse(app.get("/page?outside").html);
        const HtmlElement outside = page.selectOne("body > #outside");
        QVERIFY(!outside.isNull());
        QCOMPARE(outside.textContent(), QStringLiteral("outside the view"));
        QVERIFY(page.selectOne("[data-phx-main] #outside").isNull());
        QVERIFY(!page.selectOne("[data-phx-main] #inside").isNull());
    }

    void theSocketRenderHasOnlyTheViewsContent()
    {
        LiveViewTest lv = live(app, "/page?outside");
        QVERIFY(lv.hasElement("#inside"));
        QVERIFY(!lv.hasElement("#outside"));
    }

    void withoutItTheBodyHoldsOnlyTheContainer()
    {
        const HtmlDocument page = HtmlDocument::parse(app.get("/page").html);
        QCOMPARE(page.select("body > *").size(), 1);
        QVERIFY(page.selectOne("body > #outside").isNull());
    }
};

QTEST_GUILESS_MAIN(tst_RootContent)
#include "tst_root_content.moc"
