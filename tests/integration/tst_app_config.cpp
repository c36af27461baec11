// livedeck --config FILE: the INI file supplies options, the command line wins, and a wrong file
// stops the program with a message naming the file and the key (exit status 2).
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <functional>

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

    // Starts the server, waits for its URL, runs `whileServing` with it, stops it with SIGTERM;
    // false if it never listened or did not exit cleanly.
    bool serveOnce(const QStringList &args, QByteArray *output,
                   const std::function<void(const QString &url)> &whileServing = {})
    {
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(binary, args);
        QString url;
        while (url.isEmpty() && server.waitForReadyRead(10000)) {
            output->append(server.readAll());
            url = QRegularExpression("LiveDeck listening on (http://127.0.0.1:\\d+)")
                      .match(QString::fromUtf8(*output))
                      .captured(1);
        }
        if (!url.isEmpty() && whileServing)
            whileServing(url);
        if (server.state() == QProcess::Running)
            ::kill(pid_t(server.processId()), SIGTERM);
        server.waitForFinished(10000);
        output->append(server.readAll());
        return !url.isEmpty() && server.exitStatus() == QProcess::NormalExit &&
               server.exitCode() == 0;
    }

    static int httpStatus(const QString &url)
    {
        QNetworkAccessManager http;
        QNetworkReply *reply = http.get(QNetworkRequest(QUrl(url)));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(10000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        delete reply;
        return status;
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

    // The operator's switches (issue 12's --metrics and friends) read the file like the rest.
    void operatorOptionsFromTheFile_data()
    {
        QTest::addColumn<QByteArray>("metrics");
        QTest::addColumn<int>("status");
        QTest::newRow("metrics = true") << QByteArray("true") << 200;
        QTest::newRow("metrics = false") << QByteArray("false") << 404;
    }
    void operatorOptionsFromTheFile()
    {
        QFETCH(QByteArray, metrics);
        QFETCH(int, status);
        const QString config = writeConfig(
            QStringLiteral("metrics.conf"),
            "port = 0\nmetrics = " + metrics + "\nmetrics-allow =\nread-only = true\ndata-dir = " +
                dir.filePath(QStringLiteral("metrics")).toUtf8() + "\n");
        QByteArray output;
        int got = 0;
        QVERIFY2(serveOnce({"--headless", "--config", config}, &output,
                           [&](const QString &url) { got = httpStatus(url + "/metrics"); }),
                 output.constData());
        QCOMPARE(got, status);
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
