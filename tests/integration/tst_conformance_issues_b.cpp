// The suite's issue fixtures built around live components, through the harness: a component
// removed and revived during the client's destroy round trip (3026), rows updated after the join
// (3117), a burst of patches replacing a component (3709), root ids changing under send_update
// (3979) and a hooked component root changing its id (4334).
#include <fixture_router.h>

#include <liveview/testing/live_view_test.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {
QJsonObject payloadOf(const QByteArray &frame)
{
    return QJsonDocument::fromJson(frame).array().at(4).toObject();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The client's two removal steps (cids_will_destroy, cids_destroyed) for one component.
QJsonObject pushCids(LiveViewTest &lv, const char *event, int cid)
{
    const QString frame = QStringLiteral(R"(["%1","%2","%3","%4",{"cids":[%5]}])")
                              .arg(lv.joinRef(), lv.nextRef(), lv.topic(), QLatin1String(event))
                              .arg(cid);
    const QList<QByteArray> out = lv.sendRaw(frame.toUtf8());
    return out.size() == 1 ? payloadOf(out.first()) : QJsonObject();
}

// The reply to cids_destroyed when the component was deleted.
QByteArray destroyedReply(int cid)
{
    return QStringLiteral(R"({"response":{"cids":[%1]},"status":"ok"})").arg(cid).toUtf8();
}

QString text(LiveViewTest &lv, const QString &selector)
{
    return lv.element(selector).element().textContent().simplified();
}

QString component(int cid)
{
    return QStringLiteral("[data-phx-component=\"%1\"]").arg(cid);
}

int onlyComponent(LiveViewTest &lv)
{
    const QList<HtmlElement> found = lv.document().select(QStringLiteral("[data-phx-component]"));
    return found.size() == 1 ? found.first().attribute(QStringLiteral("data-phx-component")).toInt()
                             : 0;
}

void changeStatus(LiveViewTest &lv, const char *status)
{
    lv.element(QStringLiteral("form[phx-change=change_status]"))
        .renderChange({{QStringLiteral("status"), QString::fromLatin1(status)}});
}
} // namespace

class tst_ConformanceIssuesB : public QObject
{
    Q_OBJECT
    LiveTestApp app{conformance::fixtureRouter()};

private slots:
    void issue3026LoadsTheFormOnceConnected()
    {
        LiveViewTest lv = live(app, "/issues/3026");
        const HtmlDocument dead = HtmlDocument::parse(lv.deadRender());
        QCOMPARE(dead.selectOne("div.p-8").textContent().simplified(),
                 QStringLiteral("connecting"));
        QCOMPARE(text(lv, "div.p-8"), QStringLiteral("loading"));
        QVERIFY(!lv.hasElement("input[name=name]"));
        lv.processPending(); // the view's message to itself
        QVERIFY(!lv.hasElement("div.p-8"));
        QVERIFY(lv.hasElement("option[value=loaded][selected]"));
        QCOMPARE(lv.document().select("option").size(), 4);
        QCOMPARE(lv.element("input[name=name]").element().attribute("value"),
                 QStringLiteral("John"));
        QCOMPARE(lv.element("input[name=email]").element().attribute("value"), QString());
        QVERIFY(onlyComponent(lv) > 0);
    }

    void issue3026SubmitUnloadsAndReloadsTheComponent()
    {
        LiveViewTest lv = live(app, "/issues/3026");
        lv.processPending();
        const int cid = onlyComponent(lv);
        // The component's form has no phx-target: the view handles its submit.
        lv.element("form[phx-submit=submit]").renderSubmit();
        QCOMPARE(text(lv, "div.p-8"), QStringLiteral("loading"));
        QVERIFY(!lv.hasElement("input[name=name]"));
        lv.processPending();
        // Not destroyed meanwhile: the same instance is back, the client still holds it.
        QCOMPARE(onlyComponent(lv), cid);
        QCOMPARE(lv.element("input[name=name]").element().attribute("value"),
                 QStringLiteral("John"));
    }

