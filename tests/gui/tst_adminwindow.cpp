// The admin window offscreen: panels fed by snapshots, actions with confirmations, the
// read-only switch, filters, layout and theme persistence, the command palette, the no-tray path.
#include "fake_data_source.h"
#include "snapshot_factory.h"

#include <admin_actions.h>
#include <admin_window.h>
#include <broadcast_dialog.h>
#include <command_palette.h>
#include <log_filter_model.h>
#include <log_model.h>
#include <log_panel.h>
#include <server_status_bar.h>
#include <session_detail_panel.h>
#include <sessions_model.h>
#include <sessions_panel.h>
#include <sessions_proxy_model.h>
#include <table_panel.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>

using namespace livedeck::admin;
using namespace livedeck::admin::testing;

class tst_AdminWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<FakeDataSource> m_source;
    std::unique_ptr<AdminWindow> m_window;
    QStringList m_questions;
    bool m_answer = true;

    void openWindow()
    {
        m_window = std::make_unique<AdminWindow>(m_source.get(), m_settings.get());
        m_window->actions()->setConfirm([this](const QString &question) {
            m_questions.append(question);
            return m_answer;
        });
        m_window->actions()->setOpenUrl([this](const QUrl &url) {
            m_source->calls.append(QStringLiteral("open ") + url.toString());
        });
        m_window->show();
    }
    // Sends a snapshot and waits until the sessions table has taken all of it (large ones are
    // applied in slices over several event-loop passes).
    void push(const liveview::MonitorSnapshot &snapshot)
    {
        m_source->push(snapshot);
        QTRY_VERIFY(!m_window->sessionsModel()->isUpdating());
    }
    void selectSession(quint64 id) { QVERIFY(m_window->sessionsPanel()->selectSession(id)); }
    QDockWidget *dock(const QString &name) const
    {
        return m_window->findChild<QDockWidget *>(name);
    }

private slots:
    void init();
    void cleanup();
    void docksHaveStableNames();
    void snapshotFillsPanelsAndStatusBar();
    void selectionShowsDetail();
    void disconnectAsksFirst();
    void disconnectUserAsksFirst();
    void broadcastThroughComposer();
    void composerRefusesNonObjects();
    void drainAndDecline();
    void startAndStopServer();
    void statusUrlOpensDashboard();
    void readOnlySwitchDisablesEveryAction();
    void readOnlyServerForcesTheSwitch();
    void sessionFilter();
    void logFiltersAndCopy();
    void liveUpdatesKeepSelectionAndScroll();
    void layoutAndThemePersist();
    void olderLayoutVersionIgnored();
    void resetLayoutShowsEveryDock();
    void noTrayPath();
    void commandPaletteFindsSessionsAndActions();
};

void tst_AdminWindow::init()
{
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("admin.ini")),
                                             QSettings::IniFormat);
    m_settings->clear();
    m_source = std::make_unique<FakeDataSource>();
    m_questions.clear();
    m_answer = true;
    openWindow();
}

void tst_AdminWindow::cleanup()
{
    m_window.reset();
    m_source.reset();
    m_settings.reset();
}

