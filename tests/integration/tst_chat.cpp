// PubSub through the chat example: messages reach every view in the room, hostile text stays
// text, oversized or empty messages are dropped, subscriptions end with the view.
#include <examples/chat_room_log.h>
#include <examples/examples.h>
#include <liveview/pubsub.h>
#include <liveview/testing/live_view_test.h>

#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

class tst_Chat : public QObject
{
    Q_OBJECT
    std::shared_ptr<Router> router = [] {
        auto r = std::make_shared<Router>();
        livedeck::examples::registerExamples(*r);
        return r;
    }();
    LiveTestApp app{router};

private slots:
    void messagesReachEveryone()
    {
        LiveViewTest alice = live(app, "/examples/chat?user=alice");
        LiveViewTest bob = live(app, "/examples/chat?user=bob");
        QCOMPARE(alice.element("#me").element().textContent(), QStringLiteral("alice"));
        alice.element("#chat-form").renderSubmit({{"body", "hello from alice"}});
        alice.processPending();
        bob.processPending();
        QCOMPARE(bob.document().select("#messages li").size(), 1);
        QCOMPARE(bob.element("#messages li").element().textContent(),
                 QStringLiteral("alice: hello from alice"));
        QCOMPARE(alice.element("#messages li").element().textContent(),
                 QStringLiteral("alice: hello from alice"));
        // Bob's answer arrives as a one-row diff.
        bob.element("#chat-form").renderSubmit({{"body", "hi alice"}});
        alice.processPending();
        QCOMPARE(alice.document().select("#messages li").size(), 2);
        QCOMPARE(alice.lastDiff().value("1").toObject().value("k").toObject().value("kc").toInt(),
                 2);
        QCOMPARE(alice.lastDiff().value("1").toObject().value("k").toObject().size(),
                 2); // the new row and kc
    }

    void hostileTextIsEscaped()
    {
        LiveViewTest mallory = live(app, "/examples/chat?user=<img src=x onerror=alert(1)>");
        LiveViewTest victim = live(app, "/examples/chat?user=victim");
        mallory.element("#chat-form")
            .renderSubmit({{"body", "<script>alert('x')</script> & \"quotes\""}});
        victim.processPending();
        QVERIFY(victim.document().select("#messages script").isEmpty());
        QVERIFY(victim.document().select("#messages img").isEmpty());
        const QString text = victim.document().select("#messages li").last().textContent();
        QVERIFY(text.endsWith("<script>alert('x')</script> & \"quotes\""));
        QVERIFY(victim.render().contains("&lt;script&gt;"));
    }

    void emptyAndOversizedMessagesAreDropped()
    {
        LiveViewTest a = live(app, "/examples/chat?user=a&room=quiet");
        a.element("#chat-form").renderSubmit({{"body", "   "}});
        a.element("#chat-form").renderSubmit({{"body", QString(5000, 'x')}});
        a.element("#chat-form").renderSubmit({{"body", QString(2000, 'y')}}); // the longest kept
        a.processPending();
        QCOMPARE(a.document().select("#messages li").size(), 1);
        QVERIFY(a.element("#messages li").element().textContent().endsWith(QString(2000, 'y')));
    }

    void roomsAreSeparateAndKeepTheirRecentMessages()
    {
        LiveViewTest early = live(app, "/examples/chat?user=early&room=history");
        early.element("#chat-form").renderSubmit({{"body", "before you came"}});
        LiveViewTest elsewhere = live(app, "/examples/chat?user=other&room=elsewhere");
        LiveViewTest late = live(app, "/examples/chat?user=late&room=history");
        elsewhere.processPending();
        QVERIFY(elsewhere.document().select("#messages li").isEmpty());
        QCOMPARE(late.element("#messages li").element().textContent(),
                 QStringLiteral("early: before you came"));
        // Every view of the room shows the same list: the second view's diff equals the first's.
        late.element("#chat-form").renderSubmit({{"body", "now I am here"}});
        early.processPending();
        late.processPending();
        QCOMPARE(early.lastDiff(), late.lastDiff());
        QCOMPARE(early.document().select("#messages li").size(), 2);
    }

    void theListIsTrimmedToTheLastHundredInBatches()
    {
        LiveViewTest v = live(app, "/examples/chat?user=v&room=busy");
        for (int i = 1; i <= 149; ++i)
            v.element("#chat-form").renderSubmit({{"body", QString("m%1").arg(i)}});
        v.processPending();
        QCOMPARE(v.document().select("#messages li").size(), 149);
        v.element("#chat-form").renderSubmit({{"body", "m150"}});
        v.processPending();
        const auto rows = v.document().select("#messages li");
        QCOMPARE(rows.size(), 100);
        QCOMPARE(rows.first().textContent(), QStringLiteral("v: m51"));
        QCOMPARE(rows.last().textContent(), QStringLiteral("v: m150"));
    }

    // Room names come from the URL: made-up rooms nobody has open must not pile up in memory.
    void roomsNobodyHasOpenAreEvictedPastTheCap()
    {
        livedeck::examples::ChatRoomLog log(nullptr, 100, 50, /*maxIdleRooms*/ 4);
        const auto kept = log.room("chat:open"); // a view holds it
        kept->add(QVariantMap{{"id", 1}, {"user", "a"}, {"body", "still here"}});
        for (int i = 0; i < 50; ++i)
            log.room(QStringLiteral("chat:made-up-%1").arg(i)); // opened and left at once
        QVERIFY2(log.loadedRooms() <= 5, qPrintable(QString::number(log.loadedRooms())));
        QCOMPARE(log.room("chat:open"), kept); // the open room was never evicted
        QCOMPARE(kept->messages().size(), 1);
    }

    void subscriptionsEndWithTheView()
    {
        const int before = PubSub::subscriberCount("chat:lobby");
        {
            LiveViewTest gone = live(app, "/examples/chat?user=gone");
            QCOMPARE(PubSub::subscriberCount("chat:lobby"), before + 1);
        }
        QCOMPARE(PubSub::subscriberCount("chat:lobby"), before);
    }
};

QTEST_GUILESS_MAIN(tst_Chat)
#include "tst_chat.moc"
