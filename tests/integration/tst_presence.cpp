// Presence: joins and leaves reach subscribers as presence_diff, one meta per tracked view, and a
// view's presences go when it ends or crashes.
#include <liveview/live_view.h>
#include <liveview/presence.h>
#include <liveview/testing/live_view_test.h>

#include <QtTest>
#include <stdexcept>

using namespace liveview;
using namespace liveview::testing;

namespace {
const QString room = QStringLiteral("room:presence-test");

// Tracks ?user= in the room and shows who is online and how many tabs each has open.
class RoomView : public LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &) override
    {
        m_user = params.value("user").toString();
        assign("online", QVariantList());
    }
    void connected() override
    {
        subscribe(room);
        trackPresence(room, m_user, {{"tab", "main"}});
        refresh();
    }
    void handleEvent(const QString &event, const QVariantMap &) override
    {
        if (event == u"leave")
            untrackPresence(room, m_user);
        else if (event == u"crash")
            throw std::runtime_error("boom");
    }
    void handleInfo(const QVariant &message) override
    {
        if (Presence::isDiff(message))
            refresh();
    }
    Template render() const override
    {
        static const Template t =
            Template::compile("<ul id=\"online\"><li :for={p <- @online} id={\"user-\" <> "
                              "p.name}>{p.name} ({p.tabs})</li></ul>");
        return t;
    }

private:
    void refresh()
    {
        QVariantList online;
        const QVariantMap list = Presence::list(room);
        for (auto it = list.cbegin(); it != list.cend(); ++it)
            online << QVariantMap{{"name", it.key()},
                                  {"tabs", it.value().toMap().value("metas").toList().size()}};
        assign("online", online);
    }
    QString m_user;
};
} // namespace

class tst_Presence : public QObject
{
    Q_OBJECT
    std::shared_ptr<Router> router = [] {
        auto r = std::make_shared<Router>();
        r->live<RoomView>("/room");
        return r;
    }();
    LiveTestApp app{router};

private slots:
    void joinsLeavesAndTabs()
    {
        LiveViewTest alice = live(app, "/room?user=alice");
        LiveViewTest bob = live(app, "/room?user=bob");
        LiveViewTest bobAgain = live(app, "/room?user=bob"); // a second tab
        alice.processPending();
        QCOMPARE(alice.element("#user-bob").element().textContent(), QStringLiteral("bob (2)"));
        QCOMPARE(Presence::list(room).value("bob").toMap().value("metas").toList().size(), 2);

        bob.renderEvent("leave");
        alice.processPending();
        QCOMPARE(alice.element("#user-bob").element().textContent(), QStringLiteral("bob (1)"));
    }

    void aViewThatEndsOrCrashesLeaves()
    {
        LiveViewTest watcher = live(app, "/room?user=watcher");
        {
            LiveViewTest carol = live(app, "/room?user=carol");
            watcher.processPending();
            QVERIFY(watcher.hasElement("#user-carol"));
        }
        watcher.processPending();
        QVERIFY(!watcher.hasElement("#user-carol"));

        LiveViewTest dave = live(app, "/room?user=dave");
        watcher.processPending();
        QVERIFY(watcher.hasElement("#user-dave"));
        QVERIFY_THROWS_EXCEPTION(HarnessError, dave.renderEvent("crash"));
        watcher.processPending();
        QVERIFY(!watcher.hasElement("#user-dave"));
        QVERIFY(!Presence::list(room).contains("dave"));
    }
};

QTEST_GUILESS_MAIN(tst_Presence)
#include "tst_presence.moc"
