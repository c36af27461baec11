// Every widget through the harness, on the /widgets gallery (made-up data from DemoFeed, driven
// by the test): rendering with ARIA, and the events each widget answers.
#include <dashboards.h>
#include <gallery/demo_feed.h>
#include <liveview/testing/live_view_test.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;
using livedeck::dashboards::DemoFeed;

class TestWidgetGallery : public QObject
{
    Q_OBJECT

    QObject m_owner;
    std::shared_ptr<Router> m_router = std::make_shared<Router>();
    std::unique_ptr<LiveTestApp> m_app;
    qint64 m_clock = QDateTime::currentMSecsSinceEpoch();

    void sample() { DemoFeed::instance()->sampleNow(m_clock += 1000); }
    static int count(const LiveViewTest &view, const QString &selector)
    {
        return int(view.document().select(selector).size());
    }

private slots:
    void initTestCase()
    {
        livedeck::dashboards::registerDashboards(*m_router, &m_owner, {.startFeeds = false});
        m_app = std::make_unique<LiveTestApp>(m_router);
    }

    void rendersEveryWidget()
    {
        auto view = live(*m_app, QStringLiteral("/widgets"));
        const HtmlDocument doc = view.document();
        QVERIFY(!doc.selectOne(QStringLiteral("#stat-requests .lw-stat-spark polyline")).isNull());
        QVERIFY(
            doc.selectOne(QStringLiteral("#stat-requests .lw-trend")).textContent().contains(u'%'));
        // Line, area and stress charts: full on mount (the history lives on the server).
        QVERIFY(count(view, QStringLiteral("#chart-traffic polyline.lw-line")) >= 2 * 7);
        QVERIFY(count(view, QStringLiteral("#chart-latency-chart polygon.lw-fill")) >= 2);
        QVERIFY(count(view, QStringLiteral("#chart-stress polyline")) >= 2 * 100);
        QCOMPARE(count(view, QStringLiteral("#chart-traffic .lw-legend li")), 2);
        QCOMPARE(count(view, QStringLiteral("#bars-cpu-bars .lw-bar rect")), 8);
        const HtmlElement gauge = doc.selectOne(QStringLiteral("#gauge-cpu"));
        QCOMPARE(gauge.attribute(QStringLiteral("role")), QStringLiteral("meter"));
        QVERIFY(gauge.attribute(QStringLiteral("aria-valuenow")).toDouble() > 0);
        QCOMPARE(gauge.attribute(QStringLiteral("aria-valuemax")), QStringLiteral("100"));
        const HtmlElement usage = doc.selectOne(QStringLiteral("#usage-disk [role=meter]"));
        QCOMPARE(usage.attribute(QStringLiteral("aria-valuemax")), QStringLiteral("512000000000"));
        QVERIFY(doc.selectOne(QStringLiteral("#usage-disk")).classes().contains(u"lw-level-warn"));
        QCOMPARE(count(view, QStringLiteral("#misc-demo .lw-badge")), 5);
        QCOMPARE(count(view, QStringLiteral("#spark-requests-spark polyline")), 1);
        QCOMPARE(count(view, QStringLiteral("#tabs-demo-tabs [role=tab]")), 3);
        QCOMPARE(count(view, QStringLiteral("#table-services-rows tr")), 10);
        QVERIFY(count(view, QStringLiteral("#log-fleet-lines li")) > 0);
        const HtmlElement toasts = doc.selectOne(QStringLiteral("#toasts-toasts"));
        QCOMPARE(toasts.attribute(QStringLiteral("aria-live")), QStringLiteral("polite"));
        QCOMPARE(count(view, QStringLiteral("#refresh-refresh button")), 6);
        // No inline style or script anywhere (the page runs under a strict CSP).
        QVERIFY(doc.select(QStringLiteral("[style]")).isEmpty());
        const HtmlDocument page = HtmlDocument::parse(view.deadRender());
        QVERIFY(page.select(QStringLiteral("[style]")).isEmpty());
        for (const HtmlElement &script : page.select(QStringLiteral("script")))
            QVERIFY2(script.hasAttribute(QStringLiteral("src")), qPrintable(script.outerHtml()));
    }

