// The fixtures of spec_lives_e through the harness: /errors failing on its dead mount (500), on
// its connected mount (the join fails) and on an event (a fresh mount on rejoin); /colocated's
// hooks, pushed JS command and the root tag attributes its colocated CSS scopes with; 2787's
// selects cleared on submit, 3684's radios in a component, 4088's component patched by its hook.
#include <spec_lives_e.h>

#include <liveview/router.h>
#include <liveview/testing/live_view_test.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {
// The routes of these fixtures, in upstream's live sessions.
std::shared_ptr<Router> specRouter()
{
    conformance::registerSpecLivesEComponents();
    conformance::registerErrorLives();
    auto router = std::make_shared<Router>();
    router->liveSession(QStringLiteral("default"));
    router->live<conformance::Issue2787Live>(QStringLiteral("/issues/2787"));
    router->live<conformance::Issue3684Live>(QStringLiteral("/issues/3684"));
    router->live<conformance::Issue4088Live>(QStringLiteral("/issues/4088"));
    router->liveSession(QString()); // upstream: outside every live session (their own layouts)
    router->live<conformance::ErrorLive>(QStringLiteral("/errors"));
    router->live<conformance::ColocatedLive>(QStringLiteral("/colocated"));
    return router;
}

QString text(LiveViewTest &lv, const QString &selector)
{
    return lv.element(selector).element().textContent().simplified();
}

QStringList optionValues(LiveViewTest &lv, const QString &select)
{
    QStringList out;
    for (const HtmlElement &option : lv.document().select(select + QStringLiteral(" option")))
        out << option.attribute("value");
    return out;
}

// What the browser shows as the select's value: its selected option, else its first.
QString selectValue(LiveViewTest &lv, const QString &select)
{
    const QList<HtmlElement> selected =
        lv.document().select(select + QStringLiteral(" option[selected]"));
    return selected.isEmpty() ? optionValues(lv, select).value(0)
                              : selected.first().attribute("value");
}

QString resourceText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// The phx-css-<scope> attribute names on the page.
QSet<QString> scopeAttributes(LiveViewTest &lv)
{
    QSet<QString> out;
    for (const HtmlElement &element : lv.document().select("*"))
        for (const auto &[name, value] : element.attributes())
            if (name.startsWith(QLatin1String("phx-css-")))
                out.insert(name);
    return out;
}
} // namespace

