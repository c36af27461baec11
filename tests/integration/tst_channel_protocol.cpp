// Channel-level protocol over the harness socket: heartbeat, leave/close, rejoin, stale refs,
// handle_info pushes with title and events.
#include <test_router.h>

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
} // namespace

class tst_ChannelProtocol : public QObject
{
    Q_OBJECT
    LiveTestApp app{testviews::router()};

private slots:
    void heartbeat()
    {
        LiveViewTest lv = live(app, "/test/counter");
        const auto out = lv.sendRaw(R"([null,"13","phoenix","heartbeat",{}])");
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.first(),
                 QByteArray(R"([null,"13","phoenix","phx_reply",{"response":{},"status":"ok"}])"));
    }

    void joinReplyShape()
    {
        LiveViewTest lv = live(app, "/test/counter");
        const QJsonArray join = parse(lv.sentFrames().first());
        QCOMPARE(join.at(3).toString(), QStringLiteral("phx_reply"));
        const QJsonObject response = join.at(4).toObject().value("response").toObject();
        QCOMPARE(response.value("liveview_version").toString(), QStringLiteral("1.2.12"));
        const QJsonObject rendered = response.value("rendered").toObject();
        QVERIFY(rendered.value("s").isArray());
        QVERIFY2(!rendered.contains("r"),
                 "the root flag must not be at the top level (it means reply)");
        QCOMPARE(rendered.value("t").toString(), QStringLiteral("Counter"));
    }

    void leaveRepliesThenCloses()
    {
        LiveViewTest lv = live(app, "/test/counter");
        const QString jr = lv.joinRef();
        const auto out = lv.sendRaw(QStringLiteral(R"(["%1","%2","%3","phx_leave",{}])")
                                        .arg(jr, lv.nextRef(), lv.topic())
                                        .toUtf8());
        QCOMPARE(out.size(), 2);
        QCOMPARE(parse(out[0]).at(4).toObject().value("status").toString(), QStringLiteral("ok"));
        QCOMPARE(parse(out[1]).at(3).toString(), QStringLiteral("phx_close"));
        QCOMPARE(parse(out[1]).at(0).toString(), jr);
        // Events for the left topic are now an unmatched topic.
        const auto after = lv.sendRaw(
            QStringLiteral(R"(["%1","%2","%3","event",{"type":"click","event":"inc","value":{}}])")
                .arg(jr, lv.nextRef(), lv.topic())
                .toUtf8());
        QCOMPARE(parse(after.first())
                     .at(4)
                     .toObject()
                     .value("response")
                     .toObject()
                     .value("reason")
                     .toString(),
                 QStringLiteral("unmatched topic"));
    }

    void rejoinClosesTheOldInstanceAndRemounts()
    {
        LiveViewTest lv = live(app, "/test/counter");
        lv.element("#inc").renderClick();
        const QString oldJoinRef = lv.joinRef();
        const qsizetype before = lv.sentFrames().size();
        const QString html = lv.rejoin();
        const QJsonArray close = parse(lv.sentFrames().at(before));
        QCOMPARE(close.at(3).toString(), QStringLiteral("phx_close"));
        QCOMPARE(close.at(0).toString(), oldJoinRef);
        QVERIFY(lv.joinRef() != oldJoinRef);
        QVERIFY(html.contains("<span id=\"count\">0</span>")); // a fresh mount
    }

    void staleJoinRefIsIgnored()
    {
        LiveViewTest lv = live(app, "/test/counter");
        const auto out = lv.sendRaw(
            QStringLiteral(R"(["999","%1","%2","event",{"type":"click","event":"inc","value":{}}])")
                .arg(lv.nextRef(), lv.topic())
                .toUtf8());
        QVERIFY(out.isEmpty());
        QVERIFY(lv.render().contains("<span id=\"count\">0</span>"));
    }

    void repliesComeInOrder()
    {
        LiveViewTest lv = live(app, "/test/counter");
        QStringList refs;
        QByteArray frames;
        QList<QByteArray> out;
        for (int i = 0; i < 5; ++i) {
            const QString ref = lv.nextRef();
            refs << ref;
            out += lv.sendRaw(
                QStringLiteral(
                    R"(["%1","%2","%3","event",{"type":"click","event":"inc","value":{}}])")
                    .arg(lv.joinRef(), ref, lv.topic())
                    .toUtf8());
        }
        QCOMPARE(out.size(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(parse(out[i]).at(1).toString(), refs[i]);
        QVERIFY(lv.render().contains("<span id=\"count\">5</span>"));
    }

    void handleInfoPushesDiffWithTitleAndEvents()
    {
        LiveViewTest lv = live(app, "/test/ticker");
        lv.renderEvent("start");
        // Three messages come from another thread; wait until the last one has been rendered.
        QTRY_COMPARE(lv.processPending().contains("<p id=\"ticks\">3</p>"), true);
        QCOMPARE(lv.title(), QStringLiteral("tick 3"));
        const QJsonArray events = lv.takePushedEvents();
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.last().toArray().at(0).toString(), QStringLiteral("ticked"));
        bool sawPush = false;
        for (const QByteArray &f : lv.sentFrames()) {
            const QJsonArray a = parse(f);
            if (a.at(3).toString() == u"diff") {
                sawPush = true;
                QVERIFY(a.at(1).isNull());                  // pushes carry no ref
                QCOMPARE(a.at(0).toString(), lv.joinRef()); // stamped with the join they belong to
            }
        }
        QVERIFY(sawPush);
    }

    void repeatedStaticsTravelOnce()
    {
        LiveViewTest lv = live(app, "/test/badges");
        const QJsonObject rendered = parse(lv.sentFrames().first())
                                         .at(4)
                                         .toObject()
                                         .value("response")
                                         .toObject()
                                         .value("rendered")
                                         .toObject();
        QVERIFY(rendered.contains("p"));
        QCOMPARE(lv.sentFrames().first().count("class=\\\"hot\\\""), 1);
        QCOMPARE(lv.document().select("b.hot").size(), 3);
        lv.renderEvent("more"); // two new rows, each with the nested node
        QVERIFY(lv.lastDiff().contains("p"));
        QCOMPARE(lv.document().select("b.hot").size(), 5);
        QVERIFY(lv.render().contains("<li><b class=\"hot\">hot</b>newer</li>"));
    }

    void eventForNoChangeStillReplies()
    {
        LiveViewTest lv = live(app, "/test/counter");
        lv.renderEvent("unknown_event_name");
        QCOMPARE(lv.lastReplyStatus(), QStringLiteral("ok"));
        QVERIFY(lv.lastReply().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ChannelProtocol)
#include "tst_channel_protocol.moc"