    void statCardThresholds()
    {
        auto view = live(*m_app, QStringLiteral("/widgets"));
        const QStringList levels{QStringLiteral("lw-level-ok"), QStringLiteral("lw-level-warn"),
                                 QStringLiteral("lw-level-critical")};
        const QStringList classes =
            view.document().selectOne(QStringLiteral("#stat-latency")).classes();
        const double p95 = DemoFeed::instance()->latest().value(QStringLiteral("p95")).toDouble();
        const QString expected = p95 >= 120 ? levels[2] : p95 >= 80 ? levels[1] : levels[0];
        QVERIFY2(classes.contains(expected), qPrintable(classes.join(u' ')));
    }

    void chartsMoveOnlyWhatChanged()
    {
        auto view = live(*m_app, QStringLiteral("/widgets"));
        const QString before = view.render();
        sample();
        view.processPending();
        const QJsonObject diff = view.lastDiff();
        const QByteArray wire = QJsonDocument(diff).toJson(QJsonDocument::Compact);
        // One second on the gallery: the new points, shifted axes, new figures; the frozen chunks
        // of every chart (hundreds of points) stay in the browser.
        QVERIFY2(wire.size() < 6000, wire.constData());
        const HtmlDocument doc = view.document();
        const QString firstChunk = doc.selectOne(QStringLiteral("#chart-traffic polyline.lw-line"))
                                       .attribute(QStringLiteral("points"));
        QVERIFY(!firstChunk.isEmpty());
        QVERIFY(before.contains(firstChunk));
    }

    void stressChartAt200PointsPerSecond()
    {
        auto view = live(*m_app, QStringLiteral("/widgets"));
        DemoFeed::instance()->stressNow(m_clock + 100, DemoFeed::stressPointsPerSecond / 10);
        view.processPending();
        const QByteArray wire = QJsonDocument(view.lastDiff()).toJson(QJsonDocument::Compact);
        QVERIFY2(!wire.isEmpty() && wire.size() < 3000, wire.constData());
    }

    void tableSortFilterPageAndCsv()
    {
        auto view = live(*m_app, QStringLiteral("/widgets"));
        view.element(QStringLiteral("#table-services th button"), QStringLiteral("Service"))
            .renderClick();
        QVERIFY(view.assertPatch().contains(u"services_sort=name"));
        QCOMPARE(view.document()
                     .selectOne(QStringLiteral("#table-services th"))
                     .attribute(QStringLiteral("aria-sort")),
                 QStringLiteral("ascending"));
        QCOMPARE(
            view.document().selectOne(QStringLiteral("#table-services-rows tr td")).textContent(),
            QStringLiteral("api-0001"));
        view.element(QStringLiteral("#table-services-filter"))
            .renderChange({{QStringLiteral("q"), QStringLiteral("cache-000")}});
        QVERIFY(view.assertPatch().contains(u"services_q=cache-000"));
        const QList<HtmlElement> rows =
            view.document().select(QStringLiteral("#table-services-rows tr"));
        QCOMPARE(rows.size(), 2); // cache-0004 and cache-0009
        for (const HtmlElement &row : rows)
            QVERIFY(row.textContent().contains(u"cache-000"));
        view.renderPatch(QStringLiteral("/widgets"));
        view.element(QStringLiteral("#table-services-next")).renderClick();
        QVERIFY(view.assertPatch().contains(u"services_page=2"));
        QVERIFY(view.element(QStringLiteral("#table-services .lw-pager-state"))
                    .element()
                    .textContent()
                    .contains(u"Page 2 of 100"));
        view.element(QStringLiteral("#table-services-size"))
            .renderChange({{QStringLiteral("size"), QStringLiteral("50")}});
        QCOMPARE(count(view, QStringLiteral("#table-services-rows tr")), 50);
        view.element(QStringLiteral("#table-services-csv")).renderClick();
        const QString csv = view.assertPushEvent(QStringLiteral("lw-download"))
                                .value(QStringLiteral("text"))
                                .toString();
        QVERIFY(csv.startsWith(u"Service,Region,CPU,Requests/s,Status\r\n"));
        QCOMPARE(csv.count(QStringLiteral("\r\n")), DemoFeed::servicesCount + 1);
        // A crafted page number or size is clamped, not trusted.
        view.renderPatch(QStringLiteral("/widgets?services_page=99999&services_size=-3"));
        QVERIFY(view.element(QStringLiteral("#table-services .lw-pager-state"))
                    .element()
                    .textContent()
                    .contains(u"Page 100 of 100"));
    }

