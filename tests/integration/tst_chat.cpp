// PubSub through the chat example: messages reach every view in the room, hostile text stays
// text, oversized or empty messages are dropped, subscriptions end with the view.
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
        LiveViewTest a = live(app, "/examples/chat?user=a");
        a.element("#chat-form").renderSubmit({{"body", "   "}});
        a.element("#chat-form").renderSubmit({{"body", QString(5000, 'x')}});
        a.processPending();
        QVERIFY(a.document().select("#messages li").isEmpty());
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
