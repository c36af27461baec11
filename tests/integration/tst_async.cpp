// Async work through the harness: loading state, result, failure, superseded runs.
#include <test_router.h>

#include <liveview/testing/live_view_test.h>

#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

class tst_Async : public QObject
{
    Q_OBJECT
    LiveTestApp app{testviews::router()};

private slots:
    void loadingThenResult()
    {
        LiveViewTest lv = live(app, "/test/async");
        QVERIFY(lv.hasElement("#report-loading"));
        QVERIFY(!lv.hasElement("#report-result"));
        lv.renderAsync();
        QVERIFY(!lv.hasElement("#report-loading"));
        QCOMPARE(lv.element("#report-result").element().textContent(),
                 QStringLiteral("squares below 200000 sum to 2666646666700000"));
    }

    void failureIsAStateNotACrash()
    {
        LiveViewTest lv = live(app, "/test/async");
        lv.renderAsync();
        lv.element("#fail").renderClick();
        QVERIFY(lv.hasElement("#report-loading"));
        lv.renderAsync();
        QVERIFY(!lv.isCrashed());
        QCOMPARE(lv.element("#report-failed").element().textContent(),
                 QStringLiteral("Failed: the data source is unreachable"));
    }

    void aNewRunSupersedesTheOld()
    {
        LiveViewTest lv = live(app, "/test/async");
        lv.element("#fail").renderClick();      // supersedes the mount's computation
        lv.element("#recompute").renderClick(); // supersedes the failing run
        lv.renderAsync();
        QCOMPARE(lv.element("#report-result").element().textContent(),
                 QStringLiteral("squares below 400000 sum to 21333253333400000"));
        QVERIFY(!lv.hasElement("#report-failed"));
    }

    void workEndsWithTheView()
    {
        {
            LiveViewTest lv = live(app, "/test/async");
        } // the view is gone while its work may still run: nothing is delivered, nothing crashes
        QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
        QCoreApplication::sendPostedEvents();
    }
};

QTEST_GUILESS_MAIN(tst_Async)
#include "tst_async.moc"
