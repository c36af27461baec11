// View state that survives a restart: an opted-in view's checkpoint is saved after each callback
// and restored when the browser joins the same page again with a fresh server-side view; it is
// bound to the browser session, expires, and falls back to a fresh mount (with a log line) when
// corrupt, of another state version, or left by a crash.
#include <liveview/live_view.h>
#include <liveview/testing/live_view_test.h>
#include <store/checkpoint_store.h>

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <stdexcept>

using namespace liveview;
using namespace liveview::testing;

namespace {
int stateVersion = 1; // what TallyView declares; a test bumps it to act as a newer release

// A tally with a label; `boom` throws, and so does connecting with the label "poison". Only
// `tally` and `label` are kept; `user` comes from the session and is never checkpointed.
class TallyView : public LiveView
{
public:
    void mount(const QVariantMap &, const QVariantMap &) override
    {
        assign("tally", 0);
        assign("label", "fresh");
        assign("user", "from-the-session");
    }
    void handleEvent(const QString &event, const QVariantMap &value) override
    {
        if (event == u"add")
            assign("tally", assigned("tally").toInt() + 1);
        else if (event == u"label")
            assign("label", value.value("text"));
        else if (event == u"boom")
            throw std::runtime_error("boom");
        else if (event == u"impersonate")
            assign("user", "someone-else");
    }
    int checkpointVersion() const override { return stateVersion; }
    QStringList checkpointedAssigns() const override { return {"tally", "label"}; }
    void connected() override
    {
        if (assigned("label").toString() == u"poison")
            throw std::runtime_error("cannot live with this label");
    }
    Template render() const override
    {
        static const Template t =
            Template::compile("<p id=\"tally\">{@tally}</p><p id=\"label\">{@label}</p>"
                              "<p id=\"user\">{@user}</p>");
        return t;
    }
};

// The same without opting in.
class PlainView : public TallyView
{
public:
    int checkpointVersion() const override { return 0; }
};

QString text(LiveViewTest &view, const QString &selector)
{
    return view.element(selector).element().textContent();
}
} // namespace

class tst_Checkpoints : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    std::shared_ptr<Router> router = [] {
        auto r = std::make_shared<Router>();
        r->live<TallyView>("/tally");
        r->live<PlainView>("/plain");
        r->live<TallyView>("/tally/:room");
        return r;
    }();

    std::unique_ptr<LiveTestApp> appWithCheckpoints(qint64 lifetimeSeconds = 3600)
    {
        auto app = std::make_unique<LiveTestApp>(router);
        QString error;
        if (!app->enableCheckpoints(dir.filePath("checkpoints.sqlite"), &error, lifetimeSeconds))
            qFatal("%s", qPrintable(error));
        return app;
    }

    // The same checkpoint file, opened directly: to look at a row or to damage it.
    std::shared_ptr<internal::CheckpointStore> checkpointFile()
    {
        QString error;
        auto store = internal::CheckpointStore::open(dir.filePath("checkpoints.sqlite"), &error);
        if (!store)
            qFatal("%s", qPrintable(error));
        return store;
    }

    void setStoredState(const QString &viewId, const QString &column, const QVariant &value)
    {
        QSqlQuery q(checkpointFile()->store().database());
        q.prepare(QString("UPDATE view_checkpoints SET %1 = ? WHERE view_id = ?").arg(column));
        q.addBindValue(value);
        q.addBindValue(viewId);
        QVERIFY(q.exec());
        QCOMPARE(q.numRowsAffected(), 1);
    }

