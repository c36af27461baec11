// livedeck --config FILE: the INI file supplies options, the command line wins, and a wrong file
// stops the program with a message naming the file and the key (exit status 2).
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

class tst_AppConfig : public QObject
{
    Q_OBJECT
    const QString binary = QStringLiteral(LIVEDECK_BINARY);
    QTemporaryDir dir;

    QString writeConfig(const QString &name, const QByteArray &text)
    {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) < 0)
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    // Starts the server, waits for its URL, stops it with SIGTERM; false if it never listened.
    bool serveOnce(const QStringList &args, QByteArray *output)
    {
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(binary, args);
        bool listening = false;
        while (!listening && server.waitForReadyRead(10000)) {
            output->append(server.readAll());
            listening = output->contains("LiveDeck listening on http://127.0.0.1:");
        }
        if (server.state() == QProcess::Running)
            ::kill(pid_t(server.processId()), SIGTERM);
        server.waitForFinished(10000);
        output->append(server.readAll());
        return listening && server.exitStatus() == QProcess::NormalExit && server.exitCode() == 0;
    }

private slots:
    void servesWithTheFilesOptions()
    {
        const QString data = dir.filePath(QStringLiteral("from-file"));
        const QString config = writeConfig(QStringLiteral("serve.conf"),
                                           "# settings\nport = 0\nbind = 127.0.0.1\nthreads = 1\n"
                                           "allow-origin = http://a.example, http://b.example\n"
                                           "redis =\ndata-dir = " +
                                               data.toUtf8() + "\n");
        QByteArray output;
        QVERIFY2(serveOnce({"--headless", "--config", config}, &output), output.constData());
        QVERIFY(output.contains("with 1 event-loop threads"));
        QVERIFY(QFile::exists(data + "/secret.key"));
    }

    void commandLineWinsOverTheFile()
    {
        // The file's port is invalid and its data directory unused: both are overridden.
        const QString fileData = dir.filePath(QStringLiteral("file-data"));
        const QString cliData = dir.filePath(QStringLiteral("cli-data"));
        const QString config = writeConfig(QStringLiteral("override.conf"),
                                           "port = 99999\ndata-dir = " + fileData.toUtf8() + "\n");
        QByteArray output;
        QVERIFY2(serveOnce({"--headless", "--config", config, "--port", "0", "--data-dir", cliData},
                           &output),
                 output.constData());
        QVERIFY(QFile::exists(cliData + "/secret.key"));
        QVERIFY(!QFile::exists(fileData));
    }

    void packagedConfigurationServes()
    {
        // The file the service package installs as /etc/livedeck/livedeck.conf, as the unit runs
        // it (the unit adds --data-dir; --port 0 so the test never collides with a real server).
        QByteArray output;
        QVERIFY2(serveOnce({"--headless", "--config", QStringLiteral(LIVEDECK_PACKAGED_CONFIG),
                            "--port", "0", "--data-dir", dir.filePath(QStringLiteral("packaged"))},
                           &output),
                 output.constData());
    }

    void wrongFileIsAnError_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << QByteArray("prot = 4000\n") << "unknown key 'prot'";
        QTest::newRow("port out of range")
            << QByteArray("port = 99999\n") << "port in %1 expects a number from 0 to 65535";
        QTest::newRow("threads not a number")
            << QByteArray("threads = many\n") << "threads in %1 expects a number";
        QTest::newRow("bind not an address")
            << QByteArray("bind = localhost\n") << "bind in %1 expects an IP address";
        QTest::newRow("flag not a boolean")
            << QByteArray("read-only = maybe\n") << "'read-only' expects true or false";
        QTest::newRow("redis not a redis url")
            << QByteArray("redis = http://cache:6379\n") << "redis in %1 expects redis://";
        QTest::newRow("a section")
            << QByteArray("[server]\nport = 4000\n") << "unexpected section [server]";
    }
    void wrongFileIsAnError()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const QString config = writeConfig(QStringLiteral("wrong.conf"), text);
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        // No --port here: it would win over the file's and hide a wrong one.
        p.start(binary, {"--headless", "--config", config, "--data-dir",
                         dir.filePath(QStringLiteral("never"))});
        QVERIFY(p.waitForFinished(10000));
        const QString out = QString::fromUtf8(p.readAll());
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(out.contains(config), qPrintable(out));
        QVERIFY2(out.contains(message.contains(u"%1") ? message.arg(config) : message),
                 qPrintable(out));
    }

    void missingFileIsAnError()
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(binary, {"--headless", "--config", dir.filePath(QStringLiteral("absent.conf"))});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAll().contains("cannot read config file"));
    }
};

QTEST_GUILESS_MAIN(tst_AppConfig)
#include "tst_app_config.moc"
