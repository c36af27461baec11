// WebSocketFrameReader: what a browser sends (masked frames, fragments, control frames between
// fragments) decoded whole however the bytes are split, and every rule of RFC 6455 section 5
// that a hostile client can break refused with the close code to answer.
#include "http/websocket_frame_reader.h"

#include <QtTest>

using namespace liveview::internal;
using Kind = WebSocketFrameReader::Kind;

namespace {

// A client frame: masked (unless told otherwise), FIN set unless `fin` is false.
QByteArray clientFrame(quint8 opcode, const QByteArray &payload, bool fin = true, bool mask = true,
                       quint8 extraBits = 0)
{
    QByteArray out;
    out.append(char((fin ? 0x80 : 0) | extraBits | opcode));
    const quint8 maskBit = mask ? 0x80 : 0;
    if (payload.size() < 126) {
        out.append(char(maskBit | payload.size()));
    } else if (payload.size() <= 0xffff) {
        out.append(char(maskBit | 126));
        out.append(char(payload.size() >> 8));
        out.append(char(payload.size() & 0xff));
    } else {
        out.append(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((quint64(payload.size()) >> shift) & 0xff));
    }
    const char key[4] = {'\x37', '\xfa', '\x21', '\x3d'};
    if (mask)
        out.append(key, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        out.append(mask ? char(payload[i] ^ key[i % 4]) : payload[i]);
    return out;
}

QByteArray closeBody(quint16 code, const QByteArray &reason = {})
{
    return QByteArray(1, char(code >> 8)) + char(code & 0xff) + reason;
}

// "T:payload" per message, or "fail <code>" at the end if the stream failed.
QStringList decode(const QByteArray &bytes, qsizetype pieceSize, qint64 max = 1 << 20)
{
    WebSocketFrameReader reader(max);
    QStringList out;
    static const char *names = "TBIOC"; // text, binary, ping, pong, close
    for (qsizetype at = 0; at < bytes.size(); at += pieceSize) {
        reader.append(QByteArrayView(bytes).sliced(at, qMin(pieceSize, bytes.size() - at)));
        while (auto message = reader.next())
            out.append(QString(QLatin1Char(names[int(message->kind)])) + QLatin1Char(':') +
                       QString::fromUtf8(message->payload.toHex()));
        if (reader.failed())
            break;
    }
    if (reader.failed())
        out.append(QStringLiteral("fail %1").arg(reader.failure().code));
    return out;
}

QString hexMessage(char kind, const QByteArray &payload)
{
    return QString(QLatin1Char(kind)) + QLatin1Char(':') + QString::fromUtf8(payload.toHex());
}

} // namespace

class tst_WebSocketFrameReader : public QObject
{
    Q_OBJECT
private slots:
    void decodes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("expected");
        const QByteArray join = R"(["4","4","lv:phx-F1","phx_join",{}])";
        QTest::newRow("text") << clientFrame(0x1, join) << QStringList{hexMessage('T', join)};
        QTest::newRow("empty text") << clientFrame(0x1, {}) << QStringList{"T:"};
        QTest::newRow("binary") << clientFrame(0x2, QByteArray("\x00\xff\x10", 3))
                                << QStringList{hexMessage('B', QByteArray("\x00\xff\x10", 3))};
        const QByteArray mid(126, 'm');
        QTest::newRow("126 bytes: 16-bit length")
            << clientFrame(0x1, mid) << QStringList{hexMessage('T', mid)};
        const QByteArray big(70000, 'b');
        QTest::newRow("70,000 bytes: 64-bit length")
            << clientFrame(0x2, big) << QStringList{hexMessage('B', big)};
        QTest::newRow("two frames at once")
            << clientFrame(0x1, "a") + clientFrame(0x1, "b")
            << QStringList{hexMessage('T', "a"), hexMessage('T', "b")};
        QTest::newRow("fragments with a ping between")
            << clientFrame(0x1, "hel", false) + clientFrame(0x9, "p") +
                   clientFrame(0x0, "lo ", false) + clientFrame(0x0, "world")
            << QStringList{hexMessage('I', "p"), hexMessage('T', "hello world")};
        QTest::newRow("a character split over fragments")
            << clientFrame(0x1, "\xc3", false) + clientFrame(0x0, "\xa9")
            << QStringList{hexMessage('T', "\xc3\xa9")};
        QTest::newRow("pong") << clientFrame(0xA, "123") << QStringList{hexMessage('O', "123")};
        QTest::newRow("close with code and reason")
            << clientFrame(0x8, closeBody(1000, "bye"))
            << QStringList{hexMessage('C', closeBody(1000, "bye"))};
        QTest::newRow("close without body") << clientFrame(0x8, {}) << QStringList{"C:"};
    }
    void decodes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, expected);
        // However the network splits the bytes, the messages are the same.
        for (const qsizetype piece : {bytes.size(), qsizetype(1), qsizetype(3), qsizetype(1000)})
            QCOMPARE(decode(bytes, piece), expected);
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("unmasked") << clientFrame(0x1, "x", true, false) << 1002;
        QTest::newRow("reserved bit") << clientFrame(0x1, "x", true, true, 0x40) << 1002;
        QTest::newRow("unknown data opcode") << clientFrame(0x3, "x") << 1002;
        QTest::newRow("unknown control opcode") << clientFrame(0xB, "x") << 1002;
        QTest::newRow("control frame of 126 bytes")
            << clientFrame(0x9, QByteArray(126, 'p')) << 1002;
        QTest::newRow("fragmented ping") << clientFrame(0x9, "p", false) << 1002;
        QTest::newRow("continuation without a start") << clientFrame(0x0, "x") << 1002;
        QTest::newRow("new message inside a fragmented one")
            << clientFrame(0x1, "a", false) + clientFrame(0x1, "b") << 1002;
        QTest::newRow("64-bit length with the top bit")
            << QByteArray("\x82\xff\x80\x00\x00\x00\x00\x00\x00\x00", 10) << 1002;
        QTest::newRow("invalid UTF-8 text") << clientFrame(0x1, "\xff\xfe") << 1007;
        QTest::newRow("text ending inside a character") << clientFrame(0x1, "ok\xc3") << 1007;
        QTest::newRow("close with a one-byte body") << clientFrame(0x8, "\x03") << 1002;
        QTest::newRow("close with code 1005") << clientFrame(0x8, closeBody(1005)) << 1002;
        QTest::newRow("close with code 999") << clientFrame(0x8, closeBody(999)) << 1002;
        QTest::newRow("close reason not UTF-8")
            << clientFrame(0x8, closeBody(1000, "\xc0\x80")) << 1007;
        QTest::newRow("over the message limit") << clientFrame(0x1, QByteArray(1001, 'x')) << 1009;
        QTest::newRow("fragments over the message limit")
            << clientFrame(0x1, QByteArray(600, 'x'), false) +
                   clientFrame(0x0, QByteArray(600, 'x'))
            << 1009;
    }
    void refuses()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        for (const qsizetype piece : {bytes.size(), qsizetype(1)}) {
            const QStringList out = decode(bytes, piece, 1000);
            QVERIFY2(!out.isEmpty(), "no failure reported");
            QCOMPARE(out.last(), QStringLiteral("fail %1").arg(code));
        }
    }

    void tooBigFailsOnTheHeaderAlone()
    {
        // The payload of an oversize frame is never waited for (nor buffered).
        WebSocketFrameReader reader(1000);
        reader.append(clientFrame(0x2, QByteArray(5000, 'x')).left(8));
        QVERIFY(!reader.next());
        QVERIFY(reader.failed());
        QCOMPARE(reader.failure().code, quint16(1009));
    }

    void nothingAfterAFailure()
    {
        WebSocketFrameReader reader(1000);
        reader.append(clientFrame(0x1, "x", true, false) + clientFrame(0x1, "y"));
        QVERIFY(!reader.next());
        reader.append(clientFrame(0x1, "z"));
        QVERIFY(!reader.next());
        QCOMPARE(reader.failure().code, quint16(1002));
    }

    void utf8_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ascii") << QByteArray("plain") << true;
        QTest::newRow("two bytes") << QByteArray("\xc3\xa9") << true;
        QTest::newRow("three bytes") << QByteArray("\xe2\x82\xac") << true;
        QTest::newRow("four bytes") << QByteArray("\xf0\x9f\x98\x80") << true;
        QTest::newRow("U+10FFFF") << QByteArray("\xf4\x8f\xbf\xbf") << true;
        QTest::newRow("NUL") << QByteArray("a\0b", 3) << true;
        QTest::newRow("overlong two bytes") << QByteArray("\xc0\x80") << false;
        QTest::newRow("overlong three bytes") << QByteArray("\xe0\x80\x80") << false;
        QTest::newRow("overlong four bytes") << QByteArray("\xf0\x80\x80\x80") << false;
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << false;
        QTest::newRow("past U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << false;
        QTest::newRow("F5 lead") << QByteArray("\xf5\x80\x80\x80") << false;
        QTest::newRow("lone continuation") << QByteArray("\x80") << false;
        QTest::newRow("truncated") << QByteArray("\xe2\x82") << false;
        QTest::newRow("bad continuation") << QByteArray("\xe2\x28\xa1") << false;
    }
    void utf8()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QCOMPARE(WebSocketFrameReader::isValidUtf8(bytes), valid);
        // The same answer as Qt's own decoder gives.
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        (void)decoder.decode(bytes).operator QString();
        QCOMPARE(!decoder.hasError(), valid);
    }
};

QTEST_GUILESS_MAIN(tst_WebSocketFrameReader)
#include "tst_websocketframereader.moc"
