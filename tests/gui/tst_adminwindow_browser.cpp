// The admin window on a real server with real Chromium pages: the sessions table follows pages
// that connect and leave, and "Disconnect session" in the window makes that page reconnect by
// itself. The server and the window run in this process (as `livedeck` runs them); Chromium is
// driven by tests/e2e/drivers/admin-window-pages.js.
#include <admin_actions.h>
#include <admin_window.h>
#include <in_process_source.h>
#include <sessions_model.h>
#include <sessions_panel.h>

#include <examples/examples.h>
#include <liveview/endpoint.h>
#include <liveview/monitor.h>

#include <QAction>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace livedeck::admin;

class tst_AdminWindowBrowser : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<liveview::Endpoint> m_endpoint;
    std::unique_ptr<InProcessSource> m_source;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<AdminWindow> m_window;
    QProcess m_driver;
    QList<QJsonObject> m_answers;
    QByteArray m_pending;

    int rowsIn(liveview::SessionState state) const
    {
        int count = 0;
        for (const SessionRow &row : m_window->sessionsModel()->rows())
            count += row.info.state == state ? 1 : 0;
        return count;
    }
    // Sends a command and waits for the answer carrying `key`.
    QJsonObject ask(const QByteArray &command, const QString &key)
    {
        m_answers.clear();
        m_driver.write(command + '\n');
        const auto answered = [&] {
            for (const QJsonObject &a : std::as_const(m_answers))
                if (a.contains(key) || a.contains(u"error"))
                    return true;
            return false;
        };
        if (!QTest::qWaitFor(answered, 60000))
            return {{"error", QStringLiteral("no answer to ") + QString::fromUtf8(command)}};
        for (const QJsonObject &a : std::as_const(m_answers))
            if (a.contains(key) || a.contains(u"error"))
                return a;
        return {};
    }

private slots:
    void initTestCase();
    void cleanupTestCase();
    void tableFollowsPagesAndDisconnectReconnects();
};

void tst_AdminWindowBrowser::initTestCase()
{
    const QString driver =
        QStringLiteral(LIVEDECK_SOURCE_DIR "/tests/e2e/drivers/admin-window-pages.js");
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty() || !QFileInfo::exists(QStringLiteral("/usr/bin/chromium")) ||
        !QFileInfo::exists(QStringLiteral(LIVEDECK_SOURCE_DIR "/tests/e2e/node_modules")))
        QSKIP("needs node, /usr/bin/chromium and tests/e2e/node_modules (npm ci)");

    auto router = std::make_shared<liveview::Router>();
    livedeck::examples::registerExamples(*router);
    liveview::EndpointOptions options;
    options.port = 0;
    options.dataDirectory = m_dir.path();
    options.workerThreads = 1;
    // LiveDeck's pages, as the program serves them (its layout, app.js, app.css).
    options.templateRoots = {QStringLiteral(":/livedeck/templates")};
    options.assetRoots = {QStringLiteral(":/livedeck/assets")};
    m_endpoint = std::make_unique<liveview::Endpoint>(router, options);
    QString error;
    QVERIFY2(m_endpoint->start(&error), qPrintable(error));

    m_source = std::make_unique<InProcessSource>(
        [this](bool run, QString *why) {
            if (run)
                return m_endpoint->start(why);
            m_endpoint->stop();
            return true;
        },
        std::chrono::milliseconds(200));
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("admin.ini")),
                                             QSettings::IniFormat);
    m_window = std::make_unique<AdminWindow>(m_source.get(), m_settings.get());
    m_window->actions()->setConfirm([](const QString &) { return true; });
    m_window->show();

    connect(&m_driver, &QProcess::readyReadStandardOutput, this, [this] {
        m_pending += m_driver.readAllStandardOutput();
        qsizetype newline;
        while ((newline = m_pending.indexOf('\n')) >= 0) {
            m_answers.append(QJsonDocument::fromJson(m_pending.left(newline)).object());
            m_pending.remove(0, newline + 1);
        }
    });
    m_driver.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_driver.start(node, {driver, m_endpoint->url().toString()});
    QVERIFY(m_driver.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(!m_answers.isEmpty(), 30000);
    QCOMPARE(m_answers.first().value(u"ready").toBool(), true);
}

void tst_AdminWindowBrowser::cleanupTestCase()
{
    if (m_driver.state() != QProcess::NotRunning) {
        m_driver.write("quit\n");
        m_driver.closeWriteChannel();
        if (!m_driver.waitForFinished(20000)) {
            m_driver.kill();
            m_driver.waitForFinished(5000);
        }
    }
    m_window.reset();
    m_source.reset();
    if (m_endpoint)
        m_endpoint->stop();
}

void tst_AdminWindowBrowser::tableFollowsPagesAndDisconnectReconnects()
{
    QJsonObject a = ask("open 3", QStringLiteral("opened"));
    QCOMPARE(a.value(u"opened").toInt(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(rowsIn(liveview::SessionState::Joined), 3, 15000);
    for (const SessionRow &row : m_window->sessionsModel()->rows())
        QCOMPARE(row.info.route, QStringLiteral("/examples/counter"));

    a = ask("close 0", QStringLiteral("closed"));
    QCOMPARE(a.value(u"closed").toInt(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(rowsIn(liveview::SessionState::Joined), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(rowsIn(liveview::SessionState::Left), 1, 15000);

    // Disconnect one joined page from the window: its browser reconnects as a new session.
    QCOMPARE(ask("watch", QStringLiteral("watching")).value(u"watching").toBool(), true);
    quint64 target = 0;
    for (const SessionRow &row : m_window->sessionsModel()->rows())
        if (row.info.state == liveview::SessionState::Joined)
            target = row.info.id;
    QVERIFY(m_window->sessionsPanel()->selectSession(target));
    QAction *disconnect = m_window->actions()->disconnectSession;
    QVERIFY(disconnect->isEnabled());
    disconnect->trigger();
    a = ask("await-reconnect", QStringLiteral("reconnected"));
    QVERIFY2(a.contains(u"reconnected"), qPrintable(QJsonDocument(a).toJson()));
    QCOMPARE(a.value(u"sameDocument").toBool(), true); // the client reconnected, no reload
    QTRY_COMPARE_WITH_TIMEOUT(rowsIn(liveview::SessionState::Joined), 2, 15000);
    // The disconnected session stays in the table, marked as left.
    const auto stateOf = [this](quint64 id) {
        const int row = m_window->sessionsModel()->rowOfSession(id);
        return row < 0 ? liveview::SessionState::Joined
                       : m_window->sessionsModel()->rowAt(row).info.state;
    };
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(target), liveview::SessionState::Left, 15000);
}

QTEST_MAIN(tst_AdminWindowBrowser)
#include "tst_adminwindow_browser.moc"