void tst_AdminWindow::docksHaveStableNames()
{
    QStringList names;
    for (QDockWidget *d : m_window->docks())
        names.append(d->objectName());
    names.sort();
    QCOMPARE(names, (QStringList{"logDock", "nodesDock", "presenceDock", "serverDock",
                                 "sessionDetailDock", "topicsDock"}));
    QVERIFY(m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar")));
    QCOMPARE(m_source->refreshes, 1); // the window asks for its first snapshot at once
}

void tst_AdminWindow::snapshotFillsPanelsAndStatusBar()
{
    push(makeSnapshot(300));
    QCOMPARE(m_window->sessionsPanel()->view()->model()->rowCount(), 300);
    QCOMPARE(m_window->topicsPanel()->view()->model()->rowCount(), 1);
    QCOMPARE(m_window->presencePanel()->view()->model()->rowCount(), 2); // two topics
    QCOMPARE(m_window->nodesPanel()->view()->model()->rowCount(), 1);
    QCOMPARE(m_window->serverStatus()->connectionsLabel()->text(),
             QStringLiteral("300 / 18000 connections"));
    QVERIFY(m_window->serverStatus()->urlLabel()->text().contains(u"http://127.0.0.1:4000"));
    QCOMPARE(m_window->serverStatus()->stateLabel()->text(), QStringLiteral("running"));
}

void tst_AdminWindow::selectionShowsDetail()
{
    push(makeSnapshot(100));
    QVERIFY(!m_window->actions()->disconnectSession->isEnabled());
    selectSession(42);
    QCOMPARE(m_source->detailRequests.last(), 42u);
    QVERIFY(m_window->actions()->disconnectSession->isEnabled());
    QVERIFY(m_window->actions()->disconnectUser->text().contains(u"user-42"));

    liveview::SessionInfo detail = makeSession(42);
    detail.topics = {QStringLiteral("chat:lobby"), QStringLiteral("online")};
    detail.recent = {{baseTime(), QStringLiteral("inc"), 0.4},
                     {baseTime().addSecs(1), QStringLiteral("dec"), 12}};
    liveview::LogEntry line;
    line.seq = 1;
    line.time = baseTime();
    line.message = QStringLiteral("joined /examples/counter");
    line.sessionId = 42;
    m_source->sessionDetailReady(makeSession(7), {}); // about another session: ignored
    QCOMPARE(m_window->detailPanel()->eventsView()->topLevelItemCount(), 0);
    emit m_source->sessionDetailReady(detail, {line});
    QCOMPARE(m_window->detailPanel()->topicsView()->count(), 2);
    QCOMPARE(m_window->detailPanel()->eventsView()->topLevelItemCount(), 2);
    QCOMPARE(m_window->detailPanel()->eventsView()->topLevelItem(0)->text(1),
             QStringLiteral("dec")); // newest first
    QVERIFY(m_window->detailPanel()->logView()->toPlainText().contains(u"joined"));
    // The next snapshot refreshes the detail of the session shown.
    const qsizetype before = m_source->detailRequests.size();
    push(makeSnapshot(100, 1));
    QCOMPARE(m_source->detailRequests.size(), before + 1);
}

void tst_AdminWindow::disconnectAsksFirst()
{
    push(makeSnapshot(50));
    selectSession(7);
    m_answer = false;
    m_window->actions()->disconnectSession->trigger();
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(m_source->calls.isEmpty());
    m_answer = true;
    m_window->actions()->disconnectSession->trigger();
    QCOMPARE(m_source->calls, QStringList{QStringLiteral("disconnectSession 7")});
}

void tst_AdminWindow::disconnectUserAsksFirst()
{
    push(makeSnapshot(50));
    selectSession(10);
    m_window->actions()->disconnectUser->trigger();
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(m_questions.first().contains(u"user-10"));
    QCOMPARE(m_source->calls, QStringList{QStringLiteral("disconnectUser user-10")});
}

void tst_AdminWindow::broadcastThroughComposer()
{
    push(makeSnapshot(10));
    QStringList offered;
    m_window->actions()->setCompose(
        [&](const QStringList &known, const QString &) -> std::optional<BroadcastRequest> {
            offered = known;
            return BroadcastRequest{QStringLiteral("chat:lobby"),
                                    QVariantMap{{QStringLiteral("text"), QStringLiteral("hi")}}};
        });
    m_window->actions()->broadcast->trigger();
    QCOMPARE(offered, QStringList{QStringLiteral("chat:lobby")});
    QCOMPARE(m_source->calls, QStringList{QStringLiteral("broadcast chat:lobby hi")});
    m_window->actions()->setCompose([](const QStringList &, const QString &) {
        return std::optional<BroadcastRequest>(); // cancelled
    });
    m_window->actions()->broadcast->trigger();
    QCOMPARE(m_source->calls.size(), 1);
}

void tst_AdminWindow::composerRefusesNonObjects()
{
    BroadcastDialog dialog({QStringLiteral("chat:lobby")}, QStringLiteral("chat:lobby"));
    QVERIFY(dialog.isComplete()); // the template is a valid object
    dialog.messageEdit()->setPlainText(QStringLiteral("[1, 2]"));
    QVERIFY(!dialog.isComplete());
    dialog.messageEdit()->setPlainText(QStringLiteral("{\"text\": "));
    QVERIFY(!dialog.isComplete());
    dialog.messageEdit()->setPlainText(QStringLiteral("{\"text\": \"ok\"}"));
    QVERIFY(dialog.isComplete());
    QCOMPARE(dialog.message().toMap().value(QStringLiteral("text")).toString(),
             QStringLiteral("ok"));
    dialog.topicBox()->setCurrentText(QString());
    QVERIFY(!dialog.isComplete());
}

void tst_AdminWindow::drainAndDecline()
{
    push(makeSnapshot(10));
    QAction *drain = m_window->actions()->drain;
    m_answer = false;
    drain->trigger();
    QVERIFY(!drain->isChecked()); // declined: still shows the server's state
    QVERIFY(m_source->calls.isEmpty());
    m_answer = true;
    drain->trigger();
    QCOMPARE(m_source->calls, QStringList{QStringLiteral("setDraining 1")});
    liveview::MonitorSnapshot draining = makeSnapshot(10, 1);
    draining.server.draining = true;
    push(draining);
    QVERIFY(drain->isChecked());
    QCOMPARE(m_window->serverStatus()->stateLabel()->text(), QStringLiteral("draining"));
    QCOMPARE(m_source->calls.size(), 1); // reflecting the state sent nothing back
}

void tst_AdminWindow::startAndStopServer()
{
    push(makeSnapshot(10));
    AdminActions *a = m_window->actions();
    QVERIFY(a->stopServer->isEnabled());
    QVERIFY(!a->startServer->isEnabled());
    a->stopServer->trigger();
    QCOMPARE(m_questions.size(), 1);
    liveview::MonitorSnapshot stopped = makeSnapshot(0, 1);
    stopped.server.running = false;
    push(stopped);
    QVERIFY(a->startServer->isEnabled());
    QVERIFY(!a->stopServer->isEnabled());
    QVERIFY(!a->broadcast->isEnabled());
    a->startServer->trigger();
    QCOMPARE(m_source->calls, (QStringList{QStringLiteral("setServerRunning 0"),
                                           QStringLiteral("setServerRunning 1")}));
    QCOMPARE(m_window->serverStatus()->stateLabel()->text(), QStringLiteral("stopped"));
}

void tst_AdminWindow::statusUrlOpensDashboard()
{
    push(makeSnapshot(1));
    emit m_window->serverStatus()->urlLabel()->linkActivated(QStringLiteral("x"));
    QCOMPARE(m_source->calls, QStringList{QStringLiteral("open http://127.0.0.1:4000")});
}

void tst_AdminWindow::readOnlySwitchDisablesEveryAction()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    push(makeSnapshot(20));
    selectSession(3);
    m_window->sessionsPanel()->view()->setFocus();
    AdminActions *a = m_window->actions();
    const QList<QAction *> changing{a->disconnectSession, a->disconnectUser, a->broadcast, a->drain,
                                    a->stopServer};
    for (QAction *action : changing)
        QVERIFY2(action->isEnabled(), qPrintable(action->objectName()));
    a->readOnly->trigger();
    for (QAction *action : changing)
        QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
    // Even a shortcut reaching a disabled action changes nothing; the palette omits them.
    QTest::keyClick(m_window->sessionsPanel()->view(), Qt::Key_Delete);
    QVERIFY(m_source->calls.isEmpty());
    push(makeSnapshot(20, 1));
    QVERIFY(m_window->serverStatus()->stateLabel()->text().contains(u"read-only"));
    a->readOnly->trigger();
    QVERIFY(a->disconnectSession->isEnabled());
    QTest::keyClick(m_window->sessionsPanel()->view(), Qt::Key_Delete);
    QCOMPARE(m_source->calls, QStringList{QStringLiteral("disconnectSession 3")});
}

