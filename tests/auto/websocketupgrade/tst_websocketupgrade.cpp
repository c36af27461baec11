// WebSocketUpgrade: the opening handshake read from a raw request head (RFC 6455 section 4.2):
// what the server keeps of it, the accept key, and the refusals with their HTTP status.
#include "http/websocket_upgrade.h"

#include <QtTest>

using namespace liveview::internal;

namespace {

QByteArray head(const QByteArray &requestLine, const QList<QByteArray> &fields)
{
    QByteArray out = requestLine + "\r\n";
    for (const QByteArray &field : fields)
        out += field + "\r\n";
    return out;
}

const QList<QByteArray> validFields = {
    "Host: 127.0.0.1:4000",          "Upgrade: websocket",
    "Connection: Upgrade",           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
    "Sec-WebSocket-Version: 13",     "Origin: http://127.0.0.1:4000",
    "Cookie: _liveview_session=abc", "User-Agent: Mozilla/5.0 (X11; Linux x86_64)",
};

} // namespace

class tst_WebSocketUpgrade : public QObject
{
    Q_OBJECT
private slots:
    void acceptKeyOfTheRfcExample()
    {
        // RFC 6455 section 1.3.
        QCOMPARE(WebSocketUpgrade::acceptKeyFor("dGhlIHNhbXBsZSBub25jZQ=="),
                 QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

    void keepsWhatTheServerNeeds()
    {
        WebSocketUpgrade::Refusal refusal;
        const auto upgrade = WebSocketUpgrade::parse(
            head("GET /live/websocket?_csrf_token=a%2Bb%3D&vsn=2.0.0 HTTP/1.1", validFields),
            &refusal);
        QVERIFY(upgrade);
        QCOMPARE(upgrade->target, QByteArray("/live/websocket?_csrf_token=a%2Bb%3D&vsn=2.0.0"));
        QCOMPARE(upgrade->queryValue("_csrf_token"), QByteArray("a+b="));
        QCOMPARE(upgrade->queryValue("vsn"), QByteArray("2.0.0"));
        QCOMPARE(upgrade->queryValue("missing"), QByteArray());
        QCOMPARE(upgrade->origin, QByteArray("http://127.0.0.1:4000"));
        QCOMPARE(upgrade->host, QByteArray("127.0.0.1:4000"));
        QCOMPARE(upgrade->cookie, QByteArray("_liveview_session=abc"));
        QCOMPARE(upgrade->userAgent, QByteArray("Mozilla/5.0 (X11; Linux x86_64)"));
        const QByteArray answer = upgrade->answer();
        QVERIFY(answer.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
        QVERIFY(answer.contains("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
        QVERIFY(answer.endsWith("\r\n\r\n"));
    }

    void headerForms_data()
    {
        QTest::addColumn<QList<QByteArray>>("extra");
        QTest::addColumn<QByteArray>("cookie");
        QTest::newRow("two cookie fields are joined")
            << QList<QByteArray>{"Cookie: second=2"}
            << QByteArray("_liveview_session=abc; second=2");
        QTest::newRow("field names in any case")
            << QList<QByteArray>{"cOOKIE: lower=1"} << QByteArray("_liveview_session=abc; lower=1");
    }
    void headerForms()
    {
        QFETCH(QList<QByteArray>, extra);
        QFETCH(QByteArray, cookie);
        WebSocketUpgrade::Refusal refusal;
        const auto upgrade = WebSocketUpgrade::parse(
            head("GET /live/websocket HTTP/1.1", validFields + extra), &refusal);
        QVERIFY(upgrade);
        QCOMPARE(upgrade->cookie, cookie);
    }

    void connectionTokenList()
    {
        // Firefox sends "Connection: keep-alive, Upgrade".
        QList<QByteArray> fields = validFields;
        fields[2] = "Connection: keep-alive, Upgrade";
        WebSocketUpgrade::Refusal refusal;
        QVERIFY(WebSocketUpgrade::parse(head("GET /live/websocket HTTP/1.1", fields), &refusal));
    }

    void longUserAgentIsCut()
    {
        QList<QByteArray> fields = validFields;
        fields[7] = "User-Agent: " + QByteArray(2000, 'u');
        WebSocketUpgrade::Refusal refusal;
        const auto upgrade = WebSocketUpgrade::parse(head("GET / HTTP/1.1", fields), &refusal);
        QVERIFY(upgrade);
        QCOMPARE(upgrade->userAgent.size(), 512);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("requestLine");
        QTest::addColumn<int>("replaced"); // index in validFields, or -1
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<int>("status");
        const QByteArray get = "GET /live/websocket HTTP/1.1";
        QTest::newRow("POST") << QByteArray("POST /live/websocket HTTP/1.1") << -1 << QByteArray()
                              << 400;
        QTest::newRow("request line without a target")
            << QByteArray("GET") << -1 << QByteArray() << 400;
        QTest::newRow("no Upgrade: websocket") << get << 1 << QByteArray("Upgrade: h2c") << 400;
        QTest::newRow("no Connection: Upgrade")
            << get << 2 << QByteArray("Connection: keep-alive") << 400;
        QTest::newRow("version 8") << get << 4 << QByteArray("Sec-WebSocket-Version: 8") << 426;
        QTest::newRow("no version") << get << 4 << QByteArray("X-Nothing: 1") << 426;
        QTest::newRow("no key") << get << 3 << QByteArray("X-Nothing: 1") << 400;
        QTest::newRow("key not base64")
            << get << 3 << QByteArray("Sec-WebSocket-Key: !!!!!!!!!!!!!!!!!!!!!!!!") << 400;
        QTest::newRow("key of 15 bytes")
            << get << 3 << QByteArray("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25j") << 400;
    }
    void refusals()
    {
        QFETCH(QByteArray, requestLine);
        QFETCH(int, replaced);
        QFETCH(QByteArray, field);
        QFETCH(int, status);
        QList<QByteArray> fields = validFields;
        if (replaced >= 0)
            fields[replaced] = field;
        WebSocketUpgrade::Refusal refusal;
        QVERIFY(!WebSocketUpgrade::parse(head(requestLine, fields), &refusal));
        QCOMPARE(refusal.status, status);
        QVERIFY(qstrlen(refusal.reason) > 0);
    }
};

QTEST_GUILESS_MAIN(tst_WebSocketUpgrade)
#include "tst_websocketupgrade.moc"
