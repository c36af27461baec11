// Development mode: a saved template re-renders connected views with their state kept; a saved
// stylesheet is announced to the pages.
#include <liveview/dev_reloader.h>
#include <liveview/live_view.h>
#include <liveview/testing/live_view_test.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {
class HotView : public LiveView
{
public:
    void mount(const QVariantMap &, const QVariantMap &) override { assign("n", 0); }
    void handleEvent(const QString &, const QVariantMap &) override
    {
        assign("n", assigned("n").toInt() + 1);
    }
    Template render() const override { return Template::load("hot/view.heex"); }
};

void write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}
} // namespace

class tst_HotReload : public QObject
{
    Q_OBJECT
private slots:
    void savedTemplateReRendersWithStateKept()
    {
        QTemporaryDir root;
        QVERIFY(QDir(root.path()).mkpath("templates/hot"));
        QVERIFY(QDir(root.path()).mkpath("assets"));
        const QString file = root.filePath("templates/hot/view.heex");
        write(file, "<p id=\"msg\">v1 {@n}</p>");
        DevReloader reloader(root.path());
        auto router = std::make_shared<Router>();
        router->live<HotView>("/hot");
        LiveTestApp app(router);
        LiveViewTest lv = live(app, "/hot");
        lv.renderEvent("inc");
        QCOMPARE(lv.element("#msg").element().textContent(), QStringLiteral("v1 1"));

        write(file, "<section id=\"msg\">v2: {@n}</section>");
        QSignalSpy changed(&reloader, &DevReloader::templatesChanged);
        reloader.fileChanged(file); // what the watcher calls
        QCOMPARE(changed.count(), 1);
        lv.processPending();
        QCOMPARE(lv.element("#msg").element().tagName(), QStringLiteral("section"));
        QCOMPARE(lv.element("#msg").element().textContent(), QStringLiteral("v2: 1")); // state kept
        QVERIFY(lv.lastDiff().contains("s")); // the new template travels in full

        const QString css = root.filePath("assets/app.css");
        write(css, "body { color: red; }");
        reloader.fileChanged(css);
        lv.processPending();
        const QJsonArray events = lv.takePushedEvents();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).toArray().at(0).toString(), QStringLiteral("liveview:css-reload"));
    }

    void theWatcherNoticesASave()
    {
        QTemporaryDir root;
        QVERIFY(QDir(root.path()).mkpath("templates/hot"));
        const QString file = root.filePath("templates/hot/view.heex");
        write(file, "<p>one</p>");
        DevReloader reloader(root.path());
        QSignalSpy changed(&reloader, &DevReloader::templatesChanged);
        write(file, "<p>two</p>");
        QVERIFY(changed.wait(5000));
        QCOMPARE(Template::load("hot/view.heex").renderToString({}), QStringLiteral("<p>two</p>"));
    }

    // Several roots (an application's and the engine's sources): the first that has a template
    // wins, a save in any of them reloads, and a stylesheet keeps its path under its root.
    void everyRootIsWatched()
    {
        QTemporaryDir app, engine;
        QVERIFY(QDir(app.path()).mkpath("templates"));
        QVERIFY(QDir(app.path()).mkpath("assets/css"));
        QVERIFY(QDir(engine.path()).mkpath("templates"));
        write(app.filePath("templates/shared.heex"), "<p>app</p>");
        write(engine.filePath("templates/shared.heex"), "<p>engine</p>");
        const QString engineOnly = engine.filePath("templates/engine_only.heex");
        write(engineOnly, "<p>one</p>");
        DevReloader reloader({app.filePath("templates"), engine.filePath("templates")},
                             {app.filePath("assets")});
        QCOMPARE(Template::load("shared.heex").renderToString({}), QStringLiteral("<p>app</p>"));
        QCOMPARE(Template::load("engine_only.heex").renderToString({}),
                 QStringLiteral("<p>one</p>"));

        QSignalSpy changed(&reloader, &DevReloader::templatesChanged);
        write(engineOnly, "<p>two</p>");
        QVERIFY(changed.wait(5000));
        QCOMPARE(Template::load("engine_only.heex").renderToString({}),
                 QStringLiteral("<p>two</p>"));

        const QString css = app.filePath("assets/css/site.css");
        write(css, "p { color: red; }");
        QSignalSpy styles(&reloader, &DevReloader::stylesheetChanged);
        reloader.fileChanged(css);
        QCOMPARE(styles.count(), 1);
        QCOMPARE(styles.at(0).at(0).toString(), QStringLiteral("/assets/css/site.css"));
        QCOMPARE(reloader.assetFile("/assets/css/site.css"), css);
        QVERIFY(reloader.assetFile("/assets/../templates/shared.heex").isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_HotReload)
#include "tst_hot_reload.moc"
