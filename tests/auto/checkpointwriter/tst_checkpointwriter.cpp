// CheckpointWriter and the frames that wait for it: a burst of queued checkpoints commits in one
// transaction, the newest write of a view wins (within a burst and across bursts), a queued write
// is what load() sees before it commits, acknowledgements come on the owner's thread only after
// the row can be read from another connection, and a connection holds its frames (in order)
// until the write they follow is durable.
#include "channel/connection.h"
#include "store/checkpoint_store.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace liveview::internal;

namespace {

CheckpointRecord record(const QByteArray &state)
{
    return {QStringLiteral("sid"), QStringLiteral("/counter"), 1, state};
}

// What another connection (another process after a restart) reads from the file.
QString stateOnDisk(const QString &path, const QString &viewId)
{
    const QString name = QStringLiteral("reader-%1").arg(quintptr(&path));
    QString state = QStringLiteral("<none>");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT state FROM view_checkpoints WHERE view_id = ?"));
            q.addBindValue(viewId);
            if (q.exec() && q.next())
                state = QString::fromUtf8(q.value(0).toByteArray());
        }
    }
    QSqlDatabase::removeDatabase(name);
    return state;
}

struct Sink : FrameSink
{
    QList<QByteArray> frames;
    void sendText(const QByteArray &frame) override { frames.append(frame); }
    void closeConnection(CloseCode, const QString &) override {}
};

} // namespace

class tst_CheckpointWriter : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    int files = 0;

    std::shared_ptr<CheckpointStore> openStore(QString *path)
    {
        *path = dir.filePath(QStringLiteral("c%1.sqlite").arg(++files));
        QString error;
        auto store = CheckpointStore::open(*path, &error);
        if (!store)
            qWarning() << error;
        return store;
    }

