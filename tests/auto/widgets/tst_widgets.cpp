// The widgets' server-side state, one class per test function group: TimeSeries (ring buffer
// and chart model), TableState (URL state, sort, filter, paging, CSV), RefreshState, the number
// formats, and the System dashboard's /proc parsers.
#include <feed/system_sampler.h>
#include <livedeck/widgets/format.h>
#include <livedeck/widgets/refresh_state.h>
#include <livedeck/widgets/table_state.h>
#include <livedeck/widgets/time_series.h>

#include <QUrlQuery>
#include <QtTest>

using namespace livedeck::widgets;
using namespace livedeck::dashboards;

class TestWidgets : public QObject
{
    Q_OBJECT

private slots:
    void timeSeriesKeepsCapacity()
    {
        TimeSeries s({QStringLiteral("a")}, 10, 10);
        for (int i = 0; i < 25; ++i)
            s.append(1000 * i, {double(i)});
        QCOMPARE(s.size(), 10);
        QCOMPARE(s.latest(0), 24.0);
        QCOMPARE(s.tail(0, 3), (QList<double>{22, 23, 24}));
    }

    void timeSeriesFrozenChunksDoNotChange()
    {
        TimeSeries s({QStringLiteral("a"), QStringLiteral("b")}, 300, 300);
        for (int i = 0; i < 40; ++i)
            s.append(1'000'000 + 1000 * i, {double(i % 7), 2.0});
        const QVariantList before = s.chartModel().value(QStringLiteral("paths")).toList();
        s.append(1'000'000 + 40'000, {3, 2});
        const QVariantList after = s.chartModel().value(QStringLiteral("paths")).toList();
        // Chunks 0 and 1 of each series (samples 0..32) are complete: same strings. Only the last
        // chunk of each series grew.
        int changed = 0;
        for (const QVariant &p : after) {
            const QVariantMap path = p.toMap();
            bool same = false;
            for (const QVariant &q : before)
                same = same || q.toMap() == path;
            changed += !same;
        }
        QCOMPARE(changed, 2);
        QCOMPARE(after.size(), 2 * s.slotsPerSeries()); // fixed slots: rows never move
        const QString first = after.first().toMap().value(QStringLiteral("points")).toString();
        QVERIFY2(first.startsWith(u"0,0 1,1 2,2"), qPrintable(first));
        QCOMPARE(first.split(u' ').size(), TimeSeries::chunkSamples + 1); // joins the next chunk
    }

    void timeSeriesScalesByTransform()
    {
        TimeSeries s({QStringLiteral("cpu")}, 60, 60);
        s.setUnit(QStringLiteral("%"));
        s.setMinimumCeiling(100);
        s.append(0, {50});
        s.append(1000, {40});
        const QVariantMap m = s.chartModel();
        // 60 s across the plot width; the data group is moved, scaled and flipped, not redrawn.
        QVERIFY(m.value(QStringLiteral("transform")).toString().startsWith(u"translate("));
        QVERIFY(m.value(QStringLiteral("transform")).toString().contains(u"scale("));
        const QVariantList yTicks = m.value(QStringLiteral("y_ticks")).toList();
        QCOMPARE(yTicks.size(), 5);
        QCOMPARE(yTicks.last().toMap().value(QStringLiteral("label")).toString(),
                 QStringLiteral("100%"));
        const QVariantList legend = m.value(QStringLiteral("legend")).toList();
        QCOMPARE(legend.first().toMap().value(QStringLiteral("value")).toString(),
                 QStringLiteral("40%"));
        QCOMPARE(m.value(QStringLiteral("empty")).toBool(), false);
    }

    void timeSeriesEmptyAndBadValues()
    {
        TimeSeries s({QStringLiteral("a")}, 5, 5);
        QVERIFY(s.chartModel().value(QStringLiteral("empty")).toBool());
        s.append(1000, {qQNaN()});
        s.append(500, {qInf()}); // time going back is clamped, not folded
        QCOMPARE(s.latest(0), 0.0);
        QCOMPARE(s.size(), 2);
    }

    void tableParams_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("sort");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<int>("page");
        QTest::addColumn<int>("size");
        QTest::newRow("defaults") << ""
                                  << "cpu" << true << 1 << 10;
        QTest::newRow("sort by name") << "t_sort=name&t_dir=asc"
                                      << "name" << false << 1 << 10;
        QTest::newRow("unknown column") << "t_sort=password&t_dir=asc"
                                        << "cpu" << false << 1 << 10;
        QTest::newRow("page and size") << "t_page=3&t_size=25"
                                       << "cpu" << true << 3 << 25;
        QTest::newRow("bad page") << "t_page=-4&t_size=abc"
                                  << "cpu" << true << 1 << 10;
        QTest::newRow("huge size") << "t_size=100000"
                                   << "cpu" << true << 1 << TableState::maxPageSize;
    }
    void tableParams()
    {
        QFETCH(QString, query);
        TableState t(QStringLiteral("t"), columns(), QStringLiteral("cpu"), true, 10);
        QVariantMap params;
        for (const auto &[k, v] : QUrlQuery(query).queryItems())
            params.insert(k, v);
        t.applyParams(params);
        QTEST(t.sortColumn(), "sort");
        QTEST(t.isDescending(), "descending");
        QTEST(t.pageNumber(), "page");
        QTEST(t.pageSize(), "size");
    }

