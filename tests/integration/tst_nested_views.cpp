// Nested live views (<.live_render>) through the harness: the containers of the first HTTP render
// and of the connected render, the child's own join over the parent's socket, crash isolation in
// both directions, the parent link (sendParent, callParent, linkToParent) and sticky children.
#include <liveview/router.h>
#include <liveview/testing/html_document.h>
#include <liveview/testing/live_view_test.h>

#include <QJsonDocument>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {

// The child: shows its session's label and whether it is connected, counts clicks, crashes on
// "boom", talks to its parent on "tell" and, with `ask` in its session, asks it in mount.
class CounterChild : public LiveView
{
public:
    void mount(const QVariantMap &, const QVariantMap &session) override
    {
        assign("label", session.value("label").toString());
        assign("count", 0);
        assign("state", isConnected() ? "connected" : "dead");
        assign("nested", isNested());
        assign("answer", "");
        if (isConnected() && session.value("ask").toBool()) {
            QString answer;
            try {
                answer = callParent(QStringLiteral("how")).toString();
            } catch (const std::exception &) {
                // A parent that crashed answering: this view carries on (and is ended with it).
                assign("answer", "no answer");
                return;
            }
            if (answer == u"link-and-fail") {
                linkToParent();
                throw std::runtime_error("told to fail");
            }
            assign("answer", answer);
        }
    }
    void handleParams(const QVariantMap &, const QUrl &) override { ++paramsCalls; }
    void handleEvent(const QString &event, const QVariantMap &) override
    {
        if (event == u"boom")
            throw std::runtime_error("child boom");
        if (event == u"link")
            linkToParent();
        if (event == u"tell")
            sendParent(QStringLiteral("hello from ") + assigned("label").toString());
        assign("count", assigned("count").toInt() + 1);
    }
    Template render() const override
    {
        static const Template t = Template::compile(
            "<section id=\"inside\"><p id=\"label\">{@label}</p><p id=\"state\">{@state}</p>"
            "<p id=\"nested\">{@nested}</p><p id=\"answer\">{@answer}</p>"
            "<button id=\"inc\" phx-click=\"inc\">{@count}</button></section>");
        return t;
    }
    static inline int paramsCalls = 0;
};

// The parent: renders a child (optionally a sticky one), shows what children told it, and
// answers their calls: "link-and-fail" while `fails` is above 0, then "fine".
class ParentView : public LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &) override
    {
        assign("child_session", QVariantMap{{"label", params.value("label", "first").toString()},
                                            {"ask", params.contains("ask")}});
        assign("show", !params.contains("hidden"));
        assign("heard", "");
        assign("unrelated", 0);
        assign("calls", 0);
        m_fails = params.value("fails").toInt();
    }
    void handleEvent(const QString &event, const QVariantMap &value) override
    {
        if (event == u"boom")
            throw std::runtime_error("parent boom");
        if (event == u"relabel")
            assign("child_session", QVariantMap{{"label", value.value("label")}});
        if (event == u"toggle")
            assign("show", !assigned("show").toBool());
        if (event == u"unrelated")
            assign("unrelated", assigned("unrelated").toInt() + 1);
        if (event == u"away")
            pushNavigate("/other");
    }
    void handleInfo(const QVariant &message) override { assign("heard", message.toString()); }
    QVariant handleCall(const QVariant &request) override
    {
        assign("calls", assigned("calls").toInt() + 1);
        if (request.toString() != u"how")
            return QVariant();
        if (m_fails < 0)
            throw std::runtime_error("cannot answer");
        return m_fails-- > 0 ? QStringLiteral("link-and-fail") : QStringLiteral("fine");
    }
    Template render() const override
    {
        static const Template t = Template::compile(
            "<p id=\"heard\">{@heard}</p><p id=\"unrelated\">{@unrelated}</p>"
            "<p id=\"calls\">{@calls}</p>"
            "<div :if={@show}><.live_render module=\"test.CounterChild\" id=\"kid\" "
            "session={@child_session} class=\"framed\" /></div>"
            "<.live_render module=\"test.CounterChild\" id=\"dock\" sticky container=\"aside\" />");
        return t;
    }

private:
    int m_fails = 0;
};

class OtherView : public LiveView
{
public:
    Template render() const override
    {
        static const Template t = Template::compile(
            "<p id=\"other\">other</p>"
            "<.live_render module=\"test.CounterChild\" id=\"dock\" sticky container=\"aside\" />");
        return t;
    }
};

class UnknownChildView : public LiveView
{
public:
    Template render() const override
    {
        static const Template t =
            Template::compile("<.live_render module=\"test.NoSuchView\" id=\"x\" />");
        return t;
    }
};

std::shared_ptr<Router> nestedRouter()
{
    LiveView::registerModule<CounterChild>("test.CounterChild");
    auto router = std::make_shared<Router>();
    router->live<ParentView>("/parent");
    router->live<OtherView>("/other");
    router->live<UnknownChildView>("/unknown-child");
    return router;
}

QString text(LiveViewTest &lv, const QString &selector)
{
    return lv.element(selector).element().textContent().trimmed();
}

} // namespace