class tst_ConformanceSpecsE : public QObject
{
    Q_OBJECT
    std::shared_ptr<Router> router = specRouter();
    LiveTestApp app{router};

private slots:
    void routesAreInUpstreamsLiveSessions_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("session");
        for (const char *pattern : {"/issues/2787", "/issues/3684", "/issues/4088"})
            QTest::newRow(pattern) << pattern << "default";
        QTest::newRow("/errors") << "/errors"
                                 << "";
        QTest::newRow("/colocated") << "/colocated"
                                    << "";
    }
    void routesAreInUpstreamsLiveSessions()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, session);
        QVERIFY(router->match(pattern).isValid());
        QCOMPARE(router->sessionOf(pattern), session);
    }

    // --- /errors ---

    void errorDeadMountAnswers500()
    {
        const LiveTestApp::Page failing = app.get("/errors?dead-mount=raise");
        QCOMPARE(failing.status, 500);
        QVERIFY(!failing.html.contains("render-time"));
        const LiveTestApp::Page fine = app.get("/errors");
        QCOMPARE(fine.status, 200);
        QVERIFY(fine.html.contains("main rendered at: "));
    }

    // The page renders, its join fails (the client then reloads it): whether the join adopts the
    // view of the first render (mount once) or mounts it afresh, connected.
    void errorConnectedMountFailsTheJoin_data()
    {
        QTest::addColumn<bool>("mountOnce");
        QTest::newRow("join adopts the first render's view") << true;
        QTest::newRow("join mounts the view afresh") << false;
    }
    void errorConnectedMountFailsTheJoin()
    {
        QFETCH(bool, mountOnce);
        LiveTestApp errorsApp(specRouter(), mountOnce);
        const QString path = QStringLiteral("/errors?connected-mount=raise");
        const LiveTestApp::Page page = errorsApp.get(path);
        QCOMPARE(page.status, 200);
        QVERIFY(page.html.contains("id=\"render-time\""));
        QVERIFY_THROWS_EXCEPTION(HarnessError, live(errorsApp, path, page));
        // Without the parameter, the same view joins.
        LiveViewTest lv = live(errorsApp, "/errors");
        QVERIFY(text(lv, "#render-time").startsWith("main rendered at: "));
    }

    void errorCrashOnEventMountsAfreshOnRejoin()
    {
        LiveViewTest lv = live(app, "/errors?child");
        const QString before = text(lv, "#render-time");
        QVERIFY(QRegularExpression(R"(^main rendered at: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}Z$)")
                    .match(before)
                    .hasMatch());
        for (const char *state :
             {"error", "client-error", "server-error", "disconnected", "loading"})
            QVERIFY(lv.hasElement(QStringLiteral("p.if-phx-%1").arg(QLatin1String(state))));
        QVERIFY_THROWS_EXCEPTION(HarnessError, lv.element("button", "Crash main").renderClick());
        QVERIFY(lv.isCrashed());
        lv.rejoin();
        QVERIFY(!lv.isCrashed());
        QVERIFY(text(lv, "#render-time") != before);
    }

    void errorChildConnectsAndCrashesAlone()
    {
        LiveViewTest lv = live(app, "/errors?child");
        QVERIFY(lv.deadRender().contains("Child rendered (dead)"));
        LiveViewTest child = lv.liveChild("child");
        QVERIFY(child.render().contains("Child connected"));
        const QString childTime = text(child, "#child-render-time");
        const QString parentTime = text(lv, "#render-time");
        QVERIFY_THROWS_EXCEPTION(HarnessError, child.element("button", "Crash child").renderClick());
        QVERIFY(child.isCrashed());
        child.rejoin();
        QVERIFY(text(child, "#child-render-time") != childTime);
        lv.processPending();
        QVERIFY(!lv.isCrashed());
        QCOMPARE(text(lv, "#render-time"), parentTime);
    }

    void errorChildMountFailsAsOftenAsTheQuerySays()
    {
        LiveViewTest lv = live(app, "/errors?connected-child-mount-raise=2");
        QVERIFY_THROWS_EXCEPTION(HarnessError, lv.liveChild("child"));
        QVERIFY_THROWS_EXCEPTION(HarnessError, lv.liveChild("child"));
        LiveViewTest child = lv.liveChild("child"); // third time's the charm
        QVERIFY(child.render().contains("Child connected"));
        lv.processPending();
        QVERIFY(!lv.isCrashed()); // the parent is never affected
    }

    void errorLinkedChildTakesTheParentDownOnce()
    {
        LiveViewTest lv = live(app, "/errors?connected-child-mount-raise=link");
        QVERIFY_THROWS_EXCEPTION(HarnessError, lv.liveChild("child"));
        lv.processPending();
        QVERIFY(lv.isCrashed()); // linked: the child's failed mount crashed the parent
        lv.rejoin();             // _mounts is 1 now: the child is told to link, not to fail
        LiveViewTest child = lv.liveChild("child");
        QVERIFY(child.render().contains("Child connected"));
        QVERIFY_THROWS_EXCEPTION(HarnessError, child.element("button", "Crash child").renderClick());
        lv.processPending();
        QVERIFY(lv.isCrashed()); // still linked: a crash of the child crashes the parent
    }

    // --- /colocated ---

    void colocatedHooksCarryTheModulesNames()
    {
        LiveViewTest lv = live(app, "/colocated");
        QCOMPARE(lv.element("input#user-phone-number").element().attribute("phx-hook"),
                 QStringLiteral("Phoenix.LiveViewTest.E2E.ColocatedLive.PhoneNumber"));
        // The runtime hook: its element starts hidden, a script of the page defines it.
        const HtmlElement runtime = lv.element("#runtime").element();
        QCOMPARE(runtime.attribute("style"), QStringLiteral("display: none;"));
        const QString name = runtime.attribute("phx-hook");
        QCOMPARE(name, QStringLiteral("Phoenix.LiveViewTest.E2E.ColocatedLive.Runtime"));
        const HtmlElement script =
            lv.element(QStringLiteral("script[data-phx-runtime-hook='%1']").arg(name)).element();
        QVERIFY(script.textContent().contains(
            QStringLiteral("window[\"phx_hook_%1\"] = function()").arg(name)));
        QVERIFY(lv.deadRender().contains(QStringLiteral("data-phx-runtime-hook=\"%1\"").arg(name)));
    }

    // Every hook these pages name is the colocated file's, or the page's runtime hook.
    void colocatedHooksAreDefined_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("/colocated") << "/colocated";
        QTest::newRow("/issues/4088") << "/issues/4088";
    }
    void colocatedHooksAreDefined()
    {
        QFETCH(QString, path);
        const QString hooks =
            resourceText(QStringLiteral(":/conformance/assets/colocated/spec_lives_e.js"));
        QVERIFY(!hooks.isEmpty());
        LiveViewTest lv = live(app, path);
        const QList<HtmlElement> hooked = lv.document().select("[phx-hook]");
        QVERIFY(!hooked.isEmpty());
        for (const HtmlElement &element : hooked) {
            const QString name = element.attribute("phx-hook");
            const bool runtime =
                lv.hasElement(QStringLiteral("script[data-phx-runtime-hook='%1']").arg(name));
            QVERIFY2(runtime || hooks.contains(QStringLiteral("\"%1\": {").arg(name)),
                     qPrintable(name));
        }
    }

    void colocatedPhoneIsSubmitted()
    {
        LiveViewTest lv = live(app, "/colocated");
        QCOMPARE(text(lv, "#phone"), QString());
        lv.element("form").renderSubmit({{"user[phone_number]", "123-456-7890"}});
        QCOMPARE(text(lv, "#phone"), QStringLiteral("123-456-7890"));
    }

    void colocatedServerPushesAToggle()
    {
        LiveViewTest lv = live(app, "/colocated");
        QCOMPARE(lv.document().select("button").size(), 1); // the spec clicks "button"
        lv.element("button", "Push JS from server").renderClick();
        const QJsonObject payload = lv.assertPushEvent("js:exec");
        const QJsonArray ops =
            QJsonDocument::fromJson(payload.value("cmd").toString().toUtf8()).array();
        QJsonArray expected; // JS.toggle(to: "#hello")
        expected.append(QJsonArray{"toggle", QJsonObject{{"to", "#hello"}}});
        QCOMPARE(ops, expected);
        QVERIFY(lv.hasElement("h1#hello", "Hello!"));
    }

    void colocatedScopedCssMarksRootTags()
    {
        LiveViewTest lv = live(app, "/colocated");
        QVERIFY(lv.hasElement("link[rel=stylesheet][href='/assets/colocated/colocated.css']"));
        QCOMPARE(lv.document().select("[data-test-scoped=blue]").size(), 6);
        QCOMPARE(lv.document().select("[data-test-scoped=none]").size(), 5);
        // The slots' roots belong to the template that fills them: its scope, and a root tag.
        QCOMPARE(lv.document().select("[data-test-scoped=none][phx-r][phx-css-scoped]").size(), 5);
        QCOMPARE(lv.document().select("[data-test-scoped=blue][phx-r]").size(), 0);
        QVERIFY(lv.hasElement("[phx-css-yellow][phx-r] > [data-test-scoped=yellow]"));
        QVERIFY(lv.hasElement("[phx-css-green][phx-r] > [data-test-scoped=green]"));
        QVERIFY(lv.hasElement("p[data-test=global].test-global-css"));
        QVERIFY(lv.hasElement("p[data-test=scoped][phx-r]:not([phx-css-scoped])"));
        QCOMPARE(lv.document().select("[data-test-lower-bound-container].container[phx-r]").size(),
                 2);
        QCOMPARE(
            lv.document().select("[phx-css-inclusive] > p[phx-r][data-test-inclusive=yes]").size(),
            3);
        QCOMPARE(
            lv.document().select("[phx-css-exclusive] > p[phx-r][data-test-inclusive=no]").size(),
            3);
        // Each scope on the page has its block in the stylesheet, and no block is left over.
        const QString css =
            resourceText(QStringLiteral(":/conformance/assets/colocated/colocated.css"));
        QVERIFY(css.contains(".test-global-css { background-color: rgb(255, 0, 0); }"));
        QSet<QString> scoped;
        static const QRegularExpression scopeRule(
            QStringLiteral(R"(@scope \(\[(phx-css-[a-z]+)\]\))"));
        for (auto it = scopeRule.globalMatch(css); it.hasNext();)
            scoped.insert(it.next().captured(1));
        QCOMPARE(scoped, scopeAttributes(lv));
        QCOMPARE(scoped.size(), 5);
    }

    void colocatedCodeBlocksAreText()
    {
        LiveViewTest lv = live(app, "/colocated");
        const QList<HtmlElement> blocks = lv.document().select("pre.highlight[language=elixir]");
        QCOMPARE(blocks.size(), 2);
        QVERIFY(blocks.at(1).textContent().contains("{@temperature}"));
        QVERIFY(blocks.at(1).textContent().contains("<button phx-click=\"inc_temperature\">"));
    }

    // --- /issues/2787 ---

    void issue2787SecondOptionsFollowTheFirst_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QStringList>("options");
        QTest::newRow("greetings") << "greetings" << QStringList{"", "hello", "hallo", "hei"};
        QTest::newRow("goodbyes") << "goodbyes"
                                  << QStringList{"", "goodbye", "auf wiedersehen", "ha det bra"};
        QTest::newRow("the prompt") << "" << QStringList{""};
    }
    void issue2787SecondOptionsFollowTheFirst()
    {
        QFETCH(QString, first);
        QFETCH(QStringList, options);
        LiveViewTest lv = live(app, "/issues/2787");
        QCOMPARE(optionValues(lv, "#demo_select1"), (QStringList{"", "greetings", "goodbyes"}));
        QCOMPARE(optionValues(lv, "#demo_select2"), QStringList{""});
        lv.element("form").renderChange({{"demo[select1]", first}});
        QCOMPARE(optionValues(lv, "#demo_select2"), options);
        QCOMPARE(selectValue(lv, "#demo_select1"), first);
    }

    void issue2787SubmitClearsBothSelects()
    {
        LiveViewTest lv = live(app, "/issues/2787");
        lv.element("form").renderChange({{"demo[select1]", "greetings"}});
        lv.element("form").renderChange({{"demo[select2]", "hei"}});
        QCOMPARE(selectValue(lv, "#demo_select1"), QStringLiteral("greetings"));
        QCOMPARE(selectValue(lv, "#demo_select2"), QStringLiteral("hei"));
        lv.element("form").renderSubmit();
        QVERIFY(!lv.isCrashed());
        QVERIFY(!lv.hasElement("option[selected]"));
        QCOMPARE(selectValue(lv, "#demo_select1"), QString());
        QCOMPARE(optionValues(lv, "#demo_select2"), QStringList{""});
        lv.element("form").renderChange({{"demo[select1]", "goodbyes"}});
        QCOMPARE(optionValues(lv, "#demo_select2"),
                 (QStringList{"", "goodbye", "auf wiedersehen", "ha det bra"}));
    }

    // --- /issues/3684 ---

    void issue3684ClickOnARadioChecksIt()
    {
        LiveViewTest lv = live(app, "/issues/3684");
        QVERIFY(lv.hasElement("form#foo[phx-change=change][phx-submit=submit]"));
        QVERIFY(lv.element("#huey").element().hasAttribute("checked"));
        QVERIFY(!lv.element("#dewey").element().hasAttribute("checked"));
        QCOMPARE(text(lv, "label[for=dewey]"), QStringLiteral("dewey"));
        // The browser sends both: the form's change to the view, the wrapper's click to the
        // component.
        lv.element("form#foo").renderChange({{"type", "dewey"}});
        lv.element("#dewey").renderClick();
        QVERIFY(!lv.isCrashed());
        QVERIFY(lv.element("#dewey").element().hasAttribute("checked"));
        QVERIFY(!lv.element("#huey").element().hasAttribute("checked"));
        const HtmlElement wrapper = lv.element("div[phx-value-type=dewey]").element();
        QCOMPARE(wrapper.attribute("phx-target"),
                 lv.element("[data-phx-component]").element().attribute("data-phx-component"));
    }

    // --- /issues/4088 ---

    void issue4088HookPushesPatchTheComponent()
    {
        LiveViewTest lv = live(app, "/issues/4088");
        const HtmlElement hooked = lv.element("#foo").element();
        QCOMPARE(hooked.attribute("phx-hook"),
                 QStringLiteral("Phoenix.LiveViewTest.E2E.Issue4088Live.LC.MyHook"));
        QCOMPARE(hooked.attribute("phx-target"), hooked.attribute("data-phx-component"));
        QCOMPARE(text(lv, "#foo"), QStringLiteral("value"));
        QSet<QString> seen;
        for (int i = 0; i < 3; ++i) {
            lv.element("#foo").renderEvent("my_update", {}, QStringLiteral("hook"));
            seen.insert(text(lv, "#foo"));
        }
        QVERIFY(!lv.isCrashed());
        QVERIFY(!seen.contains("value"));
        bool number = false;
        text(lv, "#foo").toDouble(&number);
        QVERIFY(number);
    }
};

QTEST_GUILESS_MAIN(tst_ConformanceSpecsE)
#include "tst_conformance_specs_e.moc"