void tst_AdminWindow::readOnlyServerForcesTheSwitch()
{
    liveview::MonitorSnapshot snapshot = makeSnapshot(5);
    snapshot.server.readOnly = true;
    push(snapshot);
    QVERIFY(m_window->actions()->readOnly->isChecked());
    QVERIFY(!m_window->actions()->readOnly->isEnabled());
    QVERIFY(!m_window->actions()->broadcast->isEnabled());
}

void tst_AdminWindow::sessionFilter()
{
    push(makeSnapshot(300));
    QTest::keyClicks(m_window->sessionsPanel()->filterEdit(), QStringLiteral("10.0.0.42"));
    QCOMPARE(m_window->sessionsPanel()->view()->model()->rowCount(), 1);
    m_window->sessionsPanel()->filterEdit()->clear();
    QCOMPARE(m_window->sessionsPanel()->view()->model()->rowCount(), 300);
    m_window->topicsPanel()->filterEdit()->setText(QStringLiteral("nothing-like-it"));
    QCOMPARE(m_window->topicsPanel()->view()->model()->rowCount(), 0);
    m_window->presencePanel()->filterEdit()->setText(QStringLiteral("bob"));
    QCOMPARE(m_window->presencePanel()->view()->model()->rowCount(), 1); // "online" keeps bob
}

