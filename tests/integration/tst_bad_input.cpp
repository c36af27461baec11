// Bad input on the socket: each is refused with the protocol's error reply or a close code, and
// the server and other sessions go on. In memory here; over a real socket in tst_endpoint_http.
#include "tst_bad_input.h"

#include "channel/endpoint_context.h"
#include "channel/frame_sink.h"
#include "testing/live_test_app_access.h"

#include <liveview/testing/live_view_test.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {

QJsonArray parse(const QByteArray &frame)
{
    return QJsonDocument::fromJson(frame).array();
}

QString replyReason(const QList<QByteArray> &out)
{
    if (out.size() != 1)
        return QStringLiteral("<%1 frames>").arg(out.size());
    const QJsonObject payload = parse(out.first()).at(4).toObject();
    return payload.value("status").toString() + u':' +
           payload.value("response").toObject().value("reason").toString();
}

} // namespace

QByteArray tst_BadInput::joinFrame(LiveViewTest &lv, const QString &topic, const QString &session,
                                   const QString &url, const QString &csrf)
{
    const QString ref = lv.nextRef();
    const QJsonObject payload{{"url", url},
                              {"params", QJsonObject{{"_csrf_token", csrf}, {"_mounts", 0}}},
                              {"session", session},
                              {"static", QJsonValue()}};
    return QJsonDocument(QJsonArray{ref, ref, topic, "phx_join", payload})
        .toJson(QJsonDocument::Compact);
}

void tst_BadInput::closesTheSocket_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("closeCode");
    QTest::newRow("malformed JSON") << QByteArray("[\"4\",\"5\",") << 1007;
    QTest::newRow("binary garbage as text") << QByteArray("\x00\x01\x02\xff\xfe", 5) << 1007;
    QTest::newRow("wrong arity") << QByteArray(R"(["4","5","lv:x","event"])") << 1007;
    QTest::newRow("object instead of array") << QByteArray(R"({"event":"x"})") << 1007;
    QTest::newRow("wrong field types") << QByteArray(R"([4,5,6,7,8])") << 1007;
    QTest::newRow("oversized frame")
        << QByteArray("[null,\"1\",\"phoenix\",\"heartbeat\",{\"pad\":\"") +
               QByteArray(300 * 1024, 'x') + QByteArray("\"}]")
        << 1009;
}
void tst_BadInput::closesTheSocket()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, closeCode);
    LiveViewTest other = live(app, "/test/counter");
    LiveViewTest lv = live(app, "/test/counter");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("closing connection"));
    QVERIFY(lv.sendRaw(frame).isEmpty());
    QCOMPARE(lv.closeCode(), closeCode);
    // Nothing more is processed on a closed connection; other sessions are untouched.
    QVERIFY(lv.sendRaw(R"([null,"99","phoenix","heartbeat",{}])").isEmpty());
    other.element("#inc").renderClick();
    QVERIFY(other.render().contains("<span id=\"count\">1</span>"));
}

void tst_BadInput::errorReply_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("reply");
    QTest::newRow("event for a topic not joined")
        << QByteArray(
               R"(["4","50","lv:phx-nope","event",{"type":"click","event":"inc","value":{}}])")
        << "error:unmatched topic";
    QTest::newRow("join for a topic we do not serve")
        << QByteArray(R"(["50","50","rooms:lobby","phx_join",{}])") << "error:unmatched topic";
    QTest::newRow("unknown event on phoenix topic")
        << QByteArray(R"([null,"50","phoenix","dance",{}])") << "error:unknown event";
    QTest::newRow("leave for a topic not joined")
        << QByteArray(R"(["4","50","lv:phx-nope","phx_leave",{}])") << "ok:";
    QTest::newRow("join without session")
        << QByteArray(
               R"(["50","50","lv:phx-x","phx_join",{"url":"http://localhost/test/counter"}])")
        << "error:unauthorized";
}
void tst_BadInput::errorReply()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, reply);
    LiveViewTest lv = live(app, "/test/counter");
    QCOMPARE(replyReason(lv.sendRaw(frame)), reply);
    QCOMPARE(lv.closeCode(), 0);
    lv.element("#inc").renderClick(); // the socket and the view still work
    QVERIFY(lv.render().contains("<span id=\"count\">1</span>"));
}

