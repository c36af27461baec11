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