private slots:
    // Steps: "save VIEW STATE" or "remove VIEW"; then what load() and the file show per view.
    void newestWriteWins_data()
    {
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QStringList>("expected"); // "VIEW=STATE" or "VIEW=<none>"
        QTest::newRow("one save") << QStringList{"save a 1"} << QStringList{"a=1"};
        QTest::newRow("saves of one view")
            << QStringList{"save a 1", "save a 2", "save a 3"} << QStringList{"a=3"};
        QTest::newRow("save then remove")
            << QStringList{"save a 1", "remove a"} << QStringList{"a=<none>"};
        QTest::newRow("remove then save again")
            << QStringList{"save a 1", "remove a", "save a 2"} << QStringList{"a=2"};
        QTest::newRow("views apart") << QStringList{"save a 1", "save b 2", "save a 3", "remove b"}
                                     << QStringList{"a=3", "b=<none>"};
    }

    void newestWriteWins()
    {
        QFETCH(QStringList, steps);
        QFETCH(QStringList, expected);
        QString path;
        auto store = openStore(&path);
        QVERIFY(store);
        for (const QString &step : steps) {
            const QStringList w = step.split(u' ');
            if (w[0] == u"save")
                store->saveQueued(w[1], record(w[2].toUtf8()), nullptr, {});
            else
                store->remove(w[1]);
        }
        const auto check = [&](const char *when) {
            for (const QString &e : expected) {
                const QString view = e.section(u'=', 0, 0), state = e.section(u'=', 1);
                const auto loaded = store->load(view);
                QVERIFY2(state == u"<none>" ? !loaded : loaded && loaded->state == state.toUtf8(),
                         when);
            }
        };
        check("queued"); // before or after the commit, load() sees the newest write
        store->flush();
        check("committed");
        for (const QString &e : expected)
            QCOMPARE(stateOnDisk(path, e.section(u'=', 0, 0)), e.section(u'=', 1));
    }

    // While another connection holds the write lock, everything queued meanwhile waits and then
    // commits together: at most the write already being tried, plus one transaction for the rest.
    void aBurstIsOneTransaction_data()
    {
        QTest::addColumn<int>("writes");
        QTest::addColumn<int>("views");
        QTest::newRow("100 writes, 100 views") << 100 << 100;
        QTest::newRow("1000 writes, 10 views") << 1000 << 10;
    }

    void aBurstIsOneTransaction()
    {
        QFETCH(int, writes);
        QFETCH(int, views);
        QString path;
        auto store = openStore(&path);
        QVERIFY(store);
        QSqlDatabase blocker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "blocker");
        blocker.setDatabaseName(path);
        QVERIFY(blocker.open());
        QSqlQuery(blocker).exec("PRAGMA busy_timeout=5000");
        QVERIFY(QSqlQuery(blocker).exec("BEGIN IMMEDIATE"));
        const quint64 commitsBefore = store->writer().commits();
        quint64 last = 0;
        for (int i = 0; i < writes; ++i)
            last = store->saveQueued(QStringLiteral("v%1").arg(i % views),
                                     record(QByteArray::number(i)), nullptr, {});
        QVERIFY(QSqlQuery(blocker).exec("COMMIT"));
        QVERIFY(store->writer().waitDurable(last));
        QVERIFY(store->writer().commits() - commitsBefore <= 2);
        QCOMPARE(store->writer().writesCommitted(), quint64(writes));
        for (int v = 0; v < views; ++v)
            QCOMPARE(stateOnDisk(path, QStringLiteral("v%1").arg(v)),
                     QString::number(writes - views + v));
        blocker.close();
        blocker = QSqlDatabase();
        QSqlDatabase::removeDatabase("blocker");
    }

    // Each owner hears of its writes on its own thread, in order, once they are on disk; an owner
    // deleted meanwhile hears nothing.
    void acknowledgedOnTheOwnersThreadAfterTheWrite()
    {
        QString path;
        auto store = openStore(&path);
        QVERIFY(store);
        QObject owner;
        auto gone = std::make_unique<QObject>();
        QList<quint64> heard;
        QStringList onDisk;
        bool goneHeard = false;
        for (int i = 1; i <= 5; ++i)
            store->saveQueued("phx-a", record(QByteArray::number(i)), &owner,
                              [&](quint64 sequence, bool ok) {
                                  QVERIFY(ok);
                                  QCOMPARE(QThread::currentThread(), owner.thread());
                                  heard.append(sequence);
                                  onDisk.append(stateOnDisk(path, "phx-a"));
                              });
        store->saveQueued("phx-b", record("x"), gone.get(),
                          [&](quint64, bool) { goneHeard = true; });
        gone.reset();
        QTRY_COMPARE(heard.size(), 5);
        QVERIFY(std::is_sorted(heard.begin(), heard.end()));
        for (const QString &state : onDisk)
            QCOMPARE(state, QStringLiteral("5")); // acks come once their whole burst is written
        store->flush();
        QCoreApplication::processEvents();
        QVERIFY(!goneHeard);
    }

    // The frames a connection sends after a checkpoint write wait for it, and keep their order.
    void framesWaitForTheirWrite_data()
    {
        QTest::addColumn<QStringList>("steps"); // "hold N", "send X", "durable N"
        QTest::addColumn<QStringList>("sent");  // what reached the socket, in order
        QTest::newRow("nothing held") << QStringList{"send a", "send b"} << QStringList{"a", "b"};
        QTest::newRow("held until durable")
            << QStringList{"hold 3", "send a", "send b"} << QStringList{};
        QTest::newRow("an older write is not enough")
            << QStringList{"hold 3", "send a", "durable 2"} << QStringList{};
        QTest::newRow("released in order, then direct")
            << QStringList{"hold 3", "send a", "send b", "durable 3", "send c"}
            << QStringList{"a", "b", "c"};
        QTest::newRow("two holds release in two steps")
            << QStringList{"hold 3", "send a", "hold 5", "send b", "durable 3", "send c"}
            << QStringList{"a"};
        QTest::newRow("a later frame never overtakes")
            << QStringList{"hold 3",    "send a", "hold 5",   "send b",
                           "durable 3", "send c", "durable 5"}
            << QStringList{"a", "b", "c"};
        QTest::newRow("a newer durable releases everything older")
            << QStringList{"hold 3", "send a", "hold 5", "send b", "durable 9"}
            << QStringList{"a", "b"};
    }

    void framesWaitForTheirWrite()
    {
        QFETCH(QStringList, steps);
        QFETCH(QStringList, sent);
        Sink sink;
        Connection connection(std::make_shared<EndpointContext>(), BrowserSession{}, &sink);
        for (const QString &step : steps) {
            const QStringList w = step.split(u' ');
            if (w[0] == u"hold")
                connection.holdFramesUntil(w[1].toULongLong());
            else if (w[0] == u"send")
                connection.send(w[1].toUtf8());
            else
                connection.releaseHeldFrames(w[1].toULongLong());
        }
        QStringList got;
        for (const QByteArray &f : sink.frames)
            got.append(QString::fromUtf8(f));
        QCOMPARE(got, sent);
        QCOMPARE(connection.holdsFrames(), got.size() < steps.filter("send").size());
    }
};

QTEST_GUILESS_MAIN(tst_CheckpointWriter)
#include "tst_checkpointwriter.moc"