    void tabsModalAndToasts()
    {
        auto view = live(*m_app, QStringLiteral("/widgets"));
        view.element(QStringLiteral("#tab-demo-tabs-details")).renderClick();
        QCOMPARE(view.document()
                     .selectOne(QStringLiteral("#tab-demo-tabs-details"))
                     .attribute(QStringLiteral("aria-selected")),
                 QStringLiteral("true"));
        QVERIFY(view.document()
                    .selectOne(QStringLiteral("#panel-demo-tabs-overview"))
                    .classes()
                    .contains(u"lw-hidden"));
        QVERIFY(!view.document()
                     .selectOne(QStringLiteral("#panel-demo-tabs-details"))
                     .classes()
                     .contains(u"lw-hidden"));
        QVERIFY(!view.hasElement(QStringLiteral("#modal-demo-modal-dialog")));
        view.element(QStringLiteral("#open-modal")).renderClick();
        QCOMPARE(view.document()
                     .selectOne(QStringLiteral("#modal-demo-modal-dialog"))
                     .attribute(QStringLiteral("aria-modal")),
                 QStringLiteral("true"));
        view.element(QStringLiteral("#modal-demo-modal-confirm")).renderClick();
        QVERIFY(!view.hasElement(QStringLiteral("#modal-demo-modal-dialog")));
        QVERIFY(view.hasElement(QStringLiteral("#toasts-toasts .lw-toast.lw-level-ok"),
                                QStringLiteral("confirmed")));
        view.element(QStringLiteral("#toast-warn")).renderClick();
        QCOMPARE(count(view, QStringLiteral("#toasts-toasts .lw-toast")), 2);
        const QString toastId = view.document()
                                    .selectOne(QStringLiteral("#toasts-toasts .lw-toast"))
                                    .attribute(QStringLiteral("data-toast"));
        view.element(QStringLiteral("#toast-") + toastId + QStringLiteral(" .lw-toast-close"))
            .renderClick();
        QCOMPARE(count(view, QStringLiteral("#toasts-toasts .lw-toast")), 1);
        view.element(QStringLiteral("#open-modal")).renderClick();
        view.element(QStringLiteral("#modal-demo-modal-cancel")).renderClick();
        QVERIFY(!view.hasElement(QStringLiteral("#modal-demo-modal-dialog")));
    }

