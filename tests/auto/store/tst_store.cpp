// Store: migrations applied once and in order, version kept, newer files refused, failed
// migrations rolled back, one connection per thread.
#include <liveview/store.h>

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace liveview;

class tst_Store : public QObject
{
    Q_OBJECT
    const std::vector<Store::Migration> v2{
        {"CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"},
        {"ALTER TABLE notes ADD COLUMN pinned INTEGER DEFAULT 0"},
    };

private slots:
    void migratesOnceAndKeepsTheVersion()
    {
        QTemporaryDir dir;
        QString error;
        auto store = Store::open(dir.filePath("a.sqlite"), v2, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->schemaVersion(), 2);
        QSqlQuery q(store->database());
        QVERIFY(q.exec("INSERT INTO notes (text, pinned) VALUES ('x', 1)"));
        // Opening again applies nothing and keeps the data.
        auto again = Store::open(dir.filePath("a.sqlite"), v2, &error);
        QVERIFY2(again, qPrintable(error));
        QSqlQuery count(again->database());
        QVERIFY(count.exec("SELECT COUNT(*) FROM notes") && count.next());
        QCOMPARE(count.value(0).toInt(), 1);
        QSqlQuery mode(again->database());
        QVERIFY(mode.exec("PRAGMA journal_mode") && mode.next());
        QCOMPARE(mode.value(0).toString(), QStringLiteral("wal"));
    }

    void newerFileIsRefused()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(Store::open(dir.filePath("b.sqlite"), v2, &error));
        QVERIFY(!Store::open(dir.filePath("b.sqlite"), {v2[0]}, &error));
        QVERIFY(error.contains("newer"));
    }

    void failedMigrationRollsBack()
    {
        QTemporaryDir dir;
        QString error;
        const std::vector<Store::Migration> broken{
            {"CREATE TABLE t (a INTEGER)", "THIS IS NOT SQL"},
        };
        QVERIFY(!Store::open(dir.filePath("c.sqlite"), broken, &error));
        QVERIFY(!error.isEmpty());
        auto store = Store::open(dir.filePath("c.sqlite"), {}, &error);
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), 0);
        QSqlQuery q(store->database());
        QVERIFY(!q.exec("SELECT * FROM t")); // the half-applied migration left nothing behind
    }

    void oneConnectionPerThread()
    {
        QTemporaryDir dir;
        QString error;
        auto store = Store::open(dir.filePath("d.sqlite"), v2, &error);
        QVERIFY(store);
        const QString here = store->database().connectionName();
        QString there;
        bool wrote = false;
        QThread *t = QThread::create([&] {
            QSqlDatabase db = store->database();
            there = db.connectionName();
            wrote = QSqlQuery(db).exec("INSERT INTO notes (text) VALUES ('from a thread')");
        });
        t->start();
        QVERIFY(t->wait(10000));
        delete t;
        QVERIFY(here != there);
        QVERIFY(wrote);
    }
};

QTEST_GUILESS_MAIN(tst_Store)
#include "tst_store.moc"