void tst_AdminWindow::logFiltersAndCopy()
{
    QList<liveview::LogEntry> entries;
    for (quint64 i = 1; i <= 6; ++i) {
        liveview::LogEntry e;
        e.seq = i;
        e.time = baseTime();
        e.level = i % 3 == 0 ? liveview::LogLevel::Warning : liveview::LogLevel::Info;
        e.category = QStringLiteral("lifecycle");
        e.message = QStringLiteral("line %1").arg(i);
        e.sessionId = i % 2 == 0 ? 42 : 0;
        entries.append(e);
    }
    emit m_source->logReceived(entries);
    LogPanel *log = m_window->logPanel();
    QCOMPARE(log->view()->model()->rowCount(), 6);
    log->levelBox()->setCurrentIndex(2); // warnings and above
    QCOMPARE(log->view()->model()->rowCount(), 2);
    log->levelBox()->setCurrentIndex(0);
    push(makeSnapshot(50));
    selectSession(42);
    log->sessionOnlyBox()->setChecked(true);
    QCOMPARE(log->view()->model()->rowCount(), 3);
    log->textEdit()->setText(QStringLiteral("line 4"));
    QCOMPARE(log->view()->model()->rowCount(), 1);
    log->copyLines();
    const QString copied = QApplication::clipboard()->text();
    QVERIFY2(copied.contains(u"[42] line 4") && !copied.contains(u"line 2"), qPrintable(copied));
    // Pausing stops the view from jumping to new lines.
    log->textEdit()->clear();
    log->sessionOnlyBox()->setChecked(false);
    QVERIFY(log->followBox()->isChecked());
}

void tst_AdminWindow::liveUpdatesKeepSelectionAndScroll()
{
    m_window->resize(1200, 700);
    push(makeSnapshot(2000));
    QTreeView *view = m_window->sessionsPanel()->view();
    view->sortByColumn(SessionsModel::Id, Qt::AscendingOrder);
    selectSession(1500);
    QApplication::processEvents();
    const int scroll = view->verticalScrollBar()->value();
    QVERIFY(scroll > 0);
    for (int tick = 1; tick <= 5; ++tick) {
        // Sessions after the selected one leave and arrive; the ones before it stay.
        liveview::MonitorSnapshot next = makeSnapshot(1800 + tick * 50, tick);
        push(next);
        QApplication::processEvents();
        QCOMPARE(m_window->sessionsPanel()->currentSessionId(), 1500u);
        QCOMPARE(view->verticalScrollBar()->value(), scroll);
    }
}