    void logTailFilterAndPause()
    {
        for (int i = 0; i < 30; ++i)
            sample();
        auto view = live(*m_app, QStringLiteral("/widgets"));
        view.element(QStringLiteral("#log-fleet-filter"))
            .renderChange({{QStringLiteral("level"), QStringLiteral("warning")}});
        const QList<HtmlElement> lines =
            view.document().select(QStringLiteral("#log-fleet-lines li"));
        for (const HtmlElement &line : lines)
            QVERIFY(line.classes().contains(u"lw-log-warning") ||
                    line.classes().contains(u"lw-log-critical"));
        view.element(QStringLiteral("#log-fleet-filter"))
            .renderChange({{QStringLiteral("level"), QStringLiteral("debug")},
                           {QStringLiteral("query"), QStringLiteral("slow query")}});
        for (const HtmlElement &line :
             view.document().select(QStringLiteral("#log-fleet-lines li")))
            QVERIFY(line.textContent().contains(u"slow query"));
        view.element(QStringLiteral("#log-fleet-filter"))
            .renderChange({{QStringLiteral("query"), QString()}});
        view.element(QStringLiteral("#log-fleet-toggle")).renderClick();
        QCOMPARE(view.element(QStringLiteral("#log-fleet-toggle"))
                     .element()
                     .attribute(QStringLiteral("aria-pressed")),
                 QStringLiteral("true"));
        const QString shown =
            view.element(QStringLiteral("#log-fleet-lines")).element().innerHtml();
        sample();
        sample();
        view.processPending();
        QCOMPARE(view.element(QStringLiteral("#log-fleet-lines")).element().innerHtml(), shown);
        QVERIFY(view.element(QStringLiteral("#log-fleet .lw-log-paused"))
                    .element()
                    .textContent()
                    .contains(u"2 new lines"));
        view.element(QStringLiteral("#log-fleet-toggle")).renderClick();
        sample();
        view.processPending();
        QVERIFY(view.element(QStringLiteral("#log-fleet-lines")).element().innerHtml() != shown);
    }

    void refreshControlPausesAndHides()
    {
        auto view = live(*m_app, QStringLiteral("/widgets"));
        view.element(QStringLiteral("#refresh-refresh-toggle")).renderClick();
        QCOMPARE(view.element(QStringLiteral("#refresh-refresh"))
                     .element()
                     .attribute(QStringLiteral("data-paused")),
                 QStringLiteral("true"));
        const QString before = view.element(QStringLiteral("#stat-requests")).element().outerHtml();
        for (int i = 0; i < 3; ++i)
            sample();
        view.processPending();
        QCOMPARE(view.element(QStringLiteral("#stat-requests")).element().outerHtml(), before);
        view.element(QStringLiteral("#refresh-refresh-toggle"))
            .renderClick(); // resume: redraws at once
        QVERIFY(view.element(QStringLiteral("#stat-requests")).element().outerHtml() != before);
        view.element(QStringLiteral("#refresh-refresh-5000")).renderClick();
        QCOMPARE(view.element(QStringLiteral("#refresh-refresh-5000"))
                     .element()
                     .attribute(QStringLiteral("aria-pressed")),
                 QStringLiteral("true"));
        QCOMPARE(view.element(QStringLiteral("#refresh-refresh"))
                     .element()
                     .attribute(QStringLiteral("data-interval")),
                 QStringLiteral("5000"));
        // The hook reports a hidden tab: nothing is drawn until it is shown again.
        view.renderEvent(QStringLiteral("lw-refresh-visibility"),
                         {{QStringLiteral("hidden"), true}}, QStringLiteral("hook"));
        QVERIFY(view.hasElement(QStringLiteral("#refresh-refresh .lw-refresh-state")));
        const QString hidden = view.element(QStringLiteral("#stat-requests")).element().outerHtml();
        m_clock += 10'000;
        sample();
        view.processPending();
        QCOMPARE(view.element(QStringLiteral("#stat-requests")).element().outerHtml(), hidden);
        view.renderEvent(QStringLiteral("lw-refresh-visibility"),
                         {{QStringLiteral("hidden"), false}}, QStringLiteral("hook"));
        QVERIFY(view.element(QStringLiteral("#stat-requests")).element().outerHtml() != hidden);
        // The remembered choice comes back from the browser on mount.
        auto again = live(*m_app, QStringLiteral("/widgets"));
        again.renderEvent(QStringLiteral("lw-refresh-restore"),
                          {{QStringLiteral("interval"), 15000}, {QStringLiteral("paused"), false}},
                          QStringLiteral("hook"));
        QCOMPARE(again.element(QStringLiteral("#refresh-refresh-15000"))
                     .element()
                     .attribute(QStringLiteral("aria-pressed")),
                 QStringLiteral("true"));
    }
};

QTEST_GUILESS_MAIN(TestWidgetGallery)
#include "tst_widget_gallery.moc"