private slots:
    void init() { stateVersion = 1; }

    void stateComesBackOnRejoin()
    {
        auto app = appWithCheckpoints();
        LiveViewTest view = live(*app, "/tally");
        view.renderEvent("add");
        view.renderEvent("add");
        view.renderEvent("label", {{"text", "<kept & escaped>"}});
        QCOMPARE(text(view, "#tally"), QStringLiteral("2"));

        // The server lost the view (restart): the browser joins the same page again.
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression("restored from its checkpoint"));
        view.rejoin();
        QCOMPARE(text(view, "#tally"), QStringLiteral("2"));
        QCOMPARE(text(view, "#label"), QStringLiteral("<kept & escaped>"));
        view.renderEvent("add");
        QCOMPARE(text(view, "#tally"), QStringLiteral("3"));
    }

    void onlyTheNamedAssignsAreKept()
    {
        auto app = appWithCheckpoints();
        LiveViewTest view = live(*app, "/tally");
        view.renderEvent("add");
        view.renderEvent("impersonate"); // a value mount derives must come from mount again
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression("restored from its checkpoint"));
        view.rejoin();
        QCOMPARE(text(view, "#tally"), QStringLiteral("1"));
        const auto saved = checkpointFile()->load(view.viewId());
        QVERIFY(saved);
        QVERIFY(!saved->state.contains("someone-else"));
        QVERIFY(!saved->state.contains("user"));
    }

    void aCheckpointCannotSetWhatTheViewDoesNotName()
    {
        // A row written by an older release, or edited: only the named assigns come back.
        auto app = appWithCheckpoints();
        LiveViewTest view = live(*app, "/tally");
        view.renderEvent("add");
        setStoredState(view.viewId(), "state",
                       QByteArray(R"({"tally": 5, "user": "admin", "label": "x"})"));
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression("restored from its checkpoint"));
        view.rejoin();
        QCOMPARE(text(view, "#tally"), QStringLiteral("5"));
        QCOMPARE(text(view, "#user"), QStringLiteral("from-the-session"));
    }

    void aStateThatCrashesTheJoinIsDropped()
    {
        auto app = appWithCheckpoints();
        LiveViewTest view = live(*app, "/tally");
        view.renderEvent("add");
        view.renderEvent("label", {{"text", "poison"}});
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression("restored from its checkpoint"));
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression("crashed: cannot live"));
        QVERIFY_THROWS_EXCEPTION(HarnessError, view.rejoin());
        view.rejoin(); // the client's retry: fresh, not the same crash again
        QCOMPARE(text(view, "#tally"), QStringLiteral("0"));
        QCOMPARE(text(view, "#label"), QStringLiteral("fresh"));
    }

    void checkpointsBelongToTheirPage()
    {
        auto app = appWithCheckpoints();
        LiveViewTest view = live(*app, "/tally/a?x=1");
        view.renderEvent("add");
        view.renderPatch("/tally/a?x=2"); // a patch moves the page: the checkpoint follows
        view.renderEvent("add");
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression("restored from its checkpoint"));
        view.rejoin();
        QCOMPARE(text(view, "#tally"), QStringLiteral("2"));
    }

    void viewsThatDoNotOptInMountFresh()
    {
        auto app = appWithCheckpoints();
        LiveViewTest view = live(*app, "/plain");
        view.renderEvent("add");
        view.rejoin();
        QCOMPARE(text(view, "#tally"), QStringLiteral("0"));
    }

    void aFreshFallbackIsLoggedForBadCheckpoints_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("log");
        QTest::newRow("corrupt") << "state" << QVariant(QByteArray("{\"tally\": 7,"))
                                 << "unreadable";
        QTest::newRow("not an object") << "state" << QVariant(QByteArray("[7]")) << "unreadable";
        QTest::newRow("other version") << "version" << QVariant(99) << "state version 99";
        QTest::newRow("other session")
            << "session_id" << QVariant("someone-else") << "belongs to another session";
        QTest::newRow("other page")
            << "route" << QVariant("/tally?room=b") << "another session or page";
    }
    void aFreshFallbackIsLoggedForBadCheckpoints()
    {
        QFETCH(QString, column);
        QFETCH(QVariant, value);
        QFETCH(QString, log);
        auto app = appWithCheckpoints();
        LiveViewTest view = live(*app, "/tally");
        view.renderEvent("add");
        setStoredState(view.viewId(), column, value);
        QTest::ignoreMessage(column == u"version" ? QtInfoMsg : QtWarningMsg,
                             QRegularExpression(QRegularExpression::escape(log)));
        view.rejoin();
        QCOMPARE(text(view, "#tally"), QStringLiteral("0"));
        QCOMPARE(text(view, "#label"), QStringLiteral("fresh"));
    }

    void aNewStateVersionIgnoresOldCheckpoints()
    {
        auto app = appWithCheckpoints();
        LiveViewTest view = live(*app, "/tally");
        view.renderEvent("add");
        stateVersion = 2; // the next release changed the state's shape
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression("state version 1 but the view is at 2"));
        view.rejoin();
        QCOMPARE(text(view, "#tally"), QStringLiteral("0"));
    }

    void expiredCheckpointsAreNotUsed()
    {
        auto app = appWithCheckpoints(0); // expire as soon as written
        LiveViewTest view = live(*app, "/tally");
        view.renderEvent("add");
        view.rejoin();
        QCOMPARE(text(view, "#tally"), QStringLiteral("0"));
    }

    void aCrashDropsTheCheckpoint()
    {
        auto app = appWithCheckpoints();
        LiveViewTest view = live(*app, "/tally");
        view.renderEvent("add");
        QVERIFY_THROWS_EXCEPTION(HarnessError, view.renderEvent("boom"));
        QVERIFY(view.isCrashed());
        view.rejoin();
        QCOMPARE(text(view, "#tally"), QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(tst_Checkpoints)
#include "tst_checkpoints.moc"
