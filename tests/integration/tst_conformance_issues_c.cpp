// Issue fixtures of livedeck-conformance (issue_lives_c.h) through the harness: the JS commands of
// 3040's modal, 3448's form patched from its checkboxes, 4290's events after a navigation, the
// components 3169 and 4350 bring back onto the page, 4066's component gone before its hook's push.
#include <issue_lives_c.h>

#include <liveview/router.h>
#include <liveview/testing/live_view_test.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {
// The routes of these fixtures, in upstream's live sessions.
std::shared_ptr<Router> issueRouter()
{
    conformance::registerIssueComponentsC();
    auto router = std::make_shared<Router>();
    router->liveSession(QStringLiteral("default"));
    router->live<conformance::Issue3040Live>(QStringLiteral("/issues/3040"));
    router->live<conformance::Issue3448Live>(QStringLiteral("/issues/3448"));
    router->live<conformance::Issue4066Live>(QStringLiteral("/issues/4066"));
    router->live<conformance::Issue4290ALive>(QStringLiteral("/issues/4290/a"));
    router->live<conformance::Issue4290BLive>(QStringLiteral("/issues/4290/b"));
    router->live<conformance::Issue4350Live>(QStringLiteral("/issues/4350"));
    router->liveSession(QString()); // upstream: outside every live session (its own layout)
    router->live<conformance::Issue3169Live>(QStringLiteral("/issues/3169"));
    return router;
}

QJsonArray commands(const HtmlElement &element, const QString &attribute)
{
    return QJsonDocument::fromJson(element.attribute(attribute).toUtf8()).array();
}

QStringList kinds(const QJsonArray &ops)
{
    QStringList out;
    for (const QJsonValue &op : ops)
        out << op.toArray().at(0).toString();
    return out;
}

