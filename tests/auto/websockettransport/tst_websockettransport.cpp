// Server text frames built by WebSocketTransport::textFrame: FIN + text opcode, unmasked, and the
// three payload length encodings of RFC 6455 section 5.2 at their boundaries.
#include "http/websocket_transport.h"

#include <QtTest>

using namespace liveview::internal;

class tst_WebSocketTransport : public QObject
{
    Q_OBJECT
private slots:
    void textFrameHeader_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty") << 0 << QByteArray("\x81\x00", 2);
        QTest::newRow("125: one byte") << 125 << QByteArray("\x81\x7d", 2);
        QTest::newRow("126: 16-bit") << 126 << QByteArray("\x81\x7e\x00\x7e", 4);
        QTest::newRow("65535: 16-bit") << 65535 << QByteArray("\x81\x7e\xff\xff", 4);
        QTest::newRow("65536: 64-bit")
            << 65536 << QByteArray("\x81\x7f\x00\x00\x00\x00\x00\x01\x00\x00", 10);
    }
    void textFrameHeader()
    {
        QFETCH(int, size);
        QFETCH(QByteArray, header);
        const QByteArray payload(size, 'x');
        const QByteArray frame = WebSocketTransport::textFrame(payload);
        QCOMPARE(frame.left(header.size()), header);
        QCOMPARE(frame.mid(header.size()), payload);
    }
};

QTEST_GUILESS_MAIN(tst_WebSocketTransport)
#include "tst_websockettransport.moc"
