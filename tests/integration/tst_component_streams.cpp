// Streams inside live components and navigation asked for by a component, through the harness:
// each component's stream has a ref of its own ("<cid>-n"), its operations are sent once with
// the component's render and forgotten, and a reset clears only that component's rows.
#include <liveview/live_component.h>
#include <liveview/router.h>
#include <liveview/testing/html_document.h>
#include <liveview/testing/live_view_test.h>

#include <QJsonDocument>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {

QVariantMap user(int id, const QString &name)
{
    return {{"id", id}, {"name", name}};
}

// A list of users in a stream of its own; its buttons insert, update, move, delete and reset.
class UserListComponent : public LiveComponent
{
public:
    void update(const QVariantHash &attributes) override
    {
        LiveComponent::update(attributes);
        if (!m_started) {
            m_started = true;
            const QString prefix = attributes.value("prefix").toString();
            stream("users", {user(1, prefix + "-chris"), user(2, prefix + "-callan")});
        }
    }
    void handleEvent(const QString &event, const QVariantMap &value) override
    {
        const int id = value.value("id").toInt();
        if (event == u"add")
            streamInsert("users", user(id, "added"));
        else if (event == u"first")
            streamInsert("users", user(id, "first"), 0);
        else if (event == u"move-first") {
            streamDeleteByDomId("users", "users-" + QString::number(id));
            streamInsert("users", user(id, "moved"), 0);
        } else if (event == u"delete")
            streamDelete("users", user(id, QString()));
        else if (event == u"reset")
            stream("users", {user(9, "after-reset")}, true);
        else if (event == u"touch")
            assign("touched", assigned("touched").toInt() + 1);
        else if (event == u"go")
            pushPatch("/lists?from=" + assigned("id").toString());
    }
    Template render() const override
    {
        static const Template t = Template::compile(
            "<div id={@id} phx-target={@myself}><span class=\"touched\">{@touched}</span>"
            "<ul id={@id <> \"-users\"} phx-update=\"stream\">"
            "<li :for={{dom_id, u} <- @streams.users} id={dom_id}>{u.name}</li></ul></div>");
        return t;
    }

private:
    bool m_started = false;
};

// Two lists and a stream of the view's own with the same name.
class ListsView : public LiveView
{
public:
    void mount(const QVariantMap &, const QVariantMap &) override
    {
        stream("users", {user(1, "view-user")});
        assign("from", "");
    }
    void handleParams(const QVariantMap &params, const QUrl &) override
    {
        assign("from", params.value("from").toString());
    }
    Template render() const override
    {
        static const Template t = Template::compile(
            "<p id=\"from\">{@from}</p>"
            "<ul id=\"view-users\" phx-update=\"stream\">"
            "<li :for={{dom_id, u} <- @streams.users} id={\"v-\" <> dom_id}>{u.name}</li></ul>"
            "<.live_component module=\"test.UserList\" id=\"a\" prefix=\"a\" />"
            "<.live_component module=\"test.UserList\" id=\"b\" prefix=\"b\" />");
        return t;
    }
};

std::shared_ptr<Router> listsRouter()
{
    LiveComponent::registerModule<UserListComponent>("test.UserList");
    auto router = std::make_shared<Router>();
    router->live<ListsView>("/lists");
    return router;
}

QStringList rows(LiveViewTest &lv, const QString &list)
{
    QStringList out;
    for (const HtmlElement &li : lv.document().select("#" + list + " > li"))
        out << li.id() + "=" + li.textContent();
    return out;
}

} // namespace

class tst_ComponentStreams : public QObject
{
    Q_OBJECT
    LiveTestApp app{listsRouter()};

private slots:
    void eachComponentStreamsItsOwnRows()
    {
        const HtmlDocument page = HtmlDocument::parse(app.get("/lists").html);
        QCOMPARE(page.select("#a-users > li").size(), 2); // the first HTTP render shows them
        LiveViewTest lv = live(app, "/lists");
        QCOMPARE(rows(lv, "a-users"), QStringList({"users-1=a-chris", "users-2=a-callan"}));
        QCOMPARE(rows(lv, "b-users"), QStringList({"users-1=b-chris", "users-2=b-callan"}));
        QCOMPARE(rows(lv, "view-users"), QStringList({"v-users-1=view-user"}));
    }

    void streamRefsAreUniqueInThePage()
    {
        LiveViewTest lv = live(app, "/lists");
        const QByteArray join = lv.sentFrames().first();
        // The view's stream is "0"; the components' are "<cid>-0" (cids 1 and 2).
        QVERIFY(join.contains(R"(["0",)"));
        QVERIFY(join.contains(R"(["1-0",)"));
        QVERIFY(join.contains(R"(["2-0",)"));
    }

    void operationsReachOnlyTheirComponent_data()
    {
        QTest::addColumn<QString>("event");
        QTest::addColumn<int>("id");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("append") << "add" << 3
                                << QStringList{"users-1=a-chris", "users-2=a-callan",
                                               "users-3=added"};
        QTest::newRow("insert at 0")
            << "first" << 3 << QStringList{"users-3=first", "users-1=a-chris", "users-2=a-callan"};
        QTest::newRow("update in place")
            << "add" << 2 << QStringList{"users-1=a-chris", "users-2=added"};
        QTest::newRow("delete then insert at 0 moves")
            << "move-first" << 2 << QStringList{"users-2=moved", "users-1=a-chris"};
        QTest::newRow("delete") << "delete" << 1 << QStringList{"users-2=a-callan"};
        QTest::newRow("reset") << "reset" << 0 << QStringList{"users-9=after-reset"};
    }
    void operationsReachOnlyTheirComponent()
    {
        QFETCH(QString, event);
        QFETCH(int, id);
        QFETCH(QStringList, expected);
        LiveViewTest lv = live(app, "/lists");
        lv.element("#a").renderEvent(event, {{"id", id}});
        QCOMPARE(rows(lv, "a-users"), expected);
        QCOMPARE(rows(lv, "b-users"), QStringList({"users-1=b-chris", "users-2=b-callan"}));
        QCOMPARE(rows(lv, "view-users"), QStringList({"v-users-1=view-user"}));
    }

    void sentRowsAreForgotten()
    {
        LiveViewTest lv = live(app, "/lists");
        lv.element("#a").renderEvent("add", {{"id", 3}});
        lv.element("#a").renderEvent("touch");
        const QByteArray diff = QJsonDocument(lv.lastDiff()).toJson(QJsonDocument::Compact);
        QVERIFY(!diff.contains("chris"));
        QVERIFY(!diff.contains("added"));
        QCOMPARE(lv.element("#a .touched").element().textContent(), QStringLiteral("1"));
        QCOMPARE(rows(lv, "a-users").size(), 3); // the client keeps them
    }

    void aComponentMayPatchThePage()
    {
        LiveViewTest lv = live(app, "/lists");
        lv.element("#b").renderEvent("go");
        QCOMPARE(lv.assertPatch(), QStringLiteral("/lists?from=b"));
        QCOMPARE(lv.element("#from").element().textContent(), QStringLiteral("b"));
    }
};

QTEST_GUILESS_MAIN(tst_ComponentStreams)
#include "tst_component_streams.moc"
