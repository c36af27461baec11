// Development mode: a template saved with a syntax error is shown in the page (file, line, column,
// the source, escaped), the view keeps its state, and saving the fix renders the page again.
#include <liveview/dev_reloader.h>
#include <liveview/live_view.h>
#include <liveview/testing/live_view_test.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace liveview;
using namespace liveview::testing;

namespace {
class CountingView : public LiveView
{
public:
    void mount(const QVariantMap &, const QVariantMap &) override { assign("n", 0); }
    void handleEvent(const QString &, const QVariantMap &) override
    {
        assign("n", assigned("n").toInt() + 1);
    }
    Template render() const override { return Template::load("dev/view.heex"); }
};

// Line 2 holds markup a careless error view would run: the error (`{@n +}`) is on that line.
const QByteArray brokenTemplate = "<section id=\"msg\">\n"
                                  "  <script>alert(1)</script> {@n +}\n"
                                  "</section>";

void write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

// The payloads of the pushed events called `name`.
QList<QJsonObject> eventsNamed(const QJsonArray &events, const QString &name)
{
    QList<QJsonObject> found;
    for (const QJsonValue &e : events)
        if (e.toArray().at(0).toString() == name)
            found.append(e.toArray().at(1).toObject());
    return found;
}

void verifyErrorView(const QString &html)
{
    QVERIFY2(html.contains(QLatin1String("class=\"dev-error\"")), qPrintable(html));
    QVERIFY2(html.contains(QLatin1String("dev/view.heex:2:")), qPrintable(html));
    QVERIFY(html.contains(QLatin1String("expected")));
    // The source line is there, as text: nothing in it may become an element.
    QVERIFY(html.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt; {@n +}")));
    QVERIFY(!html.contains(QLatin1String("<script")));
}
} // namespace

class tst_TemplateErrors : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_root = std::make_unique<QTemporaryDir>();
        QVERIFY(QDir(m_root->path()).mkpath("templates/dev"));
        m_file = m_root->filePath("templates/dev/view.heex");
        write(m_file, "<p id=\"msg\">v1 {@n}</p>");
        m_reloader = std::make_unique<DevReloader>(m_root->path());
        // LiveDeck's layout: it loads dev_reload.js in development mode.
        TemplateLibrary::addTemplateRoot(QStringLiteral(":/livedeck/templates"));
        auto router = std::make_shared<Router>();
        router->live<CountingView>("/dev");
        m_app = std::make_unique<LiveTestApp>(router);
    }
    void cleanup()
    {
        m_app.reset();
        m_reloader.reset();
        m_root.reset();
    }

    void anOpenPageShowsTheErrorAndComesBackWithItsState()
    {
        LiveViewTest lv = live(*m_app, "/dev");
        lv.renderEvent("inc");

        save(brokenTemplate);
        lv.processPending();
        QVERIFY(!lv.isCrashed());
        QList<QJsonObject> shown =
            eventsNamed(lv.takePushedEvents(), QStringLiteral("liveview:template-error"));
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.at(0).value("view").toString(), lv.viewId());
        verifyErrorView(shown.at(0).value("html").toString());
        // The page underneath is left as it was.
        QCOMPARE(lv.element("#msg").element().textContent(), QStringLiteral("v1 1"));

        // Still broken: an event is handled and answered, and the error is shown again.
        lv.renderEvent("inc");
        QCOMPARE(lv.lastReplyStatus(), QStringLiteral("ok"));
        shown = eventsNamed(lv.takePushedEvents(), QStringLiteral("liveview:template-error"));
        QCOMPARE(shown.size(), 1);

        save("<section id=\"msg\">v2: {@n}</section>");
        lv.processPending();
        QCOMPARE(lv.element("#msg").element().tagName(), QStringLiteral("section"));
        QCOMPARE(lv.element("#msg").element().textContent(), QStringLiteral("v2: 2"));
        const QList<QJsonObject> fixed =
            eventsNamed(lv.takePushedEvents(), QStringLiteral("liveview:template-fixed"));
        QCOMPARE(fixed.size(), 1);
        QCOMPARE(fixed.at(0).value("view").toString(), lv.viewId());
        lv.renderEvent("inc"); // and the view goes on
        QCOMPARE(lv.element("#msg").element().textContent(), QStringLiteral("v2: 3"));
    }

    void aBrokenComponentIsShownAndTheViewRendersAgainOnceFixed()
    {
        // The view's own template compiles; the component it uses does not. The view keeps its
        // last good tree (and the template that tree points into) until a render succeeds.
        const QString card = m_root->filePath("templates/dev/card.heex");
        write(card, "<b>{@n}</b>");
        TemplateLibrary::registerComponent("dev_card", "dev/card.heex");
        save("<div id=\"msg\"><.dev_card n={@n}></.dev_card></div>");
        LiveViewTest lv = live(*m_app, "/dev");
        lv.renderEvent("inc");
        QCOMPARE(lv.element("#msg b").element().textContent(), QStringLiteral("1"));

        write(card, "<b>{@n</b>");
        m_reloader->fileChanged(card);
        lv.processPending();
        QList<QJsonObject> shown =
            eventsNamed(lv.takePushedEvents(), QStringLiteral("liveview:template-error"));
        QCOMPARE(shown.size(), 1);
        QVERIFY(shown.at(0).value("html").toString().contains("dev/card.heex:1:"));
        lv.renderEvent("inc"); // renders against the last good tree: the error again
        shown = eventsNamed(lv.takePushedEvents(), QStringLiteral("liveview:template-error"));
        QCOMPARE(shown.size(), 1);

        write(card, "<b>n = {@n}</b>");
        m_reloader->fileChanged(card);
        lv.processPending();
        QCOMPARE(lv.element("#msg b").element().textContent(), QStringLiteral("n = 2"));
        lv.renderEvent("inc");
        QCOMPARE(lv.element("#msg b").element().textContent(), QStringLiteral("n = 3"));
    }

    void aJoinWhileBrokenShowsTheErrorViewUntilTheFix()
    {
        LiveViewTest lv = live(*m_app, "/dev");
        save(brokenTemplate);
        lv.processPending();
        // A socket that reconnects now: the join succeeds and shows the error in the view.
        const QString html = lv.rejoin();
        QVERIFY(!lv.isCrashed());
        verifyErrorView(html);

        save("<p id=\"msg\">fixed {@n}</p>");
        lv.processPending();
        QCOMPARE(lv.element("#msg").element().textContent(), QStringLiteral("fixed 0"));
        QVERIFY(!lv.render().contains(QLatin1String("dev-error")));
    }

    void theFirstRenderShowsTheErrorWithStatus500()
    {
        save(brokenTemplate);
        LiveTestApp::Page page = m_app->get("/dev");
        QCOMPARE(page.status, 500);
        verifyErrorView(page.html.section(QLatin1String("<body>"), 1));
        // Still a live page: its socket joins and hears of the fix.
        QVERIFY(page.html.contains(QLatin1String("data-phx-session=")));
        QVERIFY(page.html.contains(QLatin1String("/assets/dev_reload.js")));

        save("<p id=\"msg\">fixed {@n}</p>");
        page = m_app->get("/dev");
        QCOMPARE(page.status, 200);
        QVERIFY(page.html.contains(QLatin1String("fixed 0")));
    }

    void aBrokenLayoutGetsAPageThatReloadsItself()
    {
        QVERIFY(QDir(m_root->path()).mkpath("templates/layout"));
        const QString layout = m_root->filePath("templates/layout/root.heex");
        write(layout, "<!DOCTYPE html>\n<html><body>{@inner_content</body></html>");
        m_reloader->fileChanged(layout);
        LiveTestApp::Page page = m_app->get("/dev");
        QCOMPARE(page.status, 500);
        QVERIFY2(page.html.contains(QLatin1String("layout/root.heex:2:")), qPrintable(page.html));
        QVERIFY(page.html.contains(QLatin1String("data-dev-reload")));
        QVERIFY(page.html.contains(QLatin1String("/assets/dev_reload.js")));

        QVERIFY(QFile::remove(layout)); // back to the built-in layout
        m_reloader->fileChanged(layout);
        QCOMPARE(m_app->get("/dev").status, 200);
    }

    void withoutDevelopmentModeTheViewCrashesAsBefore()
    {
        m_reloader.reset();
        class InlineBroken : public LiveView
        {
            Template render() const override { return Template::compile("<p>{@n +}</p>"); }
        };
        auto router = std::make_shared<Router>();
        router->live<InlineBroken>("/broken");
        LiveTestApp app(router);
        const LiveTestApp::Page page = app.get("/broken");
        QCOMPARE(page.status, 500);
        QVERIFY(!page.html.contains(QLatin1String("dev-error")));
        QVERIFY(!page.html.contains(QLatin1String("{@n +}")));
    }

private:
    // What an editor's save amounts to: new content, then the watcher's call.
    void save(const QByteArray &text)
    {
        write(m_file, text);
        m_reloader->fileChanged(m_file);
    }

    std::unique_ptr<QTemporaryDir> m_root;
    QString m_file;
    std::unique_ptr<DevReloader> m_reloader;
    std::unique_ptr<LiveTestApp> m_app;
};

QTEST_GUILESS_MAIN(tst_TemplateErrors)
#include "tst_template_errors.moc"
