// The portal fixtures through the harness: /portal's portal templates and their targets, the
// JS commands of its modals and tooltips, what its events and patches change inside portals,
// its live component's stream, its nested LiveView (events from its own and its teleported button)
// and the LiveView that one teleports; issue 4095's button teleported out of a form, 4107's
// teleported form, 4121's teleported stream reset.
#include <fixture_router.h>
#include <portal_lives.h>

#include <liveview/router.h>
#include <liveview/testing/live_view_test.h>

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
std::shared_ptr<Router> portalRouter()
{
    conformance::registerPortalLives();
    auto router = std::make_shared<Router>();
    router->liveSession(QStringLiteral("default"));
    router->live<conformance::PortalLive>(QStringLiteral("/portal"));
    router->live<conformance::Issue4095Live>(QStringLiteral("/issues/4095"));
    router->live<conformance::Issue4107Live>(QStringLiteral("/issues/4107"));
    router->live<conformance::Issue4121Live>(QStringLiteral("/issues/4121"));
    return router;
}

// The specs always open the page without its ticking.
const QString portalPage = QStringLiteral("/portal?tick=false");

QString text(LiveViewTest &lv, const QString &selector)
{
    return lv.element(selector).element().textContent().simplified();
}

// The JS commands in an attribute (const: read through QJsonValue, never a QJsonValueRef).
const QJsonArray jsOf(const HtmlElement &element, const char *attribute)
{
    return QJsonDocument::fromJson(element.attribute(QLatin1String(attribute)).toUtf8()).array();
}

// Each command as "kind target" (the target empty when it has none).
QStringList summary(const QJsonArray &ops)
{
    QStringList out;
    for (const QJsonValue &op : ops)
        out << op[0].toString() + u' ' + op[1][QLatin1String("to")].toString();
    return out;
}

QStringList ids(const QList<HtmlElement> &elements)
{
    QStringList out;
    for (const HtmlElement &element : elements)
        out << element.id();
    return out;
}
} // namespace

class tst_ConformancePortals : public QObject
{
    Q_OBJECT
    std::shared_ptr<Router> router = portalRouter();
    LiveTestApp app{router};

private slots:
    void routesAreInUpstreamsLiveSessions_data()
    {
        QTest::addColumn<QString>("pattern");
        for (const char *pattern : {"/portal", "/issues/4095", "/issues/4107", "/issues/4121"})
            QTest::newRow(pattern) << pattern;
    }
    void routesAreInUpstreamsLiveSessions()
    {
        QFETCH(QString, pattern);
        // The server's own routes (fixture_router.cpp), not this test's copy of them.
        static const auto served = conformance::fixtureRouter();
        QVERIFY(served->match(pattern).isValid());
        QCOMPARE(served->sessionOf(pattern), QStringLiteral("default"));
    }

    // --- /portal ---

