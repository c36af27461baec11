// The chat product (/chat) through the harness: rooms (list, create, refuse bad names), messages
// and unread counts, presence, typing, history paged into a stream, hostile text, nicknames.
#include <chat/chat_membership.h>
#include <chat/chat_nicknames.h>
#include <chat/chat_room_directory.h>
#include <chat/chat_routes.h>
#include <chat/chat_schema.h>
#include <chat/chat_typing.h>
#include <examples/chat_history.h>
#include <liveview/testing/live_view_test.h>

#include <QTemporaryDir>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;
using namespace livedeck;

class tst_ChatProduct : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    std::shared_ptr<Store> store;
    std::shared_ptr<examples::ChatHistory> history;
    chat::ChatServices services;
    std::shared_ptr<Router> router = std::make_shared<Router>();
    std::unique_ptr<LiveTestApp> app;

    static QStringList texts(LiveViewTest &view, const QString &selector)
    {
        QStringList out;
        for (const HtmlElement &e : view.document().select(selector))
            out << e.textContent().simplified();
        return out;
    }
    static QString nickOf(LiveViewTest &view)
    {
        return view.element("#nick-input").element().attribute("value");
    }

private slots:
    void initTestCase()
    {
        QString error;
        store = Store::open(dir.filePath("chat.sqlite"), chat::ChatSchema::all(), &error);
        QVERIFY2(store, qPrintable(error));
        history = std::make_shared<examples::ChatHistory>(store);
        services = chat::makeChatServices(store, history, nullptr);
        chat::registerChat(*router, services);
        app = std::make_unique<LiveTestApp>(router);
    }

    void theLobbyIsListedAndShownFirst()
    {
        LiveViewTest v = live(*app, "/chat");
        QCOMPARE(v.element("#room-title").element().textContent(), QStringLiteral("#lobby"));
        QVERIFY(texts(v, "#rooms li").contains("#lobby"));
        QVERIFY(v.element("#room-lobby").element().classes().contains("is-current"));
        QVERIFY(nickOf(v).startsWith("guest-"));
    }

    void aCreatedRoomIsJoinedAndListedEverywhere()
    {
        LiveViewTest maker = live(*app, "/chat");
        LiveViewTest other = live(*app, "/chat");
        maker.element("#room-form").renderSubmit({{"name", "design"}});
        QCOMPARE(maker.assertPatch(), QStringLiteral("/chat?room=design"));
        maker.renderPatch("/chat?room=design");
        QCOMPARE(maker.element("#room-title").element().textContent(), QStringLiteral("#design"));
        other.processPending();
        QVERIFY(other.hasElement("#room-design"));
        QVERIFY(services.rooms->exists("design"));
    }

    void badRoomNamesAreRefusedAndShownEscaped()
    {
        LiveViewTest v = live(*app, "/chat");
        v.element("#room-form").renderSubmit({{"name", "<b>bold</b>"}});
        QVERIFY(v.hasElement("#room-error"));
        QVERIFY(v.element("#room-error").element().textContent().contains("1 to 40 letters"));
        QVERIFY(!services.rooms->exists("<b>bold</b>"));
        // An unknown room in the URL: the lobby, and the name shown as text.
        LiveViewTest w = live(*app, "/chat?room=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
        QCOMPARE(w.element("#room-title").element().textContent(), QStringLiteral("#lobby"));
        QVERIFY(w.element("#room-error").element().textContent().contains("<img src=x"));
        QVERIFY(w.document().select("#chat-app img").isEmpty());
    }

    void messagesReachTheRoomAndCountAsUnreadElsewhere()
    {
        QCOMPARE(services.rooms->create("unread-a", "t"),
                 chat::ChatRoomDirectory::Creation::Created);
        QCOMPARE(services.rooms->create("unread-b", "t"),
                 chat::ChatRoomDirectory::Creation::Created);
        LiveViewTest alice = live(*app, "/chat?room=unread-a");
        LiveViewTest bob = live(*app, "/chat?room=unread-a");
        bob.renderPatch("/chat?room=unread-b"); // bob joined both, now reads b
        alice.element("#message-form").renderSubmit({{"body", "first"}});
        alice.element("#message-form").renderSubmit({{"body", "second"}});
        alice.processPending();
        bob.processPending();
        QCOMPARE(texts(alice, "#messages .chat-body"), QStringList({"first", "second"}));
        QCOMPARE(bob.element("#unread-unread-a").element().textContent(), QStringLiteral("2"));
        QVERIFY(bob.document().select("#messages li").isEmpty());
        // Reading the room clears its count; the messages are there.
        bob.renderPatch("/chat?room=unread-a");
        QVERIFY(!bob.hasElement("#unread-unread-a"));
        QCOMPARE(texts(bob, "#messages .chat-body"), QStringList({"first", "second"}));
        // Unread counts come from the store: a new page of the same session would find them.
        bob.renderPatch("/chat?room=unread-b");
        alice.element("#message-form").renderSubmit({{"body", "third"}});
        bob.processPending();
        QCOMPARE(bob.element("#unread-unread-a").element().textContent(), QStringLiteral("1"));
        QCOMPARE(services.membership->unreadCounts(bob.sessionId()).value("unread-a"), 1);
    }

    void emptyAndOversizedMessagesAreRefused()
    {
        QCOMPARE(services.rooms->create("quiet", "t"), chat::ChatRoomDirectory::Creation::Created);
        LiveViewTest v = live(*app, "/chat?room=quiet");
        v.element("#message-form").renderSubmit({{"body", "   "}});
        v.element("#message-form").renderSubmit({{"body", QString(2001, 'x')}});
        v.processPending();
        QVERIFY(v.document().select("#messages li").isEmpty());
        QVERIFY(v.element("#send-error").element().textContent().contains("2000"));
        QCOMPARE(history->countAfter("chat:quiet", 0), 0);
    }

    void peopleOnlineFollowTheRoom()
    {
        QCOMPARE(services.rooms->create("online", "t"), chat::ChatRoomDirectory::Creation::Created);
        LiveViewTest alice = live(*app, "/chat?room=online");
        alice.element("#nick-form").renderSubmit({{"nick", "alice"}});
        LiveViewTest bob = live(*app, "/chat?room=online");
        bob.element("#nick-form").renderSubmit({{"nick", "bob"}});
        // Presence changes are shown within ChatPage::onlineRefreshMs (coalesced).
        QTRY_COMPARE((alice.processPending(), texts(alice, "#online li")),
                     QStringList({"Aalice (you)", "Bbob"}));
        QCOMPARE(alice.element("#online-count").element().textContent(),
                 QStringLiteral("2 online"));
        bob.renderPatch("/chat?room=lobby");
        QTRY_COMPARE((alice.processPending(), texts(alice, "#online li")),
                     QStringList({"Aalice (you)"}));
        QCOMPARE(alice.element("#online-count").element().textContent(),
                 QStringLiteral("1 online"));
    }

    void typingShowsUntilTheMessageOrSilence()
    {
        QCOMPARE(services.rooms->create("typing", "t"), chat::ChatRoomDirectory::Creation::Created);
        LiveViewTest alice = live(*app, "/chat?room=typing");
        LiveViewTest bob = live(*app, "/chat?room=typing");
        bob.element("#nick-form").renderSubmit({{"nick", "bob"}});
        bob.element("#message-form").renderChange({{"body", "hel"}});
        alice.processPending();
        QCOMPARE(alice.element("#typing").element().textContent(),
                 QStringLiteral("bob is typing…"));
        QCOMPARE(bob.element("#typing").element().textContent(), QString()); // not to oneself
        bob.element("#message-form").renderSubmit({{"body", "hello"}});
        alice.processPending();
        QCOMPARE(alice.element("#typing").element().textContent(), QString());
        // Typing again: throttled on the sender (one notice per interval), gone after silence.
        bob.element("#message-form").renderChange({{"body", "more"}});
        alice.processPending();
        QCOMPARE(alice.element("#typing").element().textContent(),
                 QStringLiteral("bob is typing…"));
        QTRY_VERIFY_WITH_TIMEOUT(
            (alice.processPending(), alice.element("#typing").element().textContent().isEmpty()),
            chat::ChatTyping::lifetimeMs * 3);
    }

    void historyIsPagedIntoTheStreamAsTheReaderScrollsUp()
    {
        QCOMPARE(services.rooms->create("long", "t"), chat::ChatRoomDirectory::Creation::Created);
        for (int i = 1; i <= 75; ++i)
            QVERIFY(history->append("chat:long", "writer", QStringLiteral("m%1").arg(i)) > 0);
        LiveViewTest v = live(*app, "/chat?room=long");
        QStringList shown = texts(v, "#messages .chat-body");
        QCOMPARE(shown.size(), 30);
        QCOMPARE(shown.first(), QStringLiteral("m46"));
        QCOMPARE(shown.last(), QStringLiteral("m75"));
        QCOMPARE(v.element("#messages").element().attribute("phx-viewport-top"),
                 QStringLiteral("load-older"));
        QVERIFY(!v.hasElement("#chat-start"));
        v.renderEvent("load-older", {{"id", "messages-46"}});
        shown = texts(v, "#messages .chat-body");
        QCOMPARE(shown.size(), 60);
        QCOMPARE(shown.first(), QStringLiteral("m16"));
        // The page travelled as stream inserts: the diff holds 30 new rows, not the 30 old ones.
        QVERIFY(!QJsonDocument(v.lastDiff()).toJson().contains("\"m46\""));
        v.renderEvent("load-older", {{"id", "messages-16"}});
        shown = texts(v, "#messages .chat-body");
        QCOMPARE(shown.size(), 75);
        QCOMPARE(shown.first(), QStringLiteral("m1"));
        QCOMPARE(shown.last(), QStringLiteral("m75"));
        QVERIFY(!v.element("#messages").element().hasAttribute("phx-viewport-top"));
        QVERIFY(v.hasElement("#chat-start"));
        v.renderEvent("load-older", {{"id", "messages-1"}}); // a late repeat changes nothing
        QCOMPARE(texts(v, "#messages .chat-body").size(), 75);
    }

    void hostileTextStaysTextAndOnlyHttpLinksAreClickable()
    {
        QCOMPARE(services.rooms->create("hostile", "t"),
                 chat::ChatRoomDirectory::Creation::Created);
        LiveViewTest mallory = live(*app, "/chat?room=hostile");
        mallory.element("#nick-form").renderSubmit({{"nick", "<img src=x onerror=1>"}});
        LiveViewTest victim = live(*app, "/chat?room=hostile");
        const QString body = "<script>alert(1)</script> see https://example.com/a?b=1&c=2. "
                             "javascript:alert(1) http://x\"onmouseover=alert(1) "
                             "<a href=\"javascript:alert(2)\">click</a>";
        mallory.element("#message-form").renderSubmit({{"body", body}});
        victim.processPending();
        QVERIFY(victim.document().select("#chat-app script").isEmpty());
        QVERIFY(victim.document().select("#chat-app img").isEmpty());
        const QList<HtmlElement> links = victim.document().select("#messages .chat-body a");
        QCOMPARE(links.size(), 2);
        QCOMPARE(links.at(0).attribute("href"), QStringLiteral("https://example.com/a?b=1&c=2"));
        QCOMPARE(links.at(0).attribute("rel"), QStringLiteral("noopener noreferrer nofollow"));
        QCOMPARE(links.at(1).attribute("href"), QStringLiteral("http://x"));
        for (const HtmlElement &a : links)
            QVERIFY(!a.hasAttribute("onmouseover"));
        QCOMPARE(victim.element("#messages .chat-body").element().textContent(), body);
        QCOMPARE(victim.element("#messages .chat-author").element().textContent(),
                 QStringLiteral("<img src=x onerror=1>"));
    }

    void theNicknameBelongsToTheBrowserSession()
    {
        LiveViewTest v = live(*app, "/chat");
        v.element("#nick-form").renderSubmit({{"nick", "  Zoë   Q  "}});
        QCOMPARE(nickOf(v), QStringLiteral("Zoë Q"));
        QCOMPARE(services.nicknames->nicknameOf(v.sessionId()), QStringLiteral("Zoë Q"));
        // Refused: empty, too long, invisible characters; the name stays.
        for (const QString &bad : {QString("   "), QString(25, 'n'), QString("a\u202Eb")}) {
            v.element("#nick-form").renderSubmit({{"nick", bad}});
            QVERIFY(v.hasElement("#nick-error"));
            QCOMPARE(nickOf(v), QStringLiteral("Zoë Q"));
        }
        // Another browser (another session) is someone else.
        LiveViewTest other = live(*app, "/chat");
        QVERIFY(nickOf(other).startsWith("guest-"));
    }

    void attachmentsShowRasterImagesInlineAndAnythingElseAsADownload()
    {
        QCOMPARE(services.rooms->create("files", "t"), chat::ChatRoomDirectory::Creation::Created);
        history->append("chat:files", "u", "a picture", {},
                        {{"name", "cat.png"},
                         {"type", "image/png"},
                         {"size", 2048},
                         {"file", "0123456789abcdef0123456789abcdef.png"}});
        history->append("chat:files", "u", "", {},
                        {{"name", "<b>page</b>.html"},
                         {"type", "text/html"},
                         {"size", 10},
                         {"file", "0123456789abcdef0123456789abcdef.bin"}});
        LiveViewTest v = live(*app, "/chat?room=files");
        const QList<HtmlElement> figures = v.document().select("#messages figure");
        QCOMPARE(figures.size(), 2);
        QCOMPARE(figures.at(0).selectOne("img").attribute("src"),
                 QStringLiteral("/chat/files/0123456789abcdef0123456789abcdef.png"));
        QVERIFY(figures.at(1).select("img").isEmpty()); // HTML is never shown inline
        const HtmlElement download = figures.at(1).selectOne("figcaption a");
        QCOMPARE(download.attribute("download"), QStringLiteral("<b>page</b>.html"));
        QCOMPARE(download.textContent(), QStringLiteral("<b>page</b>.html"));
        QVERIFY(figures.at(1).select("b").isEmpty());
        // A message with only a file has no text paragraph.
        QCOMPARE(v.document().select("#messages .chat-body").size(), 1);
    }

    void messagesSurviveANewServerOverTheSameStore()
    {
        QCOMPARE(services.rooms->create("durable", "t"),
                 chat::ChatRoomDirectory::Creation::Created);
        {
            LiveViewTest v = live(*app, "/chat?room=durable");
            v.element("#message-form").renderSubmit({{"body", "kept"}});
        }
        auto freshRouter = std::make_shared<Router>();
        chat::registerChat(*freshRouter, chat::makeChatServices(store, history, nullptr));
        LiveTestApp restarted(freshRouter);
        LiveViewTest v = live(restarted, "/chat?room=durable");
        QCOMPARE(texts(v, "#messages .chat-body"), QStringList({"kept"}));
    }
};

QTEST_GUILESS_MAIN(tst_ChatProduct)
#include "tst_chat_product.moc"