void tst_BadInput::unknownLiveViewEvent()
{
    LiveViewTest lv = live(app, "/test/counter");
    const auto out = lv.sendRaw(QStringLiteral(R"(["%1","%2","%3","teleport",{}])")
                                    .arg(lv.joinRef(), lv.nextRef(), lv.topic())
                                    .toUtf8());
    QCOMPARE(replyReason(out), QStringLiteral("error:unknown event"));
    lv.element("#inc").renderClick();
    QVERIFY(lv.render().contains("<span id=\"count\">1</span>"));
}

void tst_BadInput::refusedJoins_data()
{
    QTest::addColumn<QString>("spoil");
    QTest::addColumn<QString>("reply");
    QTest::newRow("forged session token") << "forged"
                                          << "error:unauthorized";
    QTest::newRow("token of another view id") << "other-id"
                                              << "error:unauthorized";
    QTest::newRow("expired token") << "expired"
                                   << "error:stale";
    QTest::newRow("csrf mismatch") << "csrf"
                                   << "error:stale";
    QTest::newRow("view that does not exist") << "no-view"
                                              << "error:unauthorized";
}
void tst_BadInput::refusedJoins()
{
    QFETCH(QString, spoil);
    QFETCH(QString, reply);
    LiveViewTest lv = live(app, "/test/counter");
    const auto signer = internal::LiveTestAppAccess::context(app)->signer;
    // A second page in the same browser gives a genuine token to spoil.
    const LiveTestApp::Page page = app.get("/test/counter");
    const HtmlDocument doc = HtmlDocument::parse(page.html);
    const HtmlElement container = doc.selectOne("[data-phx-main]");
    QString topic = "lv:" + container.id();
    QString session = container.attribute("data-phx-session");
    QString url = "http://localhost/test/counter";
    const QJsonObject claims =
        signer->verify(internal::purposes::viewSession, session.toUtf8()).claims;
    if (spoil == u"forged") {
        session = QString::fromLatin1(internal::TokenSigner(QByteArray(64, 'z'))
                                          .sign(internal::purposes::viewSession, claims, 60));
    } else if (spoil == u"other-id") {
        topic = QStringLiteral("lv:phx-someoneelse");
    } else if (spoil == u"expired") {
        session = QString::fromLatin1(signer->sign(internal::purposes::viewSession, claims, -1));
    } else if (spoil == u"no-view") {
        url = "http://localhost/test/does-not-exist";
    }
    // The harness socket carries the first page's cookie; its CSRF token is valid for it.
    const QString csrf = spoil == u"csrf" ? QStringLiteral("AAAA") : lv.csrfToken();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("join refused"));
    // Tokens minted for the second page are bound to its own cookie; re-sign with ours.
    if (spoil != u"forged" && spoil != u"expired") {
        QJsonObject mine = claims;
        mine.insert("sid", lv.sessionId());
        if (spoil == u"other-id")
            mine.insert("id", container.id());
        session = QString::fromLatin1(signer->sign(internal::purposes::viewSession, mine, 60));
    }
    QCOMPARE(replyReason(lv.sendRaw(joinFrame(lv, topic, session, url, csrf))), reply);
    lv.element("#inc").renderClick();
    QVERIFY(lv.render().contains("<span id=\"count\">1</span>"));
}

void tst_BadInput::validJoinOfASecondViewOnTheSameSocket()
{
    LiveViewTest lv = live(app, "/test/counter");
    const auto signer = internal::LiveTestAppAccess::context(app)->signer;
    const QString id = QStringLiteral("phx-second");
    const QString session = QString::fromLatin1(
        signer->sign(internal::purposes::viewSession, {{"id", id}, {"sid", lv.sessionId()}}, 60));
    const auto out = lv.sendRaw(
        joinFrame(lv, "lv:" + id, session, "http://localhost/test/keyed", lv.csrfToken()));
    QCOMPARE(replyReason(out), QStringLiteral("ok:"));
    QVERIFY(out.first().contains("item 3"));
}

QTEST_GUILESS_MAIN(tst_BadInput)