class tst_NestedViews : public QObject
{
    Q_OBJECT
    LiveTestApp app{nestedRouter()};

private slots:
    void firstRenderHoldsTheChildsOwnRender()
    {
        const LiveTestApp::Page page = app.get("/parent?label=dead-label");
        QCOMPARE(page.status, 200);
        const HtmlDocument doc = HtmlDocument::parse(page.html);
        const HtmlElement main = doc.selectOne("[data-phx-main]");
        const HtmlElement kid = doc.selectOne("div#kid");
        QVERIFY(!kid.isNull());
        // Phoenix's shape: the parent's id, a static token, and no session until connected.
        QCOMPARE(kid.attribute("data-phx-parent-id"), main.id());
        QCOMPARE(kid.attribute("data-phx-session"), QString());
        QVERIFY(!kid.attribute("data-phx-static").isEmpty());
        QCOMPARE(kid.attribute("class"), QStringLiteral("framed"));
        QCOMPARE(doc.selectOne("#kid #label").textContent(), QStringLiteral("dead-label"));
        QCOMPARE(doc.selectOne("#kid #state").textContent(), QStringLiteral("dead"));
        QCOMPARE(doc.selectOne("#kid #nested").textContent(), QStringLiteral("true"));
        // A sticky child is joined from the page: it has its session already, and no parent.
        const HtmlElement dock = doc.selectOne("aside#dock");
        QVERIFY(!dock.isNull());
        QVERIFY(dock.hasAttribute("data-phx-sticky"));
        QVERIFY(!dock.hasAttribute("data-phx-parent-id"));
        QVERIFY(!dock.attribute("data-phx-session").isEmpty());
        QCOMPARE(doc.selectOne("#dock #nested").textContent(), QStringLiteral("false"));
    }

    void connectedRenderLeavesTheContainerToTheChildsJoin()
    {
        CounterChild::paramsCalls = 0;
        LiveViewTest lv = live(app, "/parent?label=joined");
        const HtmlElement kid = lv.element("#kid").element();
        QVERIFY(!kid.attribute("data-phx-session").isEmpty());
        QCOMPARE(kid.attribute("data-phx-static"), QString());
        QCOMPARE(kid.attribute("data-phx-parent-id"), lv.viewId());
        QVERIFY(!lv.hasElement("#kid #label"));

        LiveViewTest child = lv.liveChild("kid");
        QCOMPARE(child.viewId(), QStringLiteral("kid"));
        QCOMPARE(text(child, "#label"), QStringLiteral("joined"));
        QCOMPARE(text(child, "#state"), QStringLiteral("connected"));
        QCOMPARE(CounterChild::paramsCalls, 0); // children are not mounted at the router
    }

    void childEventsStayInTheChild()
    {
        LiveViewTest lv = live(app, "/parent");
        LiveViewTest child = lv.liveChild("kid");
        const QString parentBefore = lv.render();
        child.element("#inc").renderClick();
        child.element("#inc").renderClick();
        QCOMPARE(text(child, "#inc"), QStringLiteral("2"));
        QCOMPARE(lv.processPending(), parentBefore);
    }

    void parentRendersKeepAJoinedChild_data()
    {
        QTest::addColumn<QString>("event");
        QTest::addColumn<bool>("containerSent");
        QTest::newRow("an unrelated assign: the container is not sent again")
            << "unrelated" << false;
        QTest::newRow("a new session: a new container (the client joins it again)")
            << "relabel" << true;
    }
    void parentRendersKeepAJoinedChild()
    {
        QFETCH(QString, event);
        QFETCH(bool, containerSent);
        LiveViewTest lv = live(app, "/parent");
        LiveViewTest child = lv.liveChild("kid");
        lv.renderEvent(event, {{"label", "second"}});
        const QByteArray diff = QJsonDocument(lv.lastDiff()).toJson(QJsonDocument::Compact);
        QCOMPARE(diff.contains("data-phx-parent-id"), containerSent);
        if (containerSent) {
            LiveViewTest rejoined = lv.liveChild("kid");
            QCOMPARE(text(rejoined, "#label"), QStringLiteral("second"));
        }
    }

    void aChildCrashesAlone()
    {
        LiveViewTest lv = live(app, "/parent");
        LiveViewTest child = lv.liveChild("kid");
        child.element("#inc").renderClick();
        QVERIFY_THROWS_EXCEPTION(HarnessError, child.renderEvent("boom"));
        QVERIFY(child.isCrashed());
        QVERIFY(!lv.isCrashed());
        lv.renderEvent("unrelated");
        QCOMPARE(text(lv, "#unrelated"), QStringLiteral("1"));
        child.rejoin(); // as the client rejoins a crashed child
        QCOMPARE(text(child, "#inc"), QStringLiteral("0"));
    }

