// The remote data source against a real server's admin API: snapshots and the log arrive with
// the right token, a wrong token is reported as unreachable, refused actions say why.
#include <remote_source.h>

#include <examples/examples.h>
#include <liveview/endpoint.h>
#include <liveview/monitor.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace livedeck::admin;

class tst_RemoteSource : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<liveview::Endpoint> m_endpoint;

private slots:
    void initTestCase();
    void cleanupTestCase();
    void snapshotsAndLogWithToken();
    void wrongTokenIsUnreachable();
    void actionsAreAnswered();
    void cannotStartOrStopARemoteServer();
    void forgottenSessionIsAnswered();
};

void tst_RemoteSource::initTestCase()
{
    auto router = std::make_shared<liveview::Router>();
    livedeck::examples::registerExamples(*router);
    liveview::EndpointOptions options;
    options.port = 0;
    options.dataDirectory = m_dir.path();
    options.workerThreads = 1;
    m_endpoint = std::make_unique<liveview::Endpoint>(router, options);
    QString error;
    QVERIFY2(m_endpoint->start(&error), qPrintable(error));
    QVERIFY(!m_endpoint->adminToken().isEmpty());
}

void tst_RemoteSource::cleanupTestCase()
{
    if (m_endpoint)
        m_endpoint->stop();
}

void tst_RemoteSource::snapshotsAndLogWithToken()
{
    liveview::Monitor::instance()->appendLog(liveview::LogLevel::Warning, QStringLiteral("admin"),
                                             QStringLiteral("remote source test line"));
    RemoteSource source(m_endpoint->url(), m_endpoint->adminToken(),
                        std::chrono::milliseconds(100));
    QSignalSpy snapshots(&source, &AdminDataSource::snapshotReady);
    QSignalSpy logs(&source, &AdminDataSource::logReceived);
    QSignalSpy unreachable(&source, &AdminDataSource::reachabilityChanged);
    QVERIFY(snapshots.wait(10000));
    const auto snapshot = snapshots.first().first().value<liveview::MonitorSnapshot>();
    QCOMPARE(snapshot.server.listenUrl, m_endpoint->url().toString());
    QVERIFY(snapshot.server.running);
    QTRY_VERIFY_WITH_TIMEOUT(!logs.isEmpty(), 10000);
    bool found = false;
    for (const QList<QVariant> &signal : std::as_const(logs))
        for (const liveview::LogEntry &e : signal.first().value<QList<liveview::LogEntry>>())
            found = found || e.message == u"remote source test line";
    QVERIFY(found);
    QCOMPARE(unreachable.count(), 0);
    // Later polls ask only for newer lines: the same line never arrives twice.
    const qsizetype before = logs.size();
    QVERIFY(snapshots.wait(10000));
    for (qsizetype i = before; i < logs.size(); ++i)
        for (const liveview::LogEntry &e : logs.at(i).first().value<QList<liveview::LogEntry>>())
            QVERIFY(e.message != u"remote source test line");
}

void tst_RemoteSource::wrongTokenIsUnreachable()
{
    RemoteSource source(m_endpoint->url(), "not-the-token", std::chrono::milliseconds(100));
    QSignalSpy reachability(&source, &AdminDataSource::reachabilityChanged);
    QSignalSpy snapshots(&source, &AdminDataSource::snapshotReady);
    QVERIFY(reachability.wait(10000));
    QCOMPARE(reachability.first().at(0).toBool(), false);
    QVERIFY(!reachability.first().at(1).toString().isEmpty());
    QCOMPARE(snapshots.count(), 0);
}

void tst_RemoteSource::actionsAreAnswered()
{
    RemoteSource source(m_endpoint->url(), m_endpoint->adminToken(),
                        std::chrono::milliseconds(1000));
    QSignalSpy answers(&source, &AdminDataSource::actionFinished);
    source.disconnectSession(987654321); // nobody: the server says so
    QVERIFY(answers.wait(10000));
    QCOMPARE(answers.first().at(1).toBool(), false);
    QVERIFY(!answers.first().at(2).toString().isEmpty());
    source.broadcast(QStringLiteral("admin-test"), QVariantMap{{QStringLiteral("text"), "hi"}});
    QVERIFY(answers.wait(10000));
    QCOMPARE(answers.at(1).at(1).toBool(), true);
}

void tst_RemoteSource::cannotStartOrStopARemoteServer()
{
    RemoteSource source(m_endpoint->url(), m_endpoint->adminToken());
    QVERIFY(!source.canControlServer());
    liveview::ServerInfo elsewhere;
    elsewhere.listenUrl = QStringLiteral("http://127.0.0.1:9"); // as the server sees itself
    QCOMPARE(source.dashboardUrl(elsewhere), m_endpoint->url());
    QSignalSpy answers(&source, &AdminDataSource::actionFinished);
    source.setServerRunning(false);
    QCOMPARE(answers.count(), 1);
    QCOMPARE(answers.first().at(1).toBool(), false);
}

void tst_RemoteSource::forgottenSessionIsAnswered()
{
    RemoteSource source(m_endpoint->url(), m_endpoint->adminToken(),
                        std::chrono::milliseconds(1000));
    QSignalSpy details(&source, &AdminDataSource::sessionDetailReady);
    source.requestSessionDetail(987654321);
    QVERIFY(details.wait(10000));
    const auto info = details.first().first().value<liveview::SessionInfo>();
    QCOMPARE(info.id, 987654321u); // the panel waiting for it recognises the answer
    QCOMPARE(info.state, liveview::SessionState::Left);
    QVERIFY(!info.endReason.isEmpty());
}

QTEST_MAIN(tst_RemoteSource)
#include "tst_remotesource.moc"