void tst_AdminWindow::layoutAndThemePersist()
{
    dock(QStringLiteral("logDock"))->hide();
    m_window->setTheme(Theme::Dark);
    m_window->close();
    m_window.reset();
    QCOMPARE(QApplication::palette().color(QPalette::Window),
             ThemeController::darkPalette().color(QPalette::Window));

    openWindow();
    QVERIFY(dock(QStringLiteral("logDock"))->isHidden());
    QVERIFY(dock(QStringLiteral("serverDock"))->isVisible());
    QCOMPARE(m_window->theme(), Theme::Dark);
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("actionTheme_dark"))->isChecked());
    m_window->setTheme(Theme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 150);
    m_window->setTheme(Theme::System);
    m_window->saveSettings();
    QCOMPARE(m_settings->value(QStringLiteral("window/theme")).toString(),
             QStringLiteral("system"));
}

void tst_AdminWindow::olderLayoutVersionIgnored()
{
    dock(QStringLiteral("logDock"))->hide();
    m_window->saveSettings();
    m_window.reset();
    m_settings->setValue(QStringLiteral("window/layoutVersion"), AdminWindow::LayoutVersion - 1);
    openWindow();
    QVERIFY(dock(QStringLiteral("logDock"))->isVisible());
}

void tst_AdminWindow::resetLayoutShowsEveryDock()
{
    for (QDockWidget *d : m_window->docks())
        d->hide();
    m_window->findChild<QAction *>(QStringLiteral("actionResetLayout"))->trigger();
    for (QDockWidget *d : m_window->docks())
        QVERIFY2(!d->isHidden(), qPrintable(d->objectName()));
    QCOMPARE(m_window->dockWidgetArea(dock(QStringLiteral("logDock"))), Qt::BottomDockWidgetArea);
}

void tst_AdminWindow::noTrayPath()
{
    QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable()); // offscreen has none
    QVERIFY(!m_window->trayIcon());
    QAction *closeToTray = m_window->findChild<QAction *>(QStringLiteral("actionCloseToTray"));
    QVERIFY(!closeToTray->isEnabled());
    m_window->setClosesToTray(true);
    QVERIFY(!m_window->closesToTray()); // nobody loses the window
    QVERIFY(m_window->close());
    QVERIFY(!m_window->isVisible());
}

void tst_AdminWindow::commandPaletteFindsSessionsAndActions()
{
    push(makeSnapshot(500));
    CommandPalette *palette = m_window->openCommandPalette();
    QTest::keyClicks(palette->input(), QStringLiteral("user-5 chat 10.0.1"));
    QVERIFY(palette->list()->count() >= 1);
    QVERIFY(palette->list()->count() <= CommandPalette::MaximumShown);
    QVERIFY(palette->list()->item(0)->text().startsWith(u"Session: "));
    const quint64 id = palette->list()->item(0)->text().section(u' ', 1, 1).toULongLong();
    QTest::keyClick(palette->input(), Qt::Key_Return);
    QCOMPARE(m_window->sessionsPanel()->currentSessionId(), id);

    palette = m_window->openCommandPalette();
    QTest::keyClicks(palette->input(), QStringLiteral("drain"));
    QCOMPARE(palette->list()->count(), 1);
    QTest::keyClick(palette->input(), Qt::Key_Return);
    QCOMPARE(m_source->calls, QStringList{QStringLiteral("setDraining 1")});

    palette = m_window->openCommandPalette();
    QTest::keyClicks(palette->input(), QStringLiteral("lobby"));
    QCOMPARE(palette->list()->item(0)->text(), QStringLiteral("Topic: chat:lobby"));
    palette->activate(0);
    QCOMPARE(m_window->topicsPanel()->currentName(), QStringLiteral("chat:lobby"));

    m_window->actions()->readOnly->trigger();
    palette = m_window->openCommandPalette();
    QTest::keyClicks(palette->input(), QStringLiteral("disconnect"));
    QCOMPARE(palette->list()->count(), 0); // read-only: nothing to disconnect with
}

QTEST_MAIN(tst_AdminWindow)
#include "tst_adminwindow.moc"
