// The harness DOM: selector forms and combinators, accessors, deterministic serialization.
#include <liveview/testing/html_document.h>

#include <QtTest>

#include "tst_htmldocument.h"

using namespace liveview::testing;

namespace {
const char *page = R"(
<div id="app" class="shell dark">
  <ul id="items">
    <li id="item-1" class="row first" data-kind="fruit">apple</li>
    <li id="item-2" class="row" data-kind="veg tuber">potato</li>
    <li id="item-3" class="row last" data-kind="fruit-ish">tomato &amp; co</li>
  </ul>
  <form id="f"><input name="user[name]" value="Jo"><button type="submit" phx-click="save">Save</button></form>
  <p lang='en'>Hello <b>world</b></p>
</div>)";

QStringList ids(const QList<HtmlElement> &elements)
{
    QStringList out;
    for (const HtmlElement &e : elements)
        out << (e.id().isEmpty() ? e.tagName() : e.id());
    return out;
}
} // namespace

void tst_HtmlDocument::select_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("type") << "li" << QStringList{"item-1", "item-2", "item-3"};
    QTest::newRow("id") << "#item-2" << QStringList{"item-2"};
    QTest::newRow("class") << ".row.last" << QStringList{"item-3"};
    QTest::newRow("attribute present")
        << "[data-kind]" << QStringList{"item-1", "item-2", "item-3"};
    QTest::newRow("attribute equals") << "[data-kind=fruit]" << QStringList{"item-1"};
    QTest::newRow("attribute quoted") << "[data-kind=\"veg tuber\"]" << QStringList{"item-2"};
    QTest::newRow("attribute word") << "[data-kind~=tuber]" << QStringList{"item-2"};
    QTest::newRow("attribute prefix") << "[data-kind^=fruit]" << QStringList{"item-1", "item-3"};
    QTest::newRow("attribute suffix") << "[data-kind$=ish]" << QStringList{"item-3"};
    QTest::newRow("attribute substring") << "[data-kind*=ber]" << QStringList{"item-2"};
    QTest::newRow("attribute with brackets") << "input[name='user[name]']" << QStringList{"input"};
    QTest::newRow("compound") << "li#item-1.row[data-kind=fruit]" << QStringList{"item-1"};
    QTest::newRow("descendant") << "#app li.first" << QStringList{"item-1"};
    QTest::newRow("child") << "#app > ul > li:last-child" << QStringList{"item-3"};
    QTest::newRow("child does not skip levels") << "#app > li" << QStringList{};
    QTest::newRow("first-child") << "li:first-child" << QStringList{"item-1"};
    QTest::newRow("not") << "li:not(.first)" << QStringList{"item-2", "item-3"};
    QTest::newRow("list keeps document order")
        << "#item-3, #item-1" << QStringList{"item-1", "item-3"};
    QTest::newRow("universal") << "p > *" << QStringList{"b"};
    QTest::newRow("case-insensitive tag") << "LI#item-2" << QStringList{"item-2"};
    QTest::newRow("no match") << "table" << QStringList{};
}

void tst_HtmlDocument::select()
{
    QFETCH(QString, selector);
    QFETCH(QStringList, expected);
    const HtmlDocument doc = HtmlDocument::parse(QString::fromUtf8(page));
    QCOMPARE(ids(doc.select(selector)), expected);
}

void tst_HtmlDocument::badSelectors_data()
{
    QTest::addColumn<QString>("selector");
    QTest::newRow("empty") << "";
    QTest::newRow("unclosed attribute") << "[data-kind";
    QTest::newRow("unclosed quote") << "[a=\"x]";
    QTest::newRow("unsupported pseudo") << "li:hover";
    QTest::newRow("dangling combinator") << "ul >";
    QTest::newRow("stray character") << "li!";
}

void tst_HtmlDocument::badSelectors()
{
    QFETCH(QString, selector);
    const HtmlDocument doc = HtmlDocument::parse(QString::fromUtf8(page));
    QVERIFY_THROWS_EXCEPTION(SelectorError, doc.select(selector));
}

void tst_HtmlDocument::elementAccessors()
{
    const HtmlDocument doc = HtmlDocument::parse(QString::fromUtf8(page));
    const HtmlElement item = doc.selectOne("#item-3");
    QCOMPARE(item.tagName(), QStringLiteral("li"));
    QCOMPARE(item.textContent(), QStringLiteral("tomato & co")); // entities decoded
    QCOMPARE(item.classes(), (QStringList{"row", "last"}));
    QCOMPARE(item.attribute("DATA-KIND"), QStringLiteral("fruit-ish"));
    QVERIFY(item.hasAttribute("class"));
    QVERIFY(!item.hasAttribute("title"));
    QCOMPARE(item.attribute("title"), QString());
    QCOMPARE(item.parent().id(), QStringLiteral("items"));
    QCOMPARE(doc.selectOne("#items").children().size(), 3);
    QCOMPARE(doc.selectOne("p").textContent(), QStringLiteral("Hello world"));
    QCOMPARE(item.attributes().first().first, QStringLiteral("id"));
    QVERIFY(doc.selectOne("#nope").isNull());
}

void tst_HtmlDocument::serialization()
{
    const HtmlDocument doc = HtmlDocument::parseFragment(
        QStringLiteral("<p class='a' title=\"x&quot;y\">1 &lt; 2<br><!-- dropped --></p>"));
    QCOMPARE(doc.root().innerHtml(),
             QStringLiteral("<p class=\"a\" title=\"x&quot;y\">1 &lt; 2<br></p>"));
    QCOMPARE(doc.selectOne("p").outerHtml(), doc.root().innerHtml());
}

void tst_HtmlDocument::fragmentsWithSeveralRoots()
{
    const HtmlDocument doc =
        HtmlDocument::parseFragment(QStringLiteral("<h1 id=\"a\">A</h1>text<h2 id=\"b\">B</h2>"));
    QCOMPARE(ids(doc.root().children()), (QStringList{"a", "b"}));
    QCOMPARE(ids(doc.select("h1, h2")), (QStringList{"a", "b"}));
    QVERIFY(doc.root().parent().isNull()); // the synthetic container is the top
    QVERIFY(doc.select("div").isEmpty());  // and is not itself matched
}

void tst_HtmlDocument::scopedSelectFromElement()
{
    const HtmlDocument doc = HtmlDocument::parse(QString::fromUtf8(page));
    const HtmlElement form = doc.selectOne("#f");
    QCOMPARE(ids(form.select("button")), QStringList{"button"});
    QVERIFY(form.select("li").isEmpty());
}

QTEST_GUILESS_MAIN(tst_HtmlDocument)