QByteArray compact(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

QStringList textInputValues(LiveViewTest &lv)
{
    QStringList out;
    for (const HtmlElement &input : lv.document().select("input[type=text]"))
        out << input.attribute("value");
    return out;
}

QStringList componentIds(LiveViewTest &lv)
{
    QStringList out;
    for (const HtmlElement &e : lv.document().select("[data-phx-component]"))
        out << e.attribute("data-phx-component");
    return out;
}

// The payload of the reply among the frames the server wrote.
QJsonObject replyIn(const QList<QByteArray> &frames)
{
    for (const QByteArray &frame : frames) {
        const QJsonArray message = QJsonDocument::fromJson(frame).array();
        if (message.at(3).toString() == u"phx_reply")
            return message.at(4).toObject();
    }
    return {};
}

QJsonObject push(LiveViewTest &lv, const QString &event, const QJsonObject &payload)
{
    const QJsonArray frame{lv.joinRef(), lv.nextRef(), lv.topic(), event, payload};
    return replyIn(lv.sendRaw(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

// What the client sends after a patch took components off the page (cids_will_destroy), and
// once that is answered (cids_destroyed).
QJsonObject pushCids(LiveViewTest &lv, const char *event, const QStringList &cids)
{
    QJsonArray list;
    for (const QString &cid : cids)
        list.append(cid.toInt());
    return push(lv, QLatin1String(event), {{"cids", list}});
}

// A form event as the client sends it: the form's fields URL-encoded.
QString pushForm(LiveViewTest &lv, const QString &event, const QString &encoded)
{
    push(lv, QStringLiteral("event"), {{"type", "form"}, {"event", event}, {"value", encoded}});
    return lv.render();
}
} // namespace

class tst_ConformanceIssuesC : public QObject
{
    Q_OBJECT
    LiveTestApp app{issueRouter()};

private slots:
    void issue3040ModalCarriesItsCommands_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("shown when mounted")
            << "#my-modal"
            << "phx-mounted" << QStringList{"show", "show", "show", "add_class", "focus_first"};
        QTest::newRow("hidden when removed")
            << "#my-modal"
            << "phx-remove" << QStringList{"hide", "hide", "hide", "remove_class", "pop_focus"};
        QTest::newRow("cancel patches back, then runs phx-remove")
            << "#my-modal"
            << "data-cancel" << QStringList{"patch", "exec"};
        QTest::newRow("click-away cancels") << "#my-modal-container"
                                            << "phx-click-away" << QStringList{"exec"};
        QTest::newRow("escape cancels") << "#my-modal-container"
                                        << "phx-window-keydown" << QStringList{"exec"};
        QTest::newRow("close button cancels") << "button[aria-label=close]"
                                              << "phx-click" << QStringList{"exec"};
    }
    void issue3040ModalCarriesItsCommands()
    {
        QFETCH(QString, selector);
        QFETCH(QString, attribute);
        QFETCH(QStringList, expected);
        LiveViewTest lv = live(app, "/issues/3040");
        QVERIFY(!lv.hasElement("#my-modal"));
        QVERIFY(lv.hasElement("a[data-phx-link=patch][href='/issues/3040?modal=true']", "Add new"));
        lv.renderPatch("/issues/3040?modal=true");
        QCOMPARE(kinds(commands(lv.element(selector).element(), attribute)), expected);
    }

    void issue3040CommandsAreEncodedLikePhoenix()
    {
        LiveViewTest lv = live(app, "/issues/3040?modal=true");
        const HtmlElement modal = lv.element("#my-modal").element();
        QCOMPARE(compact(commands(modal, "data-cancel")),
                 QByteArray(R"([["patch",{"href":"/issues/3040","replace":false}],)"
                            R"(["exec",{"attr":"phx-remove"}]])"));
        QCOMPARE(compact(commands(lv.element("#my-modal-container").element(), "phx-click-away")),
                 QByteArray(R"([["exec",{"attr":"data-cancel","to":"#my-modal"}]])"));
        const QJsonArray show = commands(modal, "phx-mounted");
        QCOMPARE(compact(show.at(2)),
                 QByteArray(R"(["show",{"to":"#my-modal-container","transition":)"
                            R"([["transition-all","transform","ease-out","duration-300"],)"
                            R"(["opacity-0","translate-y-4","sm:translate-y-0","sm:scale-95"],)"
                            R"(["opacity-100","translate-y-0","sm:scale-100"]]}])"));
        QCOMPARE(compact(show.at(4)), QByteArray(R"(["focus_first",{"to":"#my-modal-content"}])"));
        const QJsonArray hide = commands(modal, "phx-remove");
        QCOMPARE(hide.at(1).toArray().at(1).toObject().value("time").toInt(), 200);
        QCOMPARE(compact(hide.at(4)), QByteArray(R"(["pop_focus",{}])"));
    }

    void issue3040SubmitKeepsTheModalAndThePatchBackClosesIt()
    {
        LiveViewTest lv = live(app, "/issues/3040?modal=true");
        const HtmlElement wrap = lv.element("#my-modal-container").element();
        QCOMPARE(wrap.attribute("phx-hook"), QStringLiteral("Phoenix.FocusWrap"));
        QCOMPARE(wrap.attribute("phx-key"), QStringLiteral("escape"));
        QVERIFY(lv.hasElement("#my-modal-container > #my-modal-container-start[tabindex='0']"));
        QVERIFY(lv.hasElement("#my-modal-content form input[name=name]"));
        QVERIFY(!lv.hasElement("form p"));
        lv.element("#my-modal-content form").renderSubmit({{"name", "test"}});
        QCOMPARE(lv.element("form").element().textContent().trimmed(),
                 QStringLiteral("Form was submitted!"));
        QVERIFY(lv.hasElement("#my-modal"));
        lv.renderPatch("/issues/3040"); // what data-cancel's JS.patch does
        QVERIFY(!lv.hasElement("#my-modal"));
        QVERIFY(!lv.hasElement("form"));
    }

    void issue3448CheckboxesComeBackFromTheForm()
    {
        LiveViewTest lv = live(app, "/issues/3448");
        QCOMPARE(lv.document().select("input[type=checkbox][name='a[]']").size(), 2);
        QVERIFY(!lv.hasElement("input[type=checkbox][checked]"));
        QCOMPARE(compact(commands(lv.element("input[value=settings]").element(), "phx-click")),
                 QByteArray(R"([["dispatch",{"event":"input"}],["focus",{"to":"#search"}]])"));
        QVERIFY(lv.hasElement("form#my_form[phx-change=validate] input#search[type=search]"
                              "[name=value][phx-change=search]"));

        pushForm(lv, "validate", "a%5B%5D=settings&value=");
        QVERIFY(lv.hasElement("input[value=settings][checked]"));
        QVERIFY(!lv.hasElement("input[value=content][checked]"));
        QCOMPARE(lv.element("#my_form > div:first-child > div").element().textContent().trimmed(),
                 QStringLiteral("settings"));

        pushForm(lv, "validate", "a%5B%5D=settings&a%5B%5D=content&value=");
        QCOMPARE(lv.document().select("input[type=checkbox][checked]").size(), 2);
        QCOMPARE(lv.document().select("#my_form > div:first-child > div").size(), 2);

        pushForm(lv, "validate", "value=");
        QVERIFY(!lv.hasElement("input[type=checkbox][checked]"));
        QVERIFY(!lv.hasElement("#my_form > div:first-child > div"));
    }

    void issue4290EventsReachOnlyTheViewTheyWereSentTo()
    {
        LiveViewTest lv = live(app, "/issues/4290/a");
        QCOMPARE(compact(commands(lv.element("#slow-remove").element(), "phx-remove")),
                 QByteArray(R"([["transition",{"time":1500,"transition":[["fade-out"],[],[]]}]])"));
        lv.element("form#form").renderChange({{"name", "hello"}}); // A handles its own
        QVERIFY(!lv.isCrashed());
        lv.element("button", "Navigate").renderClick();
        QCOMPARE(lv.assertRedirect().value("kind_of").toString(), QStringLiteral("live_redirect"));
        QCOMPARE(lv.assertRedirect().value("to").toString(), QStringLiteral("/issues/4290/b"));
        lv.followRedirect();
        QCOMPARE(lv.element("h1").element().textContent(), QStringLiteral("B"));
        QCOMPARE(lv.element("#event-count").element().textContent(), QStringLiteral("0"));
        // B lists whatever reaches it: what the spec checks is that A's change never does.
        lv.renderEvent("validate", {{"name", "hello"}}, "form");
        QCOMPARE(lv.element("#event-count").element().textContent(), QStringLiteral("1"));
        QCOMPARE(lv.element("#event-0").element().textContent(), QStringLiteral("validate"));
    }

    void issue3169ComponentsComeBackWithTheRecord()
    {
        LiveViewTest lv = live(app, "/issues/3169");
        QVERIFY(lv.render().contains("FormComponent (c1)"));
        QVERIFY(!lv.render().contains("FormCore (c2)"));
        QVERIFY(textInputValues(lv).isEmpty());
        for (const QString name : {"a", "b", "z"}) {
            // The selection empties the component first; its send_update fills it again.
            lv.element("#select-" + name).renderClick();
            QVERIFY(!lv.render().contains("FormCore (c2)"));
            QTRY_VERIFY(lv.processPending().contains("FormColumn (c3)"));
            const QString record = "Record " + name;
            QCOMPARE(textInputValues(lv), (QStringList{record, record, record}));
            QVERIFY(lv.render().contains("This is a test! foo"));
            QCOMPARE(lv.document().select("[data-phx-component] form [data-phx-component]").size(),
                     1);
        }
        // The same selection again changes nothing: no update, no send_update.
        lv.element("#select-z").renderClick();
        QVERIFY(lv.render().contains("FormColumn (c3)"));
    }

    void issue3169CoreKeepsItsCidWhenItComesBackBeforeDestroyed()
    {
        LiveViewTest lv = live(app, "/issues/3169");
        lv.element("#select-a").renderClick();
        QTRY_VERIFY(lv.processPending().contains("FormColumn (c3)"));
        const QStringList before = componentIds(lv); // form_view, core, column-<id>
        QCOMPARE(before.size(), 3);
        lv.element("#select-b").renderClick();
        QCOMPARE(componentIds(lv), QStringList{before.at(0)});
        // The client gives up the cids no longer on the page, the record comes back meanwhile.
        pushCids(lv, "cids_will_destroy", {before.at(1), before.at(2)});
        QTRY_VERIFY(lv.processPending().contains("FormColumn (c3)"));
        const QStringList after = componentIds(lv);
        QCOMPARE(after.size(), 3);
        QCOMPARE(after.at(1), before.at(1));  // the same core, revived
        QVERIFY(after.at(2) != before.at(2)); // a column with a new id
        QCOMPARE(textInputValues(lv), (QStringList{"Record b", "Record b", "Record b"}));
        const QJsonObject destroyed = pushCids(lv, "cids_destroyed", {before.at(1), before.at(2)});
        QCOMPARE(compact(destroyed.value("response").toObject().value("cids")),
                 compact(QJsonArray{before.at(2).toInt()}));
    }

    void issue4350RevivesTheChildChangeTrackingSkips()
    {
        LiveViewTest lv = live(app, "/issues/4350");
        lv.element("#bump").renderClick();
        QCOMPARE(lv.element("#leaf-count").element().textContent(), QStringLiteral("1"));
        const QString branchCid = lv.element("#branch").element().attribute("data-phx-component");
        const QString leafCid = lv.element("#leaf").element().attribute("data-phx-component");
        QVERIFY(!leafCid.isEmpty() && leafCid != branchCid);

        lv.element("#tick").renderClick();
        QVERIFY(lv.element("#branch").element().textContent().contains("tick: 1"));
        const QJsonObject changed = lv.lastDiff().value("c").toObject();
        QVERIFY(changed.contains(branchCid));
        QVERIFY(!changed.contains(leafCid)); // the leaf's dynamic was not evaluated

        lv.element("#hide").renderClick();
        QVERIFY(!lv.hasElement("#wrapper"));
        QCOMPARE(pushCids(lv, "cids_will_destroy", {branchCid, leafCid}).value("status").toString(),
                 QStringLiteral("ok"));
        lv.element("#show").renderClick(); // before cids_destroyed arrives
        QVERIFY(lv.hasElement("#wrapper #branch #leaf"));
        const QJsonObject destroyed = pushCids(lv, "cids_destroyed", {branchCid, leafCid});
        QCOMPARE(compact(destroyed.value("response").toObject().value("cids")), QByteArray("[]"));

        QCOMPARE(lv.element("#leaf").element().attribute("data-phx-component"), leafCid);
        QCOMPARE(lv.element("#leaf-count").element().textContent(), QStringLiteral("1"));
        lv.element("#bump").renderClick();
        QCOMPARE(lv.element("#leaf-count").element().textContent(), QStringLiteral("2"));
    }

    void issue4066DelayComesFromTheQuery_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("delay");
        QTest::newRow("given") << "/issues/4066?delay=100"
                               << "100";
        QTest::newRow("default") << "/issues/4066"
                                 << "3000";
    }
    void issue4066DelayComesFromTheQuery()
    {
        QFETCH(QString, path);
        QFETCH(QString, delay);
        LiveViewTest lv = live(app, path);
        const HtmlElement input = lv.element("input").element();
        QCOMPARE(input.id(), QStringLiteral("foo"));
        QCOMPARE(input.attribute("data-delay"), delay);
        QCOMPARE(input.attribute("target"), input.attribute("data-phx-component")); // @myself
        QCOMPARE(input.attribute("phx-hook"),
                 QStringLiteral("Phoenix.LiveViewTest.E2E.Issue4066Live.LiveComponent.MyHook"));
        // The hook is defined by the first HTTP render, before the LiveSocket is created.
        QVERIFY(lv.deadRender().contains(
            R"(window.hooks["Phoenix.LiveViewTest.E2E.Issue4066Live.LiveComponent.MyHook"])"));
    }

    void issue4066PushForAGoneComponentDoesNotRemount()
    {
        LiveViewTest lv = live(app, "/issues/4066?delay=100");
        const QString renderTime = lv.element("#render-time").element().textContent();
        QVERIFY(!renderTime.isEmpty());
        const QString cid = lv.element("input").element().attribute("data-phx-component");
        lv.element("input").renderEvent("do-something", {{"value", 100}}, "hook");
        QVERIFY(!lv.isCrashed());

        lv.element("button", "Toggle").renderClick();
        QVERIFY(!lv.hasElement("input"));
        pushCids(lv, "cids_will_destroy", {cid});
        pushCids(lv, "cids_destroyed", {cid});
        // The hook's timer fires after its element is gone.
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression("component that is gone"));
        const QJsonObject late = push(lv, QStringLiteral("event"),
                                      {{"type", "hook"},
                                       {"event", "do-something"},
                                       {"value", QJsonObject{{"value", 100}}},
                                       {"cid", cid.toInt()}});
        QCOMPARE(late.value("status").toString(), QStringLiteral("ok"));
        QVERIFY(!lv.isCrashed());

        lv.element("button", "Toggle").renderClick();
        QVERIFY(lv.hasElement("input#foo"));
        QCOMPARE(lv.element("#render-time").element().textContent(), renderTime);
    }
};

QTEST_GUILESS_MAIN(tst_ConformanceIssuesC)
#include "tst_conformance_issues_c.moc"
