// Shared renders (LiveView::sharedRenderKey): views of one class that hold the same key handle a
// broadcast once per socket thread; the others send that diff and catch up, before anything of
// their own, by handling the message themselves with its diff already shown.
#include "channel/shared_render_memo.h"

#include <liveview/live_component.h>
#include <liveview/live_view.h>
#include <liveview/pubsub.h>
#include <liveview/testing/live_view_test.h>

#include <QtTest>
#include <atomic>

using namespace liveview;
using namespace liveview::testing;

namespace {
std::atomic<int> handled{0}; // handleInfo calls, across all views

// Shows the newest sample of a feed; a "bump" event adds to it locally (then it no longer shares:
// its key says so). `?key=none` opts out, `?group=` makes another key. Messages:
//   {"sample": n}             the page shows n
//   {"sample": n, "go": path} also navigates (never shared)
//   {"sample": n, "badge": 1} also shows a component (new cid: never shared)
class FeedView : public LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &) override
    {
        m_group = params.value("group").toString();
        m_optOut = params.value("key") == "none";
        assign("sample", 0);
        assign("bumps", 0);
        assign("badge", false);
    }
    void connected() override { subscribe("feed"); }
    void handleInfo(const QVariant &message) override
    {
        ++handled;
        const QVariantMap m = message.toMap();
        assign("sample", m.value("sample").toInt());
        assign("badge", m.value("badge").toBool());
        if (m.contains("go"))
            pushNavigate(m.value("go").toString());
    }
    void handleEvent(const QString &event, const QVariantMap &) override
    {
        if (event == "bump")
            assign("bumps", assigned("bumps").toInt() + 1);
    }
    QByteArray sharedRenderKey() const override
    {
        if (m_optOut)
            return {};
        return m_group.toUtf8() + '/' + QByteArray::number(assigned("sample").toInt()) + '/' +
               QByteArray::number(assigned("bumps").toInt());
    }
    Template render() const override
    {
        static const Template t = Template::compile(
            "<p id=\"sample\">{@sample}</p><p id=\"bumps\">{@bumps}</p>"
            "<button id=\"bump\" phx-click=\"bump\">bump</button>"
            "<div :if={@badge} id=\"badge\"><.live_component module=\"shared-badge\" "
            "id=\"b\" /></div>");
        return t;
    }

private:
    QString m_group;
    bool m_optOut = false;
};

class BadgeComponent : public LiveComponent
{
public:
    Template render() const override
    {
        static const Template t = Template::compile("<span>badge</span>");
        return t;
    }
};

class OtherView : public LiveView
{
public:
    void handleInfo(const QVariant &) override { ++handled; }
    Template render() const override
    {
        static const Template t = Template::compile("<p>other</p>");
        return t;
    }
};

std::shared_ptr<Router> router()
{
    auto r = std::make_shared<Router>();
    r->live<FeedView>("/feed");
    r->live<FeedView>("/feed/elsewhere");
    LiveComponent::registerModule<BadgeComponent>("shared-badge");
    return r;
}

QString text(LiveViewTest &lv, const QString &selector)
{
    return lv.element(selector).element().textContent();
}

// Broadcasts and lets the harness deliver it: the first processPending() runs the thread's
// batch for every view; the others read what their sockets got.
void broadcast(std::vector<LiveViewTest> &views, const QVariantMap &message)
{
    PubSub::broadcast("feed", message);
    for (LiveViewTest &lv : views)
        lv.processPending();
}
} // namespace

class tst_SharedRender : public QObject
{
    Q_OBJECT
    LiveTestApp app{router()};

    std::vector<LiveViewTest> open(int count, const QString &path = "/feed")
    {
        std::vector<LiveViewTest> views;
        for (int i = 0; i < count; ++i)
            views.push_back(live(app, path));
        return views;
    }

private slots:
    void init() { handled = 0; }

    void oneRenderForViewsWithTheSameKey()
    {
        std::vector<LiveViewTest> views = open(5);
        const quint64 followed = internal::SharedRenderMemo::followedCount();
        broadcast(views, {{"sample", 7}});
        QCOMPARE(handled.load(), 1);
        QCOMPARE(internal::SharedRenderMemo::followedCount() - followed, quint64(4));
        for (LiveViewTest &lv : views)
            QCOMPARE(text(lv, "#sample"), QStringLiteral("7"));
        // The next one: the view that led still holds the key the followers were shown.
        broadcast(views, {{"sample", 8}});
        QCOMPARE(handled.load(), 2);
        for (LiveViewTest &lv : views)
            QCOMPARE(text(lv, "#sample"), QStringLiteral("8"));
        // Every view got the same diff bytes.
        const QByteArray last = views.front().sentFrames().last();
        for (LiveViewTest &lv : views)
            QCOMPARE(lv.sentFrames().last().mid(lv.sentFrames().last().indexOf("\"diff\"")),
                     last.mid(last.indexOf("\"diff\"")));
    }

