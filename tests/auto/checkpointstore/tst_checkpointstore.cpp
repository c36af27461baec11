// The checkpoint repository: save replaces, load honours expiry, purge and remove delete.
#include "store/checkpoint_store.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace liveview::internal;

class tst_CheckpointStore : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;

private slots:
    void saveLoadReplaceRemove()
    {
        QString error;
        auto store = CheckpointStore::open(dir.filePath("a.sqlite"), &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(!store->load("phx-1"));
        QVERIFY(store->save("phx-1", {"sid", "/counter", 1, R"({"count":1})"}));
        QVERIFY(store->save("phx-1", {"sid", "/counter", 2, R"({"count":2})"}));
        const auto loaded = store->load("phx-1");
        QVERIFY(loaded);
        QCOMPARE(loaded->sessionId, QStringLiteral("sid"));
        QCOMPARE(loaded->route, QStringLiteral("/counter"));
        QCOMPARE(loaded->version, 2);
        QCOMPARE(loaded->state, QByteArray(R"({"count":2})"));
        store->remove("phx-1");
        QVERIFY(!store->load("phx-1"));
    }

    void expiry_data()
    {
        QTest::addColumn<qint64>("lifetimeSeconds");
        QTest::addColumn<bool>("usable");
        QTest::addColumn<int>("purged");
        QTest::newRow("alive") << qint64(3600) << true << 0;
        QTest::newRow("expired at once") << qint64(0) << false << 1;
        QTest::newRow("expired long ago") << qint64(-3600) << false << 1;
    }
    void expiry()
    {
        QFETCH(qint64, lifetimeSeconds);
        QFETCH(bool, usable);
        QFETCH(int, purged);
        QString error;
        auto store = CheckpointStore::open(
            dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentDataTag())), &error);
        QVERIFY2(store, qPrintable(error));
        store->setLifetimeSeconds(lifetimeSeconds);
        QVERIFY(store->save("phx-2", {"sid", "/", 1, "{}"}));
        QCOMPARE(bool(store->load("phx-2")), usable);
        QCOMPARE(store->purgeExpired(), purged);
    }
};

QTEST_GUILESS_MAIN(tst_CheckpointStore)
#include "tst_checkpointstore.moc"