    void tableSortFilterPage()
    {
        TableState t(QStringLiteral("t"), columns(), QStringLiteral("cpu"), true, 2);
        QVariantList page = t.page(rows());
        QCOMPARE(page.size(), 2);
        QCOMPARE(cell(page[0], 0), QStringLiteral("web-2")); // 90% first, numeric not textual
        QCOMPARE(cell(page[1], 0), QStringLiteral("web-10"));
        QCOMPARE(t.model().value(QStringLiteral("pages")).toInt(), 2);
        t.applyParams({{QStringLiteral("t_q"), QStringLiteral("WEB")},
                       {QStringLiteral("t_sort"), QStringLiteral("name")},
                       {QStringLiteral("t_dir"), QStringLiteral("asc")}});
        page = t.page(rows());
        QCOMPARE(cell(page[0], 0), QStringLiteral("web-2")); // natural order: 2 before 10
        QCOMPARE(cell(page[1], 0), QStringLiteral("web-10"));
        QCOMPARE(t.model().value(QStringLiteral("matching")).toInt(), 2);
        QCOMPARE(t.model().value(QStringLiteral("total")).toInt(), 3);
        const QVariantList cols = t.model().value(QStringLiteral("columns")).toList();
        QCOMPARE(cols[0].toMap().value(QStringLiteral("aria_sort")).toString(),
                 QStringLiteral("ascending"));
        QCOMPARE(cols[1].toMap().value(QStringLiteral("aria_sort")).toString(),
                 QStringLiteral("none"));
        t.applyParams({{QStringLiteral("t_page"), 99}, {QStringLiteral("t_size"), 2}});
        t.page(rows());
        QCOMPARE(t.pageNumber(), 2); // past the end: the last page
    }

    void tableEventsPatchTheUrl()
    {
        TableState t(QStringLiteral("t"), columns(), QStringLiteral("cpu"), true, 10);
        QUrl patch;
        const QUrl here(QStringLiteral("http://x/dashboard?token=abc&t_page=3"));
        QVERIFY(t.handleEvent(QStringLiteral("lw-table-sort"),
                              {{QStringLiteral("table"), QStringLiteral("t")},
                               {QStringLiteral("column"), QStringLiteral("cpu")}},
                              here, &patch));
        const QUrlQuery q(patch);
        QCOMPARE(q.queryItemValue(QStringLiteral("token")), QStringLiteral("abc")); // kept
        QCOMPARE(q.queryItemValue(QStringLiteral("t_dir")), QStringLiteral("asc")); // flipped
        QVERIFY(!q.hasQueryItem(QStringLiteral("t_page")));                         // back to 1
        QVERIFY(!t.handleEvent(QStringLiteral("lw-table-sort"),
                               {{QStringLiteral("table"), QStringLiteral("other")}}, here, &patch));
        QVERIFY(!t.handleEvent(QStringLiteral("unrelated"), {}, here, &patch));
    }

