// Mount once: the socket join adopts the view built for the first HTTP render instead of
// mounting it again; without it (or for another browser, or too late) the view mounts normally.
#include <liveview/live_view.h>
#include <liveview/testing/live_view_test.h>

#include <QRandomGenerator>
#include <QtTest>
#include <atomic>

using namespace liveview;
using namespace liveview::testing;

namespace {
std::atomic<int> mounts{0};
std::atomic<int> connects{0};

// Mount picks a random number: the page and the live view show the same one only if mount ran once.
class DiceView : public LiveView
{
public:
    void mount(const QVariantMap &, const QVariantMap &) override
    {
        ++mounts;
        assign("roll", QRandomGenerator::global()->bounded(1000000));
    }
    void connected() override { ++connects; }
    Template render() const override
    {
        static const Template t = Template::compile("<p id=\"roll\">{@roll}</p>");
        return t;
    }
};

std::shared_ptr<Router> router()
{
    auto r = std::make_shared<Router>();
    r->live<DiceView>("/dice");
    return r;
}
} // namespace

class tst_MountOnce : public QObject
{
    Q_OBJECT
private slots:
    void joinAdoptsTheFirstRender()
    {
        LiveTestApp app(router());
        mounts = 0;
        connects = 0;
        LiveViewTest lv = live(app, "/dice");
        QCOMPARE(mounts.load(), 1);
        QCOMPARE(connects.load(), 1);
        // A rejoin (reconnect) is a fresh mount: the adopted view was handed over once.
        lv.rejoin();
        QCOMPARE(mounts.load(), 2);
        QCOMPARE(connects.load(), 2);
    }

    void sameStateOnPageAndSocket()
    {
        LiveTestApp app(router());
        LiveViewTest lv = live(app, "/dice");
        const QString deadRoll =
            HtmlDocument::parse(lv.deadRender()).selectOne("#roll").textContent();
        QCOMPARE(lv.element("#roll").element().textContent(), deadRoll);
    }

    // A browser that loads many pages and joins none keeps at most its bound waiting; a tab whose
    // view was evicted still joins, with a view mounted afresh.
    void oneBrowserKeepsItsBound()
    {
        LiveTestApp app(router());
        app.limitWaitingMounts(3, 100);
        std::vector<LiveTestApp::Page> pages{app.get("/dice")};
        for (int i = 1; i < 10; ++i)
            pages.push_back(app.get("/dice", pages.front().cookie));
        QCOMPARE(app.waitingMounts(), 3);
        mounts = 0;
        LiveViewTest first = live(app, "/dice", pages.front());
        QCOMPARE(mounts.load(), 1); // evicted: mounted again on join
        QVERIFY(first.hasElement("#roll"));
        QCOMPARE(app.waitingMountsOf(first.sessionId()), 3);
        LiveViewTest last = live(app, "/dice", pages.back());
        QCOMPARE(mounts.load(), 1); // still waiting: adopted
        QCOMPARE(last.element("#roll").element().textContent(),
                 HtmlDocument::parse(last.deadRender()).selectOne("#roll").textContent());
        QCOMPARE(app.waitingMountsOf(first.sessionId()), 2);
    }

    // Page loads from many browsers (a flood without joins) fill the server's bound, no more;
    // the oldest leave first, and their joins still work.
    void theServerKeepsItsBound_data()
    {
        QTest::addColumn<int>("browsers");
        QTest::addColumn<int>("capacity");
        QTest::newRow("under the bound") << 4 << 5;
        QTest::newRow("at the bound") << 5 << 5;
        QTest::newRow("twice the bound") << 10 << 5;
        QTest::newRow("a hundred times") << 500 << 5;
    }
    void theServerKeepsItsBound()
    {
        QFETCH(int, browsers);
        QFETCH(int, capacity);
        LiveTestApp app(router());
        app.limitWaitingMounts(16, capacity);
        std::vector<LiveTestApp::Page> pages;
        for (int i = 0; i < browsers; ++i)
            pages.push_back(app.get("/dice"));
        QCOMPARE(app.waitingMounts(), qMin(browsers, capacity));
        mounts = 0;
        LiveViewTest oldest = live(app, "/dice", pages.front());
        LiveViewTest newest = live(app, "/dice", pages.back());
        QCOMPARE(mounts.load(), browsers > capacity ? 1 : 0);
        QVERIFY(oldest.hasElement("#roll"));
        QVERIFY(newest.hasElement("#roll"));
        QCOMPARE(app.waitingMounts(), qMin(browsers, capacity) - (browsers > capacity ? 1 : 2));
    }

    void withoutMountOnceTheViewMountsTwice()
    {
        LiveTestApp app(router(), false);
        mounts = 0;
        LiveViewTest lv = live(app, "/dice");
        QCOMPARE(mounts.load(), 2);
        QVERIFY(lv.hasElement("#roll"));
    }
};

QTEST_GUILESS_MAIN(tst_MountOnce)
#include "tst_mount_once.moc"