    void issue3026RevivedWhileTheClientDestroysIt()
    {
        LiveViewTest lv = live(app, "/issues/3026");
        lv.processPending();
        const int cid = onlyComponent(lv);
        changeStatus(lv, "connecting");
        QVERIFY(!lv.hasElement("input[name=name]"));
        QCOMPARE(compact(pushCids(lv, "cids_will_destroy", cid)),
                 QByteArray(R"({"response":{},"status":"ok"})"));
        changeStatus(lv, "loaded");
        // Marked for destruction, so the client may have pruned it: it is sent in full.
        QVERIFY(lv.lastDiff()
                    .value("c")
                    .toObject()
                    .value(QString::number(cid))
                    .toObject()
                    .contains("s"));
        QCOMPARE(compact(pushCids(lv, "cids_destroyed", cid)),
                 QByteArray(R"({"response":{"cids":[]},"status":"ok"})"));
        QCOMPARE(onlyComponent(lv), cid);
        QCOMPARE(lv.element("input[name=name]").element().attribute("value"),
                 QStringLiteral("John"));
    }

    void issue3026TogglesAfterACompletedDestroy()
    {
        LiveViewTest lv = live(app, "/issues/3026");
        lv.processPending();
        for (int i = 0; i < 5; ++i) {
            const int cid = onlyComponent(lv);
            changeStatus(lv, "connecting");
            QCOMPARE(text(lv, "div.p-8"), QStringLiteral("connecting"));
            QVERIFY(!lv.hasElement("input[name=name]"));
            pushCids(lv, "cids_will_destroy", cid);
            QCOMPARE(compact(pushCids(lv, "cids_destroyed", cid)), destroyedReply(cid));
            changeStatus(lv, "loaded");
            QCOMPARE(onlyComponent(lv), cid + 1); // a new instance, mounted afresh
            QCOMPARE(lv.element("input[name=name]").element().attribute("value"),
                     QStringLiteral("John"));
        }
    }