    void aParentsCrashEndsItsChildren()
    {
        LiveViewTest lv = live(app, "/parent");
        LiveViewTest child = lv.liveChild("kid");
        QVERIFY_THROWS_EXCEPTION(HarnessError, lv.renderEvent("boom"));
        QVERIFY(lv.isCrashed());
        // The child's channel ended with its parent (the client destroys it too) ...
        child.processPending();
        QVERIFY(child.isCrashed());
        const QList<QByteArray> answer = child.sendRaw(
            QStringLiteral(
                R"(["%1","%2","lv:kid","event",{"type":"click","event":"inc","value":{}}])")
                .arg(child.joinRef(), child.nextRef())
                .toUtf8());
        QCOMPARE(answer.size(), 1); // the topic is no longer joined: an error reply, no diff
        QVERIFY(answer.first().contains(R"("status":"error")"));
        // ... and a child cannot join without its parent.
        QVERIFY_THROWS_EXCEPTION(HarnessError, child.rejoin());
        lv.rejoin();
        LiveViewTest again = lv.liveChild("kid");
        QCOMPARE(text(again, "#inc"), QStringLiteral("0"));
    }

    void aParentCrashingInsideCallParentEndsTheAskingChildSafely()
    {
        // The child's mount asks; the parent throws answering. Both end, the server goes on.
        LiveViewTest lv = live(app, "/parent?ask=1&fails=-1");
        QVERIFY_THROWS_EXCEPTION(HarnessError, lv.liveChild("kid"));
        lv.processPending();
        QVERIFY(lv.isCrashed());
        lv.rejoin();
        lv.renderEvent("unrelated");
        QCOMPARE(text(lv, "#unrelated"), QStringLiteral("1"));
    }

    void aTokenOfAnEarlierParentInstanceIsRefused()
    {
        LiveViewTest lv = live(app, "/parent");
        const QString oldToken = lv.element("#kid").element().attribute("data-phx-session");
        QVERIFY_THROWS_EXCEPTION(HarnessError, lv.renderEvent("boom"));
        lv.rejoin(); // a new instance of the parent, same view id
        const QString frame =
            QStringLiteral(
                R"(["91","91","lv:kid","phx_join",{"params":{"_csrf_token":"%1"},"session":"%2","static":null,"sticky":false}])")
                .arg(lv.csrfToken(), oldToken);
        const QList<QByteArray> answer = lv.sendRaw(frame.toUtf8());
        QCOMPARE(answer.size(), 1);
        QVERIFY(answer.first().contains(R"("status":"error")"));
        LiveViewTest fresh = lv.liveChild("kid"); // the new render's token joins
        QCOMPARE(text(fresh, "#inc"), QStringLiteral("0"));
    }

    void aChildRemovedFromThePageCanNoLongerBeJoined()
    {
        LiveViewTest lv = live(app, "/parent");
        lv.renderEvent("toggle");
        QVERIFY(!lv.hasElement("#kid"));
        QVERIFY_THROWS_EXCEPTION(HarnessError, lv.liveChild("kid"));
    }

    void sendParentReachesTheParentsHandleInfo()
    {
        LiveViewTest lv = live(app, "/parent?label=kiddo");
        LiveViewTest child = lv.liveChild("kid");
        child.renderEvent("tell");
        lv.processPending();
        QCOMPARE(text(lv, "#heard"), QStringLiteral("hello from kiddo"));
    }

    void callParentAnswersTheChildsMount()
    {
        LiveViewTest lv = live(app, "/parent?ask=1");
        LiveViewTest child = lv.liveChild("kid");
        QCOMPARE(text(child, "#answer"), QStringLiteral("fine"));
        lv.processPending();
        QCOMPARE(text(lv, "#calls"), QStringLiteral("1")); // the parent's diff after its call
    }

    void aLinkedChildsFailedMountCrashesTheParent()
    {
        LiveViewTest lv = live(app, "/parent?ask=1&fails=1");
        QVERIFY_THROWS_EXCEPTION(HarnessError, lv.liveChild("kid"));
        lv.processPending();
        QVERIFY(lv.isCrashed());
        // Both come back: the parent mounts fresh (its counter of failures too).
        lv.rejoin();
        QVERIFY(!lv.isCrashed());
    }

    void aLinkedChildsCrashCrashesTheParent()
    {
        LiveViewTest lv = live(app, "/parent");
        LiveViewTest child = lv.liveChild("kid");
        child.renderEvent("link");
        QVERIFY_THROWS_EXCEPTION(HarnessError, child.renderEvent("boom"));
        lv.processPending();
        QVERIFY(child.isCrashed());
        QVERIFY(lv.isCrashed());
    }

    void aStickyChildOutlivesLiveNavigation()
    {
        LiveViewTest lv = live(app, "/parent");
        LiveViewTest dock = lv.liveChild("dock");
        QCOMPARE(text(dock, "#nested"), QStringLiteral("false"));
        dock.element("#inc").renderClick();
        lv.renderEvent("away");
        lv.followRedirect();
        QVERIFY(lv.hasElement("#other"));
        QVERIFY(lv.hasElement("aside#dock[data-phx-sticky]"));
        dock.element("#inc").renderClick(); // still joined, its state kept
        QCOMPARE(text(dock, "#inc"), QStringLiteral("2"));
    }

    void anUnknownChildModuleFailsTheRender() { QCOMPARE(app.get("/unknown-child").status, 500); }
};

QTEST_GUILESS_MAIN(tst_NestedViews)
#include "tst_nested_views.moc"
