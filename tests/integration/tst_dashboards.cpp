// The dashboards through the harness: every page renders from the shared feed, operator access
// (loopback or the admin token), the session table and its actions, read-only mode, broadcast,
// the log and the metrics.
#include "channel/shared_render_memo.h"
#include <dashboards.h>

#include <feed/dashboard_feed.h>
#include <feed/operator_access.h>
#include <liveview/monitor.h>
#include <liveview/subscription.h>
#include <liveview/testing/live_view_test.h>

#include <QDateTime>
#include <QSignalSpy>
#include <QtTest>

using liveview::internal::SharedRenderMemo;
using namespace liveview;
using namespace liveview::testing;
using livedeck::dashboards::DashboardFeed;
using livedeck::dashboards::OperatorAccess;

namespace {
// A page whose user the monitor knows, subscribed to a topic, with one event.
class UserView : public LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &) override
    {
        setMonitorUser(params.value(QStringLiteral("user"), QStringLiteral("alice")).toString());
        assign(QStringLiteral("n"), 0);
    }
    void connected() override { subscribe(QStringLiteral("room:dash")); }
    void handleEvent(const QString &, const QVariantMap &) override
    {
        assign(QStringLiteral("n"), assigned(QStringLiteral("n")).toInt() + 1);
    }
    Template render() const override
    {
        return Template::compile(QStringLiteral("<p id=\"n\">{@n}</p>"));
    }
};
} // namespace

class TestDashboards : public QObject
{
    Q_OBJECT

    QObject m_owner;
    std::shared_ptr<Router> m_router = std::make_shared<Router>();
    std::unique_ptr<LiveTestApp> m_app;
    qint64 m_clock = QDateTime::currentMSecsSinceEpoch();

    void sample() { DashboardFeed::instance()->sampleNow(m_clock += 1000); }
    static int count(const LiveViewTest &view, const QString &selector)
    {
        return int(view.document().select(selector).size());
    }

private slots:
    void initTestCase()
    {
        livedeck::dashboards::registerDashboards(*m_router, &m_owner, {.startFeeds = false});
        m_router->live<UserView>(QStringLiteral("/test/user"));
        m_app = std::make_unique<LiveTestApp>(m_router);
        OperatorAccess::setToken("s3cret-token-for-tests");
        sample();
        sample();
    }