    void issue3117RowsKeepTheirStaticFunctionComponent_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("first page") << "/issues/3117";
        QTest::newRow("the page navigated to") << "/issues/3117?nav";
    }
    void issue3117RowsKeepTheirStaticFunctionComponent()
    {
        QFETCH(QString, path);
        LiveViewTest lv = live(app, path);
        const HtmlElement link = lv.element("#navigate").element();
        QCOMPARE(link.attribute("data-phx-link"), QStringLiteral("redirect"));
        QCOMPARE(link.attribute("href"), QStringLiteral("/issues/3117?nav"));
        QCOMPARE(text(lv, "#row-1"), QStringLiteral("Example LC Row nil static content"));
        lv.renderAsync();
        for (const QString &row : {QStringLiteral("#row-1"), QStringLiteral("#row-2")}) {
            QCOMPARE(text(lv, row), QStringLiteral("Example LC Row :bar static content"));
            QCOMPARE(text(lv, row + QStringLiteral(" > .static")),
                     QStringLiteral("static content"));
        }
        // The update changed the row's text only: its function component is not sent again.
        const QJsonObject components = lv.lastDiff().value("c").toObject();
        QCOMPARE(components.size(), 1);
        QVERIFY(!components.constBegin().value().toObject().contains("s"));
        QVERIFY(!compact(lv.lastDiff()).contains("static content"));
    }

    void issue3709PatchBurstReplacesTheComponent()
    {
        LiveViewTest lv = live(app, "/issues/3709/1");
        QVERIFY(lv.render().contains("id: 1"));
        QCOMPARE(lv.document().select("li a[data-phx-link=patch]").size(), 10);
        QCOMPARE(lv.element("li a", "Link 5").element().attribute("href"),
                 QStringLiteral("/issues/3709/5"));
        const int first = onlyComponent(lv);
        QCOMPARE(text(lv, component(first)), QStringLiteral("Hello"));
        // "Break Stuff" clicks every link at once.
        for (int i = 1; i <= 10; ++i)
            lv.renderPatch(QStringLiteral("/issues/3709/%1").arg(i));
        QVERIFY(lv.render().contains("id: 10"));
        QCOMPARE(compact(pushCids(lv, "cids_will_destroy", first)),
                 QByteArray(R"({"response":{},"status":"ok"})"));
        QCOMPARE(compact(pushCids(lv, "cids_destroyed", first)), destroyedReply(first));
        lv.renderPatch("/issues/3709/5");
        QVERIFY(lv.render().contains("id: 5"));
        const int shown = onlyComponent(lv);
        QVERIFY(shown > first);
        QCOMPARE(text(lv, component(shown)), QStringLiteral("Hello"));
    }

    void issue3709WithoutAnId()
    {
        LiveViewTest lv = live(app, "/issues/3709");
        QVERIFY(onlyComponent(lv) > 0);
        QVERIFY(lv.render().contains("id: \n")); // nil shows as nothing
        // Another route of the same view: a patch, not a navigation.
        lv.renderPatch("/issues/3709/3");
        QVERIFY(lv.render().contains("id: 3"));
    }

    void issue3979KeepsEveryComponentThroughIdChanges()
    {
        LiveViewTest lv = live(app, "/issues/3979");
        for (int i = 1; i <= 10; ++i) {
            const HtmlElement c = lv.element(component(i)).element();
            QCOMPARE(c.id(), QStringLiteral("hello-%1-0").arg(i));
            QCOMPARE(c.textContent().simplified(), QStringLiteral("0"));
        }
        for (int i = 1; i <= 10; ++i) {
            lv.element("button", "Bump ID (and counter)").renderClick();
            QCOMPARE(lv.element(component(i)).element().id(), QStringLiteral("hello-%1-1").arg(i));
            QCOMPARE(text(lv, component(i)), QStringLiteral("1"));
            lv.renderAsync(); // the delayed send_update
            QCOMPARE(text(lv, component(i)), QStringLiteral("10"));
        }
        // Later bumps re-rendered the list: the earlier components kept their updated state.
        for (int i = 1; i <= 10; ++i) {
            QCOMPARE(lv.element(component(i)).element().id(), QStringLiteral("hello-%1-1").arg(i));
            QCOMPARE(text(lv, component(i)), QStringLiteral("10"));
        }
        QCOMPARE(lv.document().select("[data-phx-component]").size(), 10);
    }

    void issue4334ChangesTheHookedRootId()
    {
        LiveViewTest lv = live(app, "/issues/4334");
        // The hook is defined before the component's root appears in the page.
        const QString dead = lv.deadRender();
        QVERIFY(dead.indexOf("window.hooks.RootChange") >= 0);
        QVERIFY(dead.indexOf("window.hooks.RootChange") < dead.indexOf("data-testid"));
        const HtmlElement root = lv.element("[data-testid=component-root]").element();
        QCOMPARE(root.tagName(), QStringLiteral("section"));
        QCOMPARE(root.id(), QStringLiteral("old-root"));
        QCOMPARE(root.attribute("phx-hook"), QStringLiteral("RootChange"));
        QVERIFY(root.hasAttribute("data-phx-component"));
        QCOMPARE(text(lv, "#old-child"), QStringLiteral("Old child is visible"));
        // The button targets the component (@myself).
        lv.element("#change-root").renderClick();
        QCOMPARE(lv.element("[data-testid=component-root]").element().id(),
                 QStringLiteral("new-root"));
        QCOMPARE(text(lv, "#new-root > #new-child"),
                 QStringLiteral("NEW CHILD SHOULD REMAIN VISIBLE"));
        QVERIFY(!lv.hasElement("#old-root"));
        QVERIFY(!lv.hasElement("#old-child"));
        QVERIFY(lv.hasElement("#new-root > #change-root"));
    }
};

QTEST_GUILESS_MAIN(tst_ConformanceIssuesB)
#include "tst_conformance_issues_b.moc"