    void tableCsv()
    {
        TableState t(QStringLiteral("t"), columns(), QStringLiteral("name"), false, 1);
        QVariantList r = rows();
        r.append(QVariantMap{{QStringLiteral("id"), 9},
                             {QStringLiteral("name"), QStringLiteral("db, \"main\"")},
                             {QStringLiteral("cpu"), 1}});
        const QStringList lines = t.csv(r).split(QStringLiteral("\r\n"));
        QCOMPARE(lines[0], QStringLiteral("Name,CPU")); // actions are not data
        QVERIFY(lines.contains(QStringLiteral("\"db, \"\"main\"\"\",1")));
        QCOMPARE(lines.size(), 6); // header, four rows (all pages), trailing empty
    }

    void refreshState()
    {
        RefreshState r;
        QVERIFY(r.due(10'000));
        QVERIFY(!r.due(10'500));
        QVERIFY(r.due(11'000));
        QVERIFY(r.handleEvent(QStringLiteral("lw-refresh"), {{QStringLiteral("interval"), 5000}}));
        QCOMPARE(r.intervalMs(), 5000);
        QVERIFY(!r.due(12'000));
        QVERIFY(r.due(16'000));
        r.handleEvent(QStringLiteral("lw-refresh"),
                      {{QStringLiteral("interval"), 7}}); // not offered
        QCOMPARE(r.intervalMs(), 5000);
        r.handleEvent(QStringLiteral("lw-refresh-toggle"), {});
        QVERIFY(r.isPaused());
        QVERIFY(!r.due(60'000));
        r.handleEvent(QStringLiteral("lw-refresh-toggle"), {});
        QVERIFY(r.takeRedraw()); // resuming draws the newest data at once
        QVERIFY(!r.takeRedraw());
        r.handleEvent(QStringLiteral("lw-refresh-visibility"), {{QStringLiteral("hidden"), true}});
        QVERIFY(!r.isRunning());
        QVERIFY(!r.due(90'000));
        r.handleEvent(QStringLiteral("lw-refresh-visibility"), {{QStringLiteral("hidden"), false}});
        QVERIFY(r.takeRedraw());
        r.handleEvent(QStringLiteral("lw-refresh-restore"),
                      {{QStringLiteral("interval"), 15000},
                       {QStringLiteral("paused"), QStringLiteral("true")}});
        QCOMPARE(r.intervalMs(), 15000);
        QVERIFY(r.isPaused());
        QVERIFY(!r.handleEvent(QStringLiteral("something-else"), {}));
    }

    void formats_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("text");
        QTest::newRow("bytes") << 1536.0 << "B"
                               << "1.50 KiB";
        QTest::newRow("rate") << 10.0 * 1024 * 1024 << "B/s"
                              << "10.0 MiB/s";
        QTest::newRow("percent") << 42.42 << "%"
                                 << "42%";
        QTest::newRow("small percent") << 4.24 << "%"
                                       << "4.2%";
        QTest::newRow("ms") << 0.42 << "ms"
                            << "0.42 ms";
        QTest::newRow("count") << 12345.0 << ""
                               << "12.3k";
        QTest::newRow("plain unit") << 7.0 << "/s"
                                    << "7/s";
    }
    void formats()
    {
        QFETCH(double, value);
        QFETCH(QString, unit);
        QTEST(formatWithUnit(value, unit), "text");
    }

    void niceCeilings()
    {
        QCOMPARE(niceCeiling(0), 1.0);
        QCOMPARE(niceCeiling(7), 10.0);
        QCOMPARE(niceCeiling(180), 200.0);
        QCOMPARE(niceCeiling(2100), 2500.0);
        QCOMPARE(formatDuration(90061), QStringLiteral("1d 1h"));
    }

    void procParsers()
    {
        SystemCounters a, b;
        procfs::parseStat("cpu  100 0 50 800 50 0 0 0\ncpu0 50 0 25 400 25 0 0 0\n"
                          "cpu1 50 0 25 400 25 0 0 0\nintr 1 2\n",
                          &a);
        procfs::parseStat("cpu  160 0 70 900 70 0 0 0\ncpu0 110 0 45 420 25 0 0 0\n"
                          "cpu1 50 0 25 480 45 0 0 0\n",
                          &b);
        QCOMPARE(a.cpuCores.size(), 2);
        procfs::parseMemInfo("MemTotal:  1000 kB\nMemAvailable: 250 kB\nCached: 100 kB\n"
                             "SwapTotal: 0 kB\nSwapFree: 0 kB\n",
                             &b);
        QCOMPARE(b.memTotal, 1000u * 1024);
        QCOMPARE(b.memAvailable, 250u * 1024);
        procfs::parseLoadAvg("0.50 1.25 2.00 1/100 42\n", &b);
        QCOMPARE(b.load5, 1.25);
        procfs::parseNetDev("Inter-|   Receive\n face |bytes packets\n"
                            "  eth0: 1000 1 0 0 0 0 0 0 2000 1 0 0 0 0 0 0\n"
                            "    lo: 50 1 0 0 0 0 0 0 50 1 0 0 0 0 0 0\n",
                            &a);
        procfs::parseNetDev("  eth0: 3000 1 0 0 0 0 0 0 2500 1 0 0 0 0 0 0\n"
                            "    lo: 950 1 0 0 0 0 0 0 950 1 0 0 0 0 0 0\n",
                            &b);
        const auto disks = [](const QString &name) { return name == u"sda"; };
        procfs::parseDiskStats("   8       0 sda 10 0 100 0 20 0 200 0 0 0 0\n"
                               "   8       1 sda1 10 0 100 0 20 0 200 0 0 0 0\n",
                               &a, disks);
        procfs::parseDiskStats("   8       0 sda 10 0 300 0 20 0 600 0 0 0 0\n"
                               "   7       0 loop0 1 0 999 0 1 0 999 0 0 0 0\n",
                               &b, disks);
        a.timeMs = 0;
        b.timeMs = 2000;
        const SystemRates r = SystemSampler::rates(a, b);
        QCOMPARE(r.cpuBusy, 40.0); // 80 busy of 200 ticks (iowait counts as idle)
        QCOMPARE(r.cpuIowait, 10.0);
        QCOMPARE(r.coreBusy, (QList<double>{100.0 * 80 / 100, 0.0}));
        QCOMPARE(r.rxPerSecond, 1000.0); // eth0 only: loopback is not the network
        QCOMPARE(r.txPerSecond, 250.0);
        QCOMPARE(r.diskReadPerSecond, 200.0 * 512 / 2);
        QCOMPARE(r.diskWritePerSecond, 400.0 * 512 / 2);
        const QList<MountUsage> mounts = procfs::parseMounts(
            "/dev/sda1 / ext4 rw 0 0\nproc /proc proc rw 0 0\ntmpfs /run tmpfs rw 0 0\n"
            "/dev/sda1 /bind ext4 rw 0 0\noverlay /var/lib/x overlay rw 0 0\n"
            "/dev/sdb1 /mnt/my\\040disk ext4 rw 0 0\n");
        QCOMPARE(mounts.size(), 3);
        QCOMPARE(mounts[2].mountPoint, QStringLiteral("/mnt/my disk"));
    }

    void realSystemSample()
    {
        // This machine's own /proc: every figure the page needs is there.
        SystemSampler sampler;
        const SystemCounters c = sampler.read(0);
        QVERIFY(!c.cpuCores.isEmpty());
        QVERIFY(c.memTotal > 0);
        QVERIFY(!c.interfaces.isEmpty());
    }

private:
    static QList<TableColumn> columns()
    {
        return {{QStringLiteral("name"), QStringLiteral("Name")},
                {QStringLiteral("cpu"), QStringLiteral("CPU"), TableColumn::Kind::Number},
                {QStringLiteral("go"), QStringLiteral("Go"), TableColumn::Kind::Action,
                 QStringLiteral("go")}};
    }
    static QVariantList rows()
    {
        const auto row = [](int id, const char *name, double cpu) {
            return QVariantMap{{QStringLiteral("id"), id},
                               {QStringLiteral("name"), QLatin1String(name)},
                               {QStringLiteral("cpu"), cpu}};
        };
        return {row(1, "web-10", 9), row(2, "web-2", 90), row(3, "db-1", 5)};
    }
    static QString cell(const QVariant &row, int column)
    {
        return row.toMap()
            .value(QStringLiteral("cells"))
            .toList()[column]
            .toMap()
            .value(QStringLiteral("text"))
            .toString();
    }
};

QTEST_GUILESS_MAIN(TestWidgets)
#include "tst_widgets.moc"
