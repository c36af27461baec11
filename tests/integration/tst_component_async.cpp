// Background work in live components through the harness: assignAsync's loading, result and
// failure states, startAsync's handleAsync, isConnected, and results for a component that is gone.
#include <liveview/live_component.h>
#include <liveview/router.h>
#include <liveview/testing/live_view_test.h>

#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {

// Loads its label in the background on "load" (or fails with "fail"); "tell" runs a task whose
// result arrives in handleAsync.
class LoadingComponent : public LiveComponent
{
public:
    void mount() override
    {
        assign("label", QVariantMap());
        assign("told", "");
    }
    void update(const QVariantHash &attributes) override
    {
        LiveComponent::update(attributes);
        assign("connected", isConnected());
    }
    void handleEvent(const QString &event, const QVariantMap &) override
    {
        const QString id = assigned("id").toString();
        if (event == u"load")
            assignAsync("label",
                        [id](const std::atomic_bool &) { return QVariant(id + " loaded"); });
        else if (event == u"fail")
            assignAsync("label", [](const std::atomic_bool &) -> QVariant {
                throw std::runtime_error("no label today");
            });
        else if (event == u"tell")
            startAsync("tell", [](const std::atomic_bool &) { return QVariant(42); });
    }
    void handleAsync(const QString &name, const QVariant &result, const QString &) override
    {
        assign("told", name + "=" + result.toString());
    }
    Template render() const override
    {
        static const Template t =
            Template::compile("<div id={@id} phx-target={@myself}>"
                              "<p class=\"connected\">{@connected}</p>"
                              "<p :if={@label.loading} class=\"loading\">loading</p>"
                              "<p :if={@label.ok} class=\"label\">{@label.result}</p>"
                              "<p :if={@label.failed} class=\"failed\">{@label.failed}</p>"
                              "<p class=\"told\">{@told}</p></div>");
        return t;
    }
};

class PanelsView : public LiveView
{
public:
    void mount(const QVariantMap &, const QVariantMap &) override { assign("show_b", true); }
    void handleEvent(const QString &event, const QVariantMap &) override
    {
        if (event == u"hide-b")
            assign("show_b", false);
    }
    Template render() const override
    {
        static const Template t = Template::compile(
            "<.live_component module=\"test.Loading\" id=\"a\" />"
            "<div :if={@show_b}><.live_component module=\"test.Loading\" id=\"b\" /></div>");
        return t;
    }
};

std::shared_ptr<Router> panelsRouter()
{
    LiveComponent::registerModule<LoadingComponent>("test.Loading");
    auto router = std::make_shared<Router>();
    router->live<PanelsView>("/panels");
    return router;
}

QString text(LiveViewTest &lv, const QString &selector)
{
    return lv.element(selector).element().textContent();
}

} // namespace

class tst_ComponentAsync : public QObject
{
    Q_OBJECT
    LiveTestApp app{panelsRouter()};
    LiveTestApp freshMounts{panelsRouter(), false};

private slots:
    void assignAsyncLoadsThenShowsTheResult()
    {
        LiveViewTest lv = live(app, "/panels");
        lv.element("#a").renderEvent("load");
        QVERIFY(lv.hasElement("#a .loading"));
        lv.renderAsync();
        QVERIFY(!lv.hasElement("#a .loading"));
        QCOMPARE(text(lv, "#a .label"), QStringLiteral("a loaded"));
        QVERIFY(!lv.hasElement("#b .label")); // the other instance did nothing
    }

    void aFailureIsShownAsFailed()
    {
        LiveViewTest lv = live(app, "/panels");
        lv.element("#b").renderEvent("fail");
        lv.renderAsync();
        QCOMPARE(text(lv, "#b .failed"), QStringLiteral("no label today"));
        QVERIFY(!lv.isCrashed());
    }

    void startAsyncEndsInHandleAsync()
    {
        LiveViewTest lv = live(app, "/panels");
        lv.element("#a").renderEvent("tell");
        lv.renderAsync();
        QCOMPARE(text(lv, "#a .told"), QStringLiteral("tell=42"));
    }

    void aGoneComponentsResultIsDropped()
    {
        LiveViewTest lv = live(app, "/panels");
        lv.element("#b").renderEvent("load");
        lv.renderEvent("hide-b");
        lv.renderAsync();
        QVERIFY(!lv.isCrashed());
        QVERIFY(!lv.hasElement("#b"));
    }

    void componentsKnowWhetherTheViewIsConnected_data()
    {
        QTest::addColumn<bool>("mountOnce");
        QTest::newRow("the join adopts the first render's components") << true;
        QTest::newRow("the join mounts afresh") << false;
    }
    void componentsKnowWhetherTheViewIsConnected()
    {
        QFETCH(bool, mountOnce);
        LiveTestApp &which = mountOnce ? app : freshMounts;
        QVERIFY(which.get("/panels").html.contains("<p class=\"connected\">false</p>"));
        LiveViewTest lv = live(which, "/panels");
        if (!mountOnce) // mounted while connected
            QCOMPARE(text(lv, "#a .connected"), QStringLiteral("true"));
        else // adopted: isConnected() turns true, the assign made in the first render stays
            QCOMPARE(text(lv, "#a .connected"), QStringLiteral("false"));
    }
};

QTEST_GUILESS_MAIN(tst_ComponentAsync)
#include "tst_component_async.moc"