    void pagesRender_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("selector");
        QTest::newRow("overview") << "/dashboard"
                                  << "#usage-conn-cap [role=meter]";
        QTest::newRow("system") << "/dashboard/system"
                                << "#bars-cores rect";
        QTest::newRow("sessions") << "/dashboard/sessions"
                                  << "#table-sessions-rows tr";
        QTest::newRow("pubsub") << "/dashboard/pubsub"
                                << "#table-topics";
        QTest::newRow("log") << "/dashboard/log"
                             << "#log-server-lines";
        QTest::newRow("metrics") << "/dashboard/metrics"
                                 << "#chart-durations-chart";
    }
    void pagesRender()
    {
        QFETCH(QString, path);
        QFETCH(QString, selector);
        auto view = live(*m_app, path);
        QVERIFY2(count(view, selector) > 0, qPrintable(view.render().left(2000)));
        // The shared navigation marks where we are and links every page.
        QCOMPARE(count(view, QStringLiteral(".lw-nav a")), 7);
        QCOMPARE(count(view, QStringLiteral(".lw-nav a[aria-current=page]")), 1);
        QVERIFY(view.document().select(QStringLiteral("[style]")).isEmpty());
    }

    void overviewFigures()
    {
        auto view = live(*m_app, QStringLiteral("/dashboard"));
        const HtmlElement cap =
            view.document().selectOne(QStringLiteral("#usage-conn-cap [role=meter]"));
        const ServerInfo server = Monitor::instance()->server();
        QCOMPARE(cap.attribute(QStringLiteral("aria-valuemax")).toInt(), server.connectionCap);
        QVERIFY(view.hasElement(QStringLiteral("#usage-conn-fd")));
        QVERIFY(view.hasElement(QStringLiteral("#stat-live-views")));
        QVERIFY(view.hasElement(QStringLiteral("#chart-connections-chart polyline")));
    }

    void systemPageFromProc()
    {
        for (int i = 0; i < 3; ++i)
            sample();
        auto view = live(*m_app, QStringLiteral("/dashboard/system"));
        const int cores = int(livedeck::dashboards::SystemSampler().read(0).cpuCores.size());
        QCOMPARE(count(view, QStringLiteral("#bars-cores .lw-bar rect")), cores);
        // Full on mount: every sample so far is in the CPU chart.
        QString points;
        for (const HtmlElement &line :
             view.document().select(QStringLiteral("#chart-cpu-chart polyline[data-series=\"0\"]")))
            points += line.attribute(QStringLiteral("points")) + u' ';
        QVERIFY2(points.split(u' ', Qt::SkipEmptyParts).size() >=
                     int(DashboardFeed::instance()->samples()),
                 qPrintable(points));
        QVERIFY(count(view, QStringLiteral("#table-interfaces-rows tr")) >= 1);
        QVERIFY(view.hasElement(QStringLiteral("#usage-swap")));
        // One sample reaches the open page; the interface table sorts in the URL.
        sample();
        view.processPending();
        view.renderEvent(QStringLiteral("lw-table-sort"),
                         {{QStringLiteral("table"), QStringLiteral("interfaces")},
                          {QStringLiteral("column"), QStringLiteral("rx")}});
        QVERIFY(view.assertPatch().contains(u"interfaces_sort=rx"));
    }

    // Viewers of the system page at the 1 s rhythm share each sample's render: one view renders,
    // the others send its diff (LiveView::sharedRenderKey); each still shows what a page opened
    // now shows, and an event of a viewer that followed acts on the page it was shown.
    void systemViewersShareEachSample()
    {
        sample();
        std::vector<LiveViewTest> views;
        for (int i = 0; i < 4; ++i)
            views.push_back(live(*m_app, QStringLiteral("/dashboard/system")));
        const quint64 followedBefore = SharedRenderMemo::followedCount();
        const quint64 ledBefore = SharedRenderMemo::ledCount();
        sample();
        for (LiveViewTest &view : views)
            view.processPending();
        QCOMPARE(SharedRenderMemo::ledCount() - ledBefore, quint64(1));
        QCOMPARE(SharedRenderMemo::followedCount() - followedBefore, quint64(3));
        const auto cpuPoints = [](const LiveViewTest &view) {
            QStringList points;
            for (const HtmlElement &line :
                 view.document().select(QStringLiteral("#chart-cpu-chart polyline")))
                points << line.attribute(QStringLiteral("points"));
            return points;
        };
        const auto stamp = [](const LiveViewTest &view) {
            return view.document()
                .selectOne(QStringLiteral("[data-sampled]"))
                .attribute(QStringLiteral("data-sampled"));
        };
        auto fresh = live(*m_app, QStringLiteral("/dashboard/system"));
        QVERIFY(!cpuPoints(fresh).isEmpty());
        for (const LiveViewTest &view : views) {
            QCOMPARE(stamp(view), stamp(fresh));
            QCOMPARE(cpuPoints(view), cpuPoints(fresh));
        }
        // One viewer sorts its table (had it followed, it first takes the sample it skipped).
        LiveViewTest &follower = views.back();
        follower.renderEvent(QStringLiteral("lw-table-sort"),
                             {{QStringLiteral("table"), QStringLiteral("interfaces")},
                              {QStringLiteral("column"), QStringLiteral("rx")}});
        QVERIFY(follower.assertPatch().contains(u"interfaces_sort=rx"));
        QCOMPARE(stamp(follower), stamp(fresh));
        // Its URL differs now: the next sample renders twice (the three, and the sorted one).
        const quint64 ledBeforeSecond = SharedRenderMemo::ledCount();
        sample();
        for (LiveViewTest &view : views)
            view.processPending();
        QCOMPARE(SharedRenderMemo::ledCount() - ledBeforeSecond, quint64(2));
        for (const LiveViewTest &view : views)
            QCOMPARE(cpuPoints(view), cpuPoints(views.front()));
    }

    void operatorAccess()
    {
        m_app->setRemoteAddress(QHostAddress(QStringLiteral("203.0.113.7")));
        auto refused = live(*m_app, QStringLiteral("/dashboard/sessions"));
        QVERIFY(refused.hasElement(QStringLiteral("#operator-refused")));
        QVERIFY(!refused.hasElement(QStringLiteral("#dashboard-sessions")));
        QVERIFY(!refused.deadRender().contains(u"table-sessions"));
        refused.renderEvent(QStringLiteral("ask-disconnect"), {{QStringLiteral("id"), 1}});
        QVERIFY(refused.hasElement(QStringLiteral("#operator-refused")));
        auto wrong = live(*m_app, QStringLiteral("/dashboard?token=guess"));
        QVERIFY(wrong.hasElement(QStringLiteral("#operator-refused")));
        auto byToken = live(*m_app, QStringLiteral("/dashboard/log?token=s3cret-token-for-tests"));
        QVERIFY(byToken.hasElement(QStringLiteral("#dashboard-log")));
        QCOMPARE(byToken.document()
                     .selectOne(QStringLiteral("#nav-sessions"))
                     .attribute(QStringLiteral("href")),
                 QStringLiteral("/dashboard/sessions?token=s3cret-token-for-tests"));
        // The gallery is an ordinary page: open to anyone, and it has no operator action.
        auto gallery = live(*m_app, QStringLiteral("/widgets"));
        QVERIFY(gallery.hasElement(QStringLiteral("#widget-gallery")));
        m_app->setRemoteAddress(QHostAddress(QHostAddress::LocalHost));
    }

    void sessionsTableDetailAndDisconnect()
    {
        auto alice = live(*m_app, QStringLiteral("/test/user?user=alice"));
        alice.element(QStringLiteral("#n")).renderEvent(QStringLiteral("ping"));
        auto view = live(*m_app, QStringLiteral("/dashboard/sessions"));
        view.element(QStringLiteral("#table-sessions-filter"))
            .renderChange({{QStringLiteral("q"), QStringLiteral("alice")}});
        QList<HtmlElement> rows = view.document().select(QStringLiteral("#table-sessions-rows tr"));
        QCOMPARE(rows.size(), 1);
        QVERIFY(rows[0].textContent().contains(u"/test/user"));
        // The session's link is a live patch (state in the URL).
        const QString href = view.element(QStringLiteral("#table-sessions-rows tr td a"))
                                 .element()
                                 .attribute(QStringLiteral("href"));
        QVERIFY2(href.startsWith(u"/dashboard/sessions?") && href.contains(u"session="),
                 qPrintable(href));
        view.renderPatch(href);
        QVERIFY(view.element(QStringLiteral("#session-topics"))
                    .element()
                    .textContent()
                    .contains(u"room:dash"));
        QVERIFY(view.element(QStringLiteral("#session-events"))
                    .element()
                    .textContent()
                    .contains(u"ping"));
        // Disconnect asks first, then closes alice's socket with 4000.
        view.element(QStringLiteral("#disconnect-session")).renderClick();
        QVERIFY(view.hasElement(QStringLiteral("#modal-confirm-dialog[role=dialog]")));
        view.element(QStringLiteral("#modal-confirm-confirm")).renderClick();
        QVERIFY(!view.hasElement(QStringLiteral("#modal-confirm-dialog")));
        QTRY_COMPARE(alice.closeCode(), 4000);
        QVERIFY(view.hasElement(QStringLiteral("#toasts-toasts .lw-level-ok"),
                                QStringLiteral("disconnected")));
        // Every session of a user at once.
        auto bob1 = live(*m_app, QStringLiteral("/test/user?user=bob"));
        auto bob2 = live(*m_app, QStringLiteral("/test/user?user=bob"));
        view.renderEvent(QStringLiteral("ask-disconnect-user"),
                         {{QStringLiteral("user"), QStringLiteral("bob")}});
        view.element(QStringLiteral("#modal-confirm-confirm")).renderClick();
        QTRY_COMPARE(bob1.closeCode(), 4000);
        QTRY_COMPARE(bob2.closeCode(), 4000);
        QVERIFY(view.hasElement(QStringLiteral(".lw-toast"), QStringLiteral("2 socket(s) of bob")));
        // A confirm without a question asked does nothing.
        view.renderEvent(QStringLiteral("confirm"));
        QVERIFY(!view.isCrashed());
    }

    void readOnlyHidesAndRefuses()
    {
        Monitor::instance()->setReadOnly(true);
        auto carol = live(*m_app, QStringLiteral("/test/user?user=carol"));
        auto view = live(*m_app, QStringLiteral("/dashboard/sessions?sessions_q=carol"));
        QVERIFY(!view.document().selectOne(QStringLiteral("#table-sessions th")).isNull());
        QVERIFY(
            !view.hasElement(QStringLiteral("#table-sessions th"), QStringLiteral("Disconnect")));
        view.renderPatch(view.element(QStringLiteral("#table-sessions-rows tr td a"))
                             .element()
                             .attribute(QStringLiteral("href")));
        QVERIFY(view.hasElement(QStringLiteral("#session-detail")));
        QVERIFY(!view.hasElement(QStringLiteral("#disconnect-session")));
        view.renderEvent(QStringLiteral("ask-disconnect-user"),
                         {{QStringLiteral("user"), QStringLiteral("carol")}});
        QVERIFY(!view.hasElement(QStringLiteral("#modal-confirm-dialog")));
        QVERIFY(view.hasElement(QStringLiteral(".lw-toast.lw-level-warn"),
                                QStringLiteral("read-only")));
        QCOMPARE(carol.closeCode(), 0);
        Subscription subscription;
        subscription.subscribe(QStringLiteral("ops:notice"));
        QSignalSpy received(&subscription, &Subscription::received);
        auto pubsub = live(*m_app, QStringLiteral("/dashboard/pubsub"));
        QVERIFY(!pubsub.hasElement(QStringLiteral("#broadcast-form")));
        pubsub.renderEvent(QStringLiteral("broadcast"),
                           {{QStringLiteral("topic"), QStringLiteral("ops:notice")},
                            {QStringLiteral("message"), QStringLiteral("{\"a\":1}")}});
        QCoreApplication::processEvents();
        QCOMPARE(received.size(), 0);
        Monitor::instance()->setReadOnly(false);
    }

    void pubsubBroadcastAndTables()
    {
        Subscription subscription;
        subscription.subscribe(QStringLiteral("ops:notice"));
        QSignalSpy received(&subscription, &Subscription::received);
        sample();
        auto view = live(*m_app, QStringLiteral("/dashboard/pubsub"));
        QVERIFY(
            view.hasElement(QStringLiteral("#table-topics-rows tr"), QStringLiteral("ops:notice")));
        view.element(QStringLiteral("#broadcast-form"))
            .renderSubmit({{QStringLiteral("topic"), QStringLiteral("ops:notice")},
                           {QStringLiteral("message"), QStringLiteral("not json")}});
        QVERIFY(view.hasElement(QStringLiteral("#broadcast-error"), QStringLiteral("JSON object")));
        view.element(QStringLiteral("#broadcast-form"))
            .renderSubmit(
                {{QStringLiteral("topic"), QStringLiteral("ops:notice")},
                 {QStringLiteral("message"), QStringLiteral("{\"notice\": \"maintenance\"}")}});
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(received[0][1].toMap().value(QStringLiteral("notice")).toString(),
                 QStringLiteral("maintenance"));
        QVERIFY(!view.hasElement(QStringLiteral("#broadcast-error")));
    }

    void logPageFollowsTheMonitor()
    {
        auto view = live(*m_app, QStringLiteral("/dashboard/log"));
        Monitor::instance()->appendLog(LogLevel::Warning, QStringLiteral("test"),
                                       QStringLiteral("hello from the dashboards test"));
        sample();
        view.processPending();
        QVERIFY(view.hasElement(QStringLiteral("#log-server-lines li.lw-log-warning"),
                                QStringLiteral("hello from the dashboards test")));
        view.element(QStringLiteral("#log-server-filter"))
            .renderChange({{QStringLiteral("level"), QStringLiteral("critical")}});
        QVERIFY(!view.hasElement(QStringLiteral("#log-server-lines li"),
                                 QStringLiteral("hello from the dashboards test")));
    }

    void metricsPerViewClass()
    {
        auto user = live(*m_app, QStringLiteral("/test/user?user=dave"));
        user.element(QStringLiteral("#n")).renderEvent(QStringLiteral("ping"));
        sample();
        auto view = live(*m_app, QStringLiteral("/dashboard/metrics"));
        QVERIFY(
            view.hasElement(QStringLiteral("#table-classes-rows tr"), QStringLiteral("UserView")));
        QCOMPARE(count(view, QStringLiteral("#chart-durations-chart .lw-legend li")), 3);
        QVERIFY(view.hasElement(QStringLiteral("#stat-p99")));
    }
};

QTEST_GUILESS_MAIN(TestDashboards)
#include "tst_dashboards.moc"
