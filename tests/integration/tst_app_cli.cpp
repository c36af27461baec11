// The livedeck program itself: --help, --version, bad options, serving, and a clean SIGTERM.
#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

class tst_AppCli : public QObject
{
    Q_OBJECT
    const QString binary = QStringLiteral(LIVEDECK_BINARY);

    static QByteArray run(const QString &program, const QStringList &args, int *exitCode)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        p.waitForFinished(10000);
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return p.readAll();
    }

private slots:
    void help()
    {
        int code = 0;
        const QByteArray out = run(binary, {"--help"}, &code);
        QCOMPARE(code, 0);
        for (const char *option : {"--headless", "--port", "--bind", "--data-dir", "--version"})
            QVERIFY2(out.contains(option), option);
    }

    void version()
    {
        int code = 0;
        const QByteArray out = run(binary, {"--version"}, &code);
        QCOMPARE(code, 0);
        QVERIFY(QRegularExpression("livedeck \\d+\\.\\d+\\.\\d+")
                    .match(QString::fromUtf8(out))
                    .hasMatch());
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("port out of range") << QStringList{"--headless", "--port", "70000"};
        QTest::newRow("port not a number") << QStringList{"--headless", "--port", "http"};
        QTest::newRow("bind not an address") << QStringList{"--headless", "--bind", "localhost:1"};
        QTest::newRow("stray argument") << QStringList{"--headless", "serve"};
    }
    void badOptions()
    {
        QFETCH(QStringList, args);
        int code = 0;
        const QByteArray out = run(binary, args, &code);
        QCOMPARE(code, 2);
        QVERIFY(out.contains("livedeck:"));
    }

    void servesAndStopsCleanlyOnSigterm()
    {
        QTemporaryDir data;
        QProcess server;
        server.start(binary, {"--headless", "--port", "0", "--bind", "127.0.0.1", "--data-dir",
                              data.path() + "/d"});
        QVERIFY(server.waitForStarted());
        QString url;
        while (url.isEmpty() && server.waitForReadyRead(10000)) {
            const auto m = QRegularExpression("LiveDeck listening on (http://\\S+)")
                               .match(QString::fromUtf8(server.readAllStandardOutput()));
            if (m.hasMatch())
                url = m.captured(1);
        }
        QVERIFY2(!url.isEmpty(), "no 'LiveDeck listening on' line");
        QVERIFY(
            QFile::exists(data.path() + "/d/secret.key")); // --data-dir holds what LiveDeck writes

        QNetworkAccessManager http;
        QNetworkReply *reply = http.get(QNetworkRequest(QUrl(url + "/examples/counter")));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        delete reply;

        ::kill(pid_t(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
    }

    void portInUseIsAClearError()
    {
        QTemporaryDir data;
        QProcess first;
        first.start(binary, {"--headless", "--port", "0", "--data-dir", data.path()});
        QVERIFY(first.waitForReadyRead(10000));
        const QString port = QRegularExpression(":(\\d+)")
                                 .match(QString::fromUtf8(first.readAllStandardOutput()))
                                 .captured(1);
        int code = 0;
        // A second server must not silently share the port (as SO_REUSEPORT would allow).
        const QByteArray out =
            run(binary, {"--headless", "--port", port, "--data-dir", data.path()}, &code);
        first.terminate();
        first.waitForFinished(10000);
        QCOMPARE(code, 1);
        QVERIFY(out.contains("cannot listen"));
    }
};

QTEST_GUILESS_MAIN(tst_AppCli)
#include "tst_app_cli.moc"