    // Each portal is a <template> naming its target, whose one child is the wrapper the client
    // teleports (Phoenix's markup), with the class the portal was given.
    void portalTemplatesNameTheirTargets_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("wrapperClass");
        QTest::newRow("first modal") << "portal-source"
                                     << "#root-portal"
                                     << "";
        QTest::newRow("second modal") << "portal-source-2"
                                      << "#app-portal"
                                      << "";
        QTest::newRow("into the second modal") << "modal-2-inner-portal"
                                               << "#my-modal-2-content"
                                               << "contents";
        QTest::newRow("portal in a portal") << "modal-2-inner-portal-2"
                                            << "#my-modal-2-content"
                                            << "contents";
        QTest::newRow("outer nested portal") << "nested-portal-source"
                                             << "#root-portal"
                                             << "";
        QTest::newRow("inner nested portal") << "inner-portal-source"
                                             << "body"
                                             << "";
        QTest::newRow("menu out of a modal") << "teleported-menu"
                                             << "body"
                                             << "";
        QTest::newRow("tooltip") << "tooltip-example-portal-portal"
                                 << "body"
                                 << "";
    }
    void portalTemplatesNameTheirTargets()
    {
        QFETCH(QString, id);
        QFETCH(QString, target);
        QFETCH(QString, wrapperClass);
        LiveViewTest lv = live(app, portalPage);
        const HtmlElement portal = lv.element(u'#' + id).element();
        QCOMPARE(portal.tagName(), QStringLiteral("template"));
        QCOMPARE(portal.attribute("data-phx-portal"), target);
        const QString wrapperId = QStringLiteral("_lv_portal_wrap_") + id;
        QVERIFY(portal.innerHtml().startsWith(QStringLiteral("<div id=\"%1\"").arg(wrapperId)));
        QCOMPARE(lv.element(u'#' + wrapperId).element().attribute("class"), wrapperClass);
    }

    // The layouts' targets (rendered by the view here): #app-portal inside <main>, #root-portal
    // after it; and the page's hooks come with the first render, before the LiveSocket exists.
    void layoutTargetsAndHooksAreOnThePage()
    {
        const LiveTestApp::Page page = app.get(portalPage);
        QCOMPARE(page.status, 200);
        QVERIFY(page.html.contains(
            "window.hooks[\"Phoenix.LiveViewTest.E2E.PortalLive.InsidePortal\"] ||="));
        QVERIFY(page.html.contains("window.hooks.PortalTooltip ||="));
        LiveViewTest lv = live(app, portalPage, page);
        QVERIFY(lv.hasElement("main > #app-portal"));
        QVERIFY(lv.hasElement("#root-portal"));
        QVERIFY(!lv.hasElement("main #root-portal"));
        QCOMPARE(lv.element("#hook-test").element().attribute("phx-hook"),
                 QStringLiteral("Phoenix.LiveViewTest.E2E.PortalLive.InsidePortal"));
    }

    void modalCommandsAreUpstreams()
    {
        LiveViewTest lv = live(app, portalPage);
        const QJsonArray open = jsOf(lv.element("button", "Open modal").element(), "phx-click");
        QCOMPARE(summary(open),
                 QStringList({"show #my-modal", "show #my-modal-bg", "show #my-modal-container",
                              "add_class body", "focus_first #my-modal-content"}));
        QCOMPARE(open[1][1]["time"].toInt(), 300);
        QCOMPARE(open[2][1]["transition"][2].toArray(),
                 QJsonArray({"opacity-100", "translate-y-0", "sm:scale-100"}));
        const QJsonArray second =
            jsOf(lv.element("button", "Open second modal").element(), "phx-click");
        QCOMPARE(summary(second).first(), QStringLiteral("show #my-modal-2"));
        QCOMPARE(summary(second).last(), QStringLiteral("show #inner-red-box"));

        const HtmlElement modal = lv.element("#my-modal").element();
        QCOMPARE(modal.classes(), QStringList({"relative", "z-50", "hidden"}));
        QVERIFY(!modal.hasAttribute("phx-mounted"));
        QCOMPARE(summary(jsOf(modal, "phx-remove")),
                 QStringList({"hide #my-modal-bg", "hide #my-modal-container", "hide #my-modal",
                              "remove_class body", "pop_focus "}));
        QCOMPARE(modal.attribute("data-cancel"),
                 QStringLiteral(R"([["exec",{"attr":"phx-remove"}]])"));
        const HtmlElement container = lv.element("#my-modal-container").element();
        QCOMPARE(container.attribute("phx-hook"), QStringLiteral("Phoenix.FocusWrap"));
        QCOMPARE(container.attribute("phx-key"), QStringLiteral("escape"));
        const QString cancel =
            QStringLiteral(R"([["exec",{"attr":"data-cancel","to":"#my-modal"}]])");
        QCOMPARE(container.attribute("phx-click-away"), cancel);
        QCOMPARE(container.attribute("phx-window-keydown"), cancel);
        QCOMPARE(lv.element("#my-modal button[aria-label=close]").element().attribute("phx-click"),
                 cancel);
        QCOMPARE(ids(container.children()),
                 QStringList({"my-modal-container-start", "", "my-modal-content",
                              "my-modal-container-end"}));
        QCOMPARE(lv.element(".fixed[role=dialog]", "This is a modal.")
                     .element()
                     .attribute("aria-labelledby"),
                 QStringLiteral("my-modal-title"));
        QCOMPARE(lv.element("#inner-red-box").element().attribute("phx-click-away"),
                 QStringLiteral(R"([["hide",{}]])"));
    }

    // A tick patches what is inside portals: the modal, the nested portal, the tooltips.
    void tickPatchesInsidePortals()
    {
        LiveViewTest lv = live(app, portalPage);
        QCOMPARE(jsOf(lv.element("button", "Tick").element(), "phx-click"),
                 QJsonDocument::fromJson(R"([["push",{"event":"tick"}]])").array());
        QVERIFY(text(lv, "#my-modal-content").contains("DOM patching works as expected: 0"));
        lv.renderEvent("tick");
        QVERIFY(text(lv, "#my-modal-content").contains("DOM patching works as expected: 1"));
        QCOMPARE(text(lv, "#nested-portal-content"), QStringLiteral("Tick count: 1"));
        QCOMPARE(text(lv, "#tooltip-example-portal"), QStringLiteral("Hey there! 1"));
        QCOMPARE(text(lv, "#tooltip-example-no-portal"), QStringLiteral("Hey there! 1"));
    }

    // Both "Patch this LiveView" buttons patch to a param the page has not had yet.
    void patchShowsTheParam()
    {
        LiveViewTest lv = live(app, portalPage);
        QCOMPARE(text(lv, "main > p"), QStringLiteral("Current param:"));
        auto hrefs = [&lv] {
            QStringList out;
            for (const HtmlElement &button : lv.document().select("button")) {
                if (button.textContent().simplified() != u"Patch this LiveView")
                    continue;
                const QJsonArray ops = jsOf(button, "phx-click");
                out << (summary(ops) == QStringList({"patch "}) ? ops[0][1]["href"].toString()
                                                                : QStringLiteral("not a patch"));
            }
            return out;
        };
        const QStringList before = hrefs();
        QCOMPARE(before.size(), 2);
        QCOMPARE(before[0], before[1]);
        const QRegularExpressionMatch next =
            QRegularExpression(R"(^/portal\?param=(\d+)$)").match(before[0]);
        QVERIFY(next.hasMatch());
        lv.renderPatch(before[0]);
        QCOMPARE(text(lv, "main > p"), QStringLiteral("Current param: ") + next.captured(1));
        const QStringList after = hrefs();
        QCOMPARE(after.size(), 2);
        QVERIFY(after[0] != before[0]);
    }

    void toggleModalRenderRemovesOnlyItsPortal()
    {
        LiveViewTest lv = live(app, portalPage);
        lv.element("button", "Toggle modal render").renderClick();
        QVERIFY(!lv.hasElement("#portal-source"));
        QVERIFY(!lv.hasElement("#my-modal"));
        QVERIFY(lv.hasElement("#portal-source-2"));
        QVERIFY(lv.hasElement("#my-modal-2"));
        lv.element("button", "Toggle modal render").renderClick();
        QVERIFY(lv.hasElement("#my-modal"));
        QCOMPARE(lv.element("#portal-source").element().attribute("data-phx-portal"),
                 QStringLiteral("#root-portal"));
    }

    void nestedPortalsCountAndToggle()
    {
        LiveViewTest lv = live(app, portalPage);
        QCOMPARE(text(lv, "#nested-portal-count"), QStringLiteral("0"));
        lv.element("button", "Click nested portal button").renderClick();
        QCOMPARE(text(lv, "#nested-portal-count"), QStringLiteral("1"));
        const QStringList nested{"#nested-portal-source", "#outer-portal", "#inner-portal-source",
                                 "#inner-portal"};
        lv.element("button", "Toggle nested portals").renderClick();
        for (const QString &selector : nested)
            QVERIFY2(!lv.hasElement(selector), qPrintable(selector));
        lv.element("button", "Toggle nested portals").renderClick();
        for (const QString &selector : nested)
            QVERIFY2(lv.hasElement(selector), qPrintable(selector));
        QCOMPARE(text(lv, "#nested-portal-count"), QStringLiteral("1"));
    }

    void tooltipsWithAndWithoutPortal_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("teleported");
        QTest::addColumn<QString>("activator");
        QTest::newRow("portal") << "tooltip-example-portal" << true << "Hover me";
        QTest::newRow("no portal")
            << "tooltip-example-no-portal" << false << "Hover me (no portal)";
    }
    void tooltipsWithAndWithoutPortal()
    {
        QFETCH(QString, id);
        QFETCH(bool, teleported);
        QFETCH(QString, activator);
        LiveViewTest lv = live(app, portalPage);
        const HtmlElement wrapper = lv.element(u'#' + id + QStringLiteral("-wrapper")).element();
        QCOMPARE(wrapper.attribute("phx-hook"), QStringLiteral("PortalTooltip"));
        QCOMPARE(wrapper.attribute("data-id"), id);
        QCOMPARE(wrapper.attribute("data-position"), QStringLiteral("top"));
        QCOMPARE(wrapper.attribute("phx-key"), QStringLiteral("escape"));
        QCOMPARE(wrapper.attribute("phx-window-keydown"),
                 QStringLiteral(R"([["dispatch",{"event":"phx:hide-tooltip"}]])"));
        const QJsonArray show = jsOf(wrapper, "data-show");
        QCOMPARE(summary(show), QStringList({QStringLiteral("show #") + id}));
        QCOMPARE(show[0][1]["display"].toString(), QStringLiteral("block"));
        QCOMPARE(show[0][1]["blocking"].toBool(true), false);
        QCOMPARE(show[0][1]["time"].toInt(), 200);
        const QJsonArray hide = jsOf(wrapper, "data-hide");
        QCOMPARE(summary(hide), QStringList({QStringLiteral("hide #") + id}));
        QCOMPARE(hide[0][1]["time"].toInt(), 100);

        const HtmlElement trigger = lv.element(u'#' + id + QStringLiteral("-activator")).element();
        QCOMPARE(trigger.attribute("aria-describedby"), id);
        QVERIFY(trigger.hasAttribute("data-activator"));
        QCOMPARE(trigger.textContent().simplified(), activator);

        const HtmlElement tooltip = lv.element(u'#' + id).element();
        QCOMPARE(tooltip.attribute("role"), QStringLiteral("tooltip"));
        QVERIFY(tooltip.classes().contains("hidden"));
        QCOMPARE(tooltip.attribute("phx-mounted"),
                 QStringLiteral(R"([["ignore_attrs",{"attrs":["style"]}]])"));
        QCOMPARE(tooltip.parent().id(), teleported
                                            ? QStringLiteral("_lv_portal_wrap_%1-portal").arg(id)
                                            : id + QStringLiteral("-wrapper"));
        QCOMPARE(lv.hasElement(u'#' + id + QStringLiteral("-portal")), teleported);
    }

    // The component's stream is teleported with it; its own button and the one it teleports out
    // of itself (whose hook pushes to it: the client finds the component through the portal's
    // source, as pushing to its stream's list does here) prepend to the stream.
    void liveComponentStreamInPortal()
    {
        LiveViewTest lv = live(app, portalPage);
        QCOMPARE(lv.element("#portal-with-live-component").element().attribute("data-phx-portal"),
                 QStringLiteral("#root-portal"));
        QVERIFY(lv.element("#teleported-lc").element().hasAttribute("data-phx-component"));
        QCOMPARE(lv.element("#stream-in-lc").element().attribute("phx-update"),
                 QStringLiteral("stream"));
        QCOMPARE(ids(lv.document().select("#stream-in-lc > li")),
                 QStringList({"items-1", "items-2"}));
        const HtmlElement hooked =
            lv.element("#_lv_portal_wrap_teleported-from-lc-button > #lcbtn").element();
        QCOMPARE(hooked.attribute("phx-hook"),
                 QStringLiteral("Phoenix.LiveViewTest.E2E.PortalLive.LC.TeleportedLCButton"));
        QCOMPARE(lv.element("#teleported-from-lc-button").element().attribute("data-phx-portal"),
                 QStringLiteral("body"));

        // Random ids as upstream's (1000 to 1999): two prepends may give one id twice.
        QSet<QString> prepended;
        auto checkFirst = [&] {
            const QList<HtmlElement> items = lv.document().select("#stream-in-lc > li");
            const QRegularExpressionMatch id =
                QRegularExpression(R"(^items-(1\d\d\d)$)").match(items.value(0).id());
            prepended.insert(items.value(0).id());
            return id.hasMatch() &&
                   items.value(0).textContent().trimmed() ==
                       QStringLiteral("Item ") + id.captured(1) &&
                   items.size() == 2 + prepended.size();
        };
        lv.element("#teleported-lc > button", "Prepend item").renderClick();
        QVERIFY(checkFirst());
        lv.element("#stream-in-lc").renderEvent("prepend");
        QVERIFY(checkFirst());
        QCOMPARE(text(lv, "#nested-portal-count"), QStringLiteral("0")); // not the view's events
    }

    // The nested LiveView (and the one it teleports) are in the first render; once connected the
    // child gets the events of its own button and of the one it teleported, not the parent.
    void nestedLiveViewGetsItsOwnEvents()
    {
        const LiveTestApp::Page page = app.get(portalPage);
        const HtmlDocument dead = HtmlDocument::parse(page.html);
        QCOMPARE(dead.selectOne("#nested #nested-event-count").textContent(), QStringLiteral("0"));
        QCOMPARE(dead.selectOne("#nested-teleported h1").textContent(),
                 QStringLiteral("Nested teleport LiveView"));

        LiveViewTest lv = live(app, portalPage, page);
        QCOMPARE(lv.element("#nested").element().attribute("data-phx-parent-id"), lv.viewId());
        LiveViewTest nested = lv.liveChild("nested");
        QCOMPARE(text(nested, "#nested-event-count"), QStringLiteral("0"));
        nested.element("div.border-orange-200 > button").renderClick();
        QCOMPARE(text(nested, "#nested-event-count"), QStringLiteral("1"));
        const HtmlElement teleportedButton =
            nested.element("#_lv_portal_wrap_nested-lv-button > button").element();
        QCOMPARE(teleportedButton.textContent(),
                 QStringLiteral("Trigger event in nested LV (from teleported button)"));
        nested.element("#_lv_portal_wrap_nested-lv-button > button").renderClick();
        QCOMPARE(text(nested, "#nested-event-count"), QStringLiteral("2"));
        QCOMPARE(nested.element("#nested-lv").element().attribute("data-phx-portal"),
                 QStringLiteral("body"));

        const HtmlElement container =
            nested.element("#_lv_portal_wrap_nested-lv > #nested-teleported").element();
        QCOMPARE(container.attribute("data-phx-parent-id"), QStringLiteral("nested"));
        LiveViewTest teleported = nested.liveChild("nested-teleported");
        QCOMPARE(text(teleported, "h1"), QStringLiteral("Nested teleport LiveView"));
        teleported.element("button", "Toggle event in teleported LV").renderClick();
        QVERIFY(!teleported.isCrashed());
        QCOMPARE(text(nested, "#nested-event-count"), QStringLiteral("2"));
        QCOMPARE(text(lv, "#nested-portal-count"), QStringLiteral("0"));
    }

    // --- /issues/4095 ---

    void issue4095ButtonFollowsTheField()
    {
        LiveViewTest lv = live(app, "/issues/4095");
        QCOMPARE(lv.element("#portal").element().attribute("data-phx-portal"),
                 QStringLiteral("#portal_target"));
        QVERIFY(lv.hasElement("#portal_target"));
        QVERIFY(!lv.hasElement("form #portal_target")); // after the form
        const HtmlElement input = lv.element("input").element();
        QCOMPARE(input.attribute("name"), QStringLiteral("show?"));
        QCOMPARE(input.id(), QStringLiteral("show?"));
        QVERIFY(input.hasAttribute("value")); // true renders as a bare attribute
        QCOMPARE(input.attribute("value"), QString());
        QCOMPARE(text(lv, "#_lv_portal_wrap_portal button"), QStringLiteral("Show?"));

        lv.element("form").renderChange({{"show?", "12"}});
        QCOMPARE(lv.element("input").element().attribute("value"), QStringLiteral("12"));
        QCOMPARE(text(lv, "#_lv_portal_wrap_portal button"), QStringLiteral("Show?"));
        lv.element("form").renderChange({{"show?", ""}}); // "" is truthy, as in Elixir
        QVERIFY(lv.hasElement("#_lv_portal_wrap_portal button"));
        lv.renderEvent("validate", {{"_target", QVariantList{"other"}}});
        QVERIFY(!lv.hasElement("button"));
        QVERIFY(!lv.isCrashed());
    }

    // --- /issues/4107 ---

    void issue4107FormIsTeleportedItsButtonIsNot()
    {
        LiveViewTest lv = live(app, "/issues/4107");
        QCOMPARE(lv.element("#test-form-portal").element().attribute("data-phx-portal"),
                 QStringLiteral("body"));
        const HtmlElement form = lv.element("#_lv_portal_wrap_test-form-portal > form").element();
        QCOMPARE(form.id(), QStringLiteral("test-form"));
        QCOMPARE(form.attribute("action"), QStringLiteral("/api/test"));
        QCOMPARE(form.attribute("method"), QStringLiteral("post"));
        const HtmlElement field = lv.element("#test-form input[type=hidden]").element();
        QCOMPARE(field.attribute("name"), QStringLiteral("test_input"));
        QCOMPARE(field.attribute("value"), QStringLiteral("test_value"));
        const HtmlElement button = lv.element("button").element();
        QCOMPARE(button.attribute("type"), QStringLiteral("submit"));
        QCOMPARE(button.attribute("form"), QStringLiteral("test-form"));
        QCOMPARE(button.parent().tagName(), QStringLiteral("div")); // outside the portal
        QVERIFY(!button.hasAttribute("phx-click"));
    }

    // --- /issues/4121 ---

    void issue4121TeleportedStreamResets()
    {
        LiveViewTest lv = live(app, "/issues/4121");
        QCOMPARE(lv.element("#teleported-stream").element().attribute("data-phx-portal"),
                 QStringLiteral("body"));
        QCOMPARE(lv.element("#stream-in-lv").element().attribute("phx-update"),
                 QStringLiteral("stream"));
        const QList<HtmlElement> items = lv.document().select("#stream-in-lv > li");
        QCOMPARE(ids(items), QStringList({"items-1", "items-2"}));
        QCOMPARE(items[0].textContent().trimmed(), QStringLiteral("Item 1"));
        QCOMPARE(items[1].textContent().trimmed(), QStringLiteral("Item 2"));

        lv.element("button", "Reset teleported stream").renderClick();
        const QList<HtmlElement> reset = lv.document().select("#stream-in-lv > li");
        QCOMPARE(reset.size(), 1);
        const QRegularExpressionMatch id =
            QRegularExpression(R"(^items-(\d+)$)").match(reset[0].id());
        QVERIFY(id.hasMatch());
        QVERIFY(id.captured(1) != u"1" && id.captured(1) != u"2");
        QCOMPARE(reset[0].textContent().trimmed(), QStringLiteral("Item ") + id.captured(1));
    }
};

QTEST_GUILESS_MAIN(tst_ConformancePortals)
#include "tst_conformance_portals.moc"
