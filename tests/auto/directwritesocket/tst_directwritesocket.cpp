// DirectWriteSocket's send batch: frames written while a batch lives on the thread reach the peer
// only when it ends (or fills up), in the order written; a socket destroyed meanwhile is skipped.
// Loopback send() hands bytes to the peer's receive queue before it returns, so "has the peer got
// anything yet" is answered exactly by a non-blocking peek, with no waiting.
#include "http/direct_write_socket.h"

#include <QTcpServer>
#include <QtTest>
#include <memory>
#include <sys/socket.h>

using liveview::internal::DirectWriteSocket;

namespace {

// An accepted DirectWriteSocket and the plain descriptor of its peer.
struct Pair
{
    std::unique_ptr<DirectWriteSocket> server;
    std::unique_ptr<QTcpSocket> client;

    int peer() const { return int(client->socketDescriptor()); }
    // Everything the peer has received so far, without waiting.
    QByteArray received() const
    {
        QByteArray all;
        char buffer[65536];
        ssize_t n;
        while ((n = ::recv(peer(), buffer, sizeof buffer, MSG_DONTWAIT)) > 0)
            all.append(buffer, n);
        return all;
    }
};

Pair connectPair(QTcpServer &listener)
{
    Pair p;
    p.client = std::make_unique<QTcpSocket>();
    p.client->connectToHost(QHostAddress::LocalHost, listener.serverPort());
    if (!p.client->waitForConnected(5000) || !listener.waitForNewConnection(5000))
        return {};
    // Take the descriptor into our socket type, as the endpoint's accept path does.
    QTcpSocket *accepted = listener.nextPendingConnection();
    const qintptr fd = accepted->socketDescriptor();
    accepted->setParent(nullptr);
    p.server = std::make_unique<DirectWriteSocket>();
    p.server->setSocketDescriptor(::dup(int(fd)));
    delete accepted;
    // The client is read with recv() directly: Qt must not read it first.
    p.client->setReadBufferSize(1);
    return p;
}

} // namespace

class tst_DirectWriteSocket : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_listener.listen(QHostAddress::LocalHost)); }

    void writeNowSendsAtOnceOutsideABatch()
    {
        Pair p = connectPair(m_listener);
        QVERIFY(p.server);
        p.server->writeNow("hello");
        QCOMPARE(p.received(), QByteArray("hello"));
    }

    void batchSendsWhenItEnds_data()
    {
        QTest::addColumn<QByteArrayList>("frames");
        QTest::newRow("one") << QByteArrayList{"a"};
        QTest::newRow("several, in order") << QByteArrayList{"first ", "second ", "third"};
        QTest::newRow("a large frame") << QByteArrayList{QByteArray(200000, 'x'), "tail"};
    }
    void batchSendsWhenItEnds()
    {
        QFETCH(QByteArrayList, frames);
        Pair p = connectPair(m_listener);
        QVERIFY(p.server);
        {
            const DirectWriteSocket::SendBatch batch;
            for (const QByteArray &f : frames)
                p.server->writeNow(f);
            QCOMPARE(p.received(), QByteArray()); // held by the batch
        }
        // A large frame may go partly through Qt's buffer (the peer's window): let it drain.
        QByteArray all = p.received();
        const QByteArray expected = frames.join();
        QElapsedTimer clock;
        clock.start();
        while (all.size() < expected.size() && clock.elapsed() < 5000) {
            p.server->waitForBytesWritten(100);
            all += p.received();
        }
        QCOMPARE(all, expected);
    }

    void framesOfSeveralSocketsKeepEachSocketsOrder()
    {
        Pair a = connectPair(m_listener), b = connectPair(m_listener);
        QVERIFY(a.server && b.server);
        {
            const DirectWriteSocket::SendBatch batch;
            a.server->writeNow("a1");
            b.server->writeNow("b1");
            a.server->writeNow("a2");
        }
        QCOMPARE(a.received(), QByteArray("a1a2"));
        QCOMPARE(b.received(), QByteArray("b1"));
    }

    void otherWritesDuringABatchKeepTheirPlace()
    {
        Pair p = connectPair(m_listener);
        QVERIFY(p.server);
        {
            const DirectWriteSocket::SendBatch batch;
            p.server->writeNow("frame ");
            p.server->write("control "); // QWebSocket's own writes (pong, close) go this way
            p.server->writeNow("later");
        }
        p.server->waitForBytesWritten(0); // sends what write() left for the end of the pass
        QCOMPARE(p.received(), QByteArray("frame control later"));
    }

    void nestedBatchJoinsTheOuterOne()
    {
        Pair p = connectPair(m_listener);
        QVERIFY(p.server);
        {
            const DirectWriteSocket::SendBatch outer;
            p.server->writeNow("a");
            {
                const DirectWriteSocket::SendBatch inner;
                p.server->writeNow("b");
            }
            QCOMPARE(p.received(), QByteArray()); // the inner one did not send "b" ahead of "a"
        }
        QCOMPARE(p.received(), QByteArray("ab"));
    }

    void socketDestroyedDuringTheBatchIsSkipped()
    {
        Pair gone = connectPair(m_listener), kept = connectPair(m_listener);
        QVERIFY(gone.server && kept.server);
        {
            const DirectWriteSocket::SendBatch batch;
            gone.server->writeNow("never");
            kept.server->writeNow("kept");
            gone.server.reset(); // its frame must not be sent through a dangling pointer
        }
        QCOMPARE(kept.received(), QByteArray("kept"));
        QCOMPARE(gone.received(), QByteArray());
    }

    void fullBatchSendsWithoutWaitingForItsEnd()
    {
        Pair p = connectPair(m_listener);
        QVERIFY(p.server);
        const DirectWriteSocket::SendBatch batch;
        QByteArray expected;
        // Enough small frames to fill any reasonable batch: the first ones must be out already.
        for (int i = 0; i < 10000; ++i) {
            p.server->writeNow("x");
            expected += 'x';
        }
        QVERIFY(!p.received().isEmpty());
    }

private:
    QTcpServer m_listener;
};

QTEST_GUILESS_MAIN(tst_DirectWriteSocket)
#include "tst_directwritesocket.moc"