    void followersCatchUpBeforeTheirOwnEvents()
    {
        std::vector<LiveViewTest> views = open(3);
        broadcast(views, {{"sample", 1}});
        broadcast(views, {{"sample", 2}});
        QCOMPARE(handled.load(), 2);
        // Each view's event: the two that followed handle the skipped message first (the leader
        // has none), then the event; every reply shows both (the event acts on the page shown).
        for (LiveViewTest &lv : views) {
            lv.element("#bump").renderClick();
            QCOMPARE(text(lv, "#sample"), QStringLiteral("2"));
            QCOMPARE(text(lv, "#bumps"), QStringLiteral("1"));
        }
        QCOMPARE(handled.load(), 4);
        // Equal keys again: shared again.
        broadcast(views, {{"sample", 3}});
        QCOMPARE(handled.load(), 5);
        for (LiveViewTest &lv : views)
            lv.element("#bump").renderClick();
        QCOMPARE(handled.load(), 7); // the two followers caught up
        // One view bumps once more: its key differs, it renders for itself; nothing waits now,
        // so the broadcast costs exactly one render per key.
        views.front().element("#bump").renderClick();
        broadcast(views, {{"sample", 4}});
        QCOMPARE(handled.load(), 9);
        for (LiveViewTest &lv : views)
            QCOMPARE(text(lv, "#sample"), QStringLiteral("4"));
        QCOMPARE(text(views.front(), "#bumps"), QStringLiteral("3"));
        QCOMPARE(text(views.back(), "#bumps"), QStringLiteral("2"));
    }

    void differentKeysRenderApart()
    {
        std::vector<LiveViewTest> views = open(2);
        std::vector<LiveViewTest> others = open(2, "/feed?group=b");
        for (LiveViewTest &lv : others)
            views.push_back(std::move(lv));
        broadcast(views, {{"sample", 4}});
        QCOMPARE(handled.load(), 2); // one render per key
        for (LiveViewTest &lv : views)
            QCOMPARE(text(lv, "#sample"), QStringLiteral("4"));
    }

    void viewsWithoutAKeyRenderThemselves()
    {
        std::vector<LiveViewTest> views = open(3, "/feed?key=none");
        broadcast(views, {{"sample", 5}});
        QCOMPARE(handled.load(), 3);
        for (LiveViewTest &lv : views)
            QCOMPARE(text(lv, "#sample"), QStringLiteral("5"));
    }

    void aBroadcastThatCreatesComponentsIsNotShared()
    {
        std::vector<LiveViewTest> views = open(3);
        broadcast(views, {{"sample", 6}, {"badge", true}});
        QCOMPARE(handled.load(), 3); // each view's table must create the component itself
        for (LiveViewTest &lv : views)
            QCOMPARE(text(lv, "#badge"), QStringLiteral("badge"));
        // Once every view has it, the same cids everywhere: shared again.
        broadcast(views, {{"sample", 7}, {"badge", true}});
        QCOMPARE(handled.load(), 4);
        for (LiveViewTest &lv : views) {
            QCOMPARE(text(lv, "#sample"), QStringLiteral("7"));
            QCOMPARE(text(lv, "#badge"), QStringLiteral("badge"));
        }
    }

    void navigationIsNotShared()
    {
        std::vector<LiveViewTest> views = open(2);
        broadcast(views, {{"sample", 9}, {"go", "/feed/elsewhere"}});
        QCOMPARE(handled.load(), 2); // each view navigates on its own
        for (LiveViewTest &lv : views)
            QCOMPARE(lv.assertRedirect().value("to").toString(), QStringLiteral("/feed/elsewhere"));
    }

    void aPatchAfterFollowingKeepsTheShownState()
    {
        std::vector<LiveViewTest> views = open(2);
        broadcast(views, {{"sample", 10}});
        QCOMPARE(handled.load(), 1);
        // A live patch is the view's own: the follower catches up first and keeps the sample.
        for (LiveViewTest &lv : views) {
            lv.renderPatch("/feed?page=2");
            QCOMPARE(text(lv, "#sample"), QStringLiteral("10"));
        }
        QCOMPARE(handled.load(), 2);
    }
};

QTEST_MAIN(tst_SharedRender)
#include "tst_shared_render.moc"
