// ChatMessageFormat::parts: which text becomes a link (http and https URLs only, without the
// sentence's punctuation) and that the parts always spell the message exactly.
#include <chat/chat_message_format.h>
#include <chat/chat_typing.h>

#include <QtTest>

using livedeck::chat::ChatMessageFormat;
using livedeck::chat::ChatTyping;

class tst_ChatMessageFormat : public QObject
{
    Q_OBJECT
private slots:
    void parts_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QStringList>("hrefs");
        QTest::newRow("plain") << "no links here" << QStringList();
        QTest::newRow("https") << "see https://example.com/x?a=1&b=2"
                               << QStringList{"https://example.com/x?a=1&b=2"};
        QTest::newRow("sentence end")
            << "go to http://example.com." << QStringList{"http://example.com"};
        QTest::newRow("parenthesised") << "(see https://en.wikipedia.org/wiki/Foo_(bar))"
                                       << QStringList{"https://en.wikipedia.org/wiki/Foo_(bar)"};
        QTest::newRow("two") << "http://a.example and https://b.example/"
                             << QStringList{"http://a.example", "https://b.example/"};
        QTest::newRow("javascript") << "javascript:alert(1)" << QStringList();
        QTest::newRow("data") << "data:text/html,<script>alert(1)</script>" << QStringList();
        QTest::newRow("quote ends it")
            << "http://x\"onmouseover=alert(1)" << QStringList{"http://x"};
        QTest::newRow("markup ends it")
            << "<a href=https://e.example>x</a>" << QStringList{"https://e.example"};
        QTest::newRow("credentials") << "http://user:pw@example.com/" << QStringList();
        QTest::newRow("no host") << "http:///path" << QStringList();
        QTest::newRow("spaces encoded")
            << "https://example.com/a%20b" << QStringList{"https://example.com/a%20b"};
        QTest::newRow("unicode host")
            << "https://bücher.example/" << QStringList{"https://xn--bcher-kva.example/"};
    }
    void parts()
    {
        QFETCH(QString, body);
        QFETCH(QStringList, hrefs);
        QString spelled;
        QStringList links;
        for (const QVariant &p : ChatMessageFormat::parts(body)) {
            const QVariantMap part = p.toMap();
            spelled += part.value("text").toString();
            if (!part.value("href").toString().isEmpty())
                links << part.value("href").toString();
        }
        QCOMPARE(spelled, body);
        QCOMPARE(links, hrefs);
    }

    void typingSentences_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("nobody") << QStringList() << QString();
        QTest::newRow("one") << QStringList{"ann"} << "ann is typing…";
        QTest::newRow("two") << QStringList{"ann", "bo"} << "ann and bo are typing…";
        QTest::newRow("many") << QStringList{"a", "b", "c"} << "3 people are typing…";
    }
    void typingSentences()
    {
        QFETCH(QStringList, names);
        QFETCH(QString, sentence);
        QCOMPARE(ChatTyping::sentence(names), sentence);
    }

    void typingExpires()
    {
        ChatTyping t;
        QVERIFY(t.touch("ann", 1000));
        QVERIFY(!t.touch("ann", 2000)); // still there: renewed, not new
        QVERIFY(t.touch("bo", 2500));
        QCOMPARE(t.nextExpiry(), 2000 + ChatTyping::lifetimeMs);
        QVERIFY(!t.expire(2000 + ChatTyping::lifetimeMs - 1));
        QVERIFY(t.expire(2000 + ChatTyping::lifetimeMs));
        QCOMPARE(t.names(), QStringList{"bo"});
        QVERIFY(t.remove("bo"));
        QCOMPARE(t.nextExpiry(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ChatMessageFormat)
#include "tst_chatmessageformat.moc"
