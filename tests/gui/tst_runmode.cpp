// The livedeck program chooses the admin window where a display exists and headless otherwise,
// and its first line says which; `livedeck admin` answers without a display.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

class tst_RunMode : public QObject
{
    Q_OBJECT
    const QString binary = QStringLiteral(LIVEDECK_BINARY);

    // The environment without any display, plus `set`.
    static QProcessEnvironment environment(const QStringList &set)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QLatin1String(name));
        for (const QString &assignment : set)
            env.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
        env.insert(QStringLiteral("QT_NO_GLIB"), QStringLiteral("1"));
        return env;
    }

private slots:
    void serverModes_data();
    void serverModes();
    void adminWithoutDisplay_data();
    void adminWithoutDisplay();
};

void tst_RunMode::serverModes_data()
{
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("firstLine");

    QTest::newRow("a platform: the window")
        << QStringList{"QT_QPA_PLATFORM=offscreen"} << QStringList{}
        << QStringLiteral("LiveDeck runs with the admin window (QT_QPA_PLATFORM=offscreen)");
    QTest::newRow("no display: headless")
        << QStringList{} << QStringList{}
        << QStringLiteral("LiveDeck runs headless (no display: DISPLAY, WAYLAND_DISPLAY and "
                          "QT_QPA_PLATFORM are unset)");
    QTest::newRow("--headless wins over a display")
        << QStringList{"QT_QPA_PLATFORM=offscreen"} << QStringList{"--headless"}
        << QStringLiteral("LiveDeck runs headless (--headless)");
}

void tst_RunMode::serverModes()
{
    QFETCH(QStringList, env);
    QFETCH(QStringList, args);
    QFETCH(QString, firstLine);
    QTemporaryDir data;
    QProcess server;
    server.setProcessEnvironment(environment(env));
    server.start(binary, args + QStringList{"--port", "0", "--data-dir", data.path()});
    QVERIFY(server.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += server.readAllStandardOutput()).contains("listening on"),
                             20000);
    QCOMPARE(QString::fromUtf8(out.left(out.indexOf('\n'))), firstLine);
    ::kill(pid_t(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(15000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
}

void tst_RunMode::adminWithoutDisplay_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");

    QTest::newRow("help") << QStringList{"admin", "--help"} << 0
                          << QStringLiteral("Usage: livedeck admin");
    QTest::newRow("needs a display")
        << QStringList{"admin", "--connect", "http://127.0.0.1:4000", "--token-value", "t"} << 2
        << QStringLiteral("the admin window needs a display");
    QTest::newRow("needs --connect")
        << QStringList{"admin"} << 2 << QStringLiteral("--connect URL is required");
    QTest::newRow("not a URL") << QStringList{"admin", "--connect", "127.0.0.1"} << 2
                               << QStringLiteral("--connect expects http://host:port");
}

void tst_RunMode::adminWithoutDisplay()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    QProcess admin;
    admin.setProcessEnvironment(environment({}));
    admin.setProcessChannelMode(QProcess::MergedChannels);
    admin.start(binary, args);
    QVERIFY(admin.waitForFinished(15000));
    QCOMPARE(admin.exitStatus(), QProcess::NormalExit); // no abort in Qt's platform plugin
    QCOMPARE(admin.exitCode(), exitCode);
    const QString out = QString::fromUtf8(admin.readAll());
    QVERIFY2(out.contains(says), qPrintable(out));
}

QTEST_GUILESS_MAIN(tst_RunMode)
#include "tst_runmode.moc"
