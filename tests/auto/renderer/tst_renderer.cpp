// Renderer: full renders and the change-tracking diff rules, one data row per rule.
#include "render/renderer.h"
#include "template/scope.h"

#include <liveview/assigns.h>
#include <liveview/template.h>

#include <QJsonDocument>
#include <QtTest>

#include "../render_session.h"
#include "tst_renderer.h"

using namespace liveview;
using namespace liveview::internal;

namespace {

QVariantHash toAssigns(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object().toVariantHash();
}

// Serializing the expected JSON the way the renderer's output is serialized (sorted keys)
// makes the two comparable byte for byte.
QByteArray normalized(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact);
}

int helperCalls = 0;

} // namespace

void tst_Renderer::initTestCase()
{
    TemplateLibrary::registerHelper(QStringLiteral("counted"), [](const QVariantList &args) {
        ++helperCalls;
        return args.value(0);
    });
    TemplateLibrary::registerComponent(
        QStringLiteral("card"),
        Template::compile(
            QStringLiteral(
                "<section class=\"card\"><h2>{@title}</h2>{render_slot(@inner_block)}</section>"),
            QStringLiteral("card.heex")));
    TemplateLibrary::registerComponent(
        QStringLiteral("panel"),
        Template::compile(
            QStringLiteral("<section><h2>{render_slot(@header)}</h2>{render_slot(@inner_block)}"
                           "<footer :if={@footer}>{render_slot(@footer)}</footer></section>"),
            QStringLiteral("panel.heex")));
}

void tst_Renderer::fullRender_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QByteArray>("assigns");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("text dynamic, single root")
        << "<p>{@a}</p>" << QByteArray(R"({"a":"x"})")
        << QByteArray(R"({"0":"x","r":1,"s":["<p>","</p>"]})");
    QTest::newRow("escaped")
        << "<p>{@a}</p>" << QByteArray(R"({"a":"<b>&\"'"})")
        << QByteArray(R"({"0":"&lt;b&gt;&amp;&quot;&#39;","r":1,"s":["<p>","</p>"]})");
    QTest::newRow("raw") << "<p>{raw(@a)}</p>" << QByteArray(R"({"a":"<b>hi</b>"})")
                         << QByteArray(R"({"0":"<b>hi</b>","r":1,"s":["<p>","</p>"]})");
    QTest::newRow("integer is a string")
        << "{@n}" << QByteArray(R"({"n":5})") << QByteArray(R"({"0":"5","s":["",""]})");
    QTest::newRow("attribute expression")
        << "<a href={@u}>x</a>" << QByteArray(R"({"u":"/x?a=1&b"})")
        << QByteArray(R"({"0":" href=\"/x?a=1&amp;b\"","r":1,"s":["<a",">x</a>"]})");
    QTest::newRow("attribute nil is omitted")
        << "<a href={@u}>x</a>" << QByteArray(R"({"u":null})")
        << QByteArray(R"({"0":"","r":1,"s":["<a",">x</a>"]})");
    QTest::newRow("style nil is written empty, as HEEx does")
        << "<div style={@s}>x</div>" << QByteArray(R"({"s":null})")
        << QByteArray(R"({"0":" style=\"\"","r":1,"s":["<div",">x</div>"]})");
    QTest::newRow("style false is written empty")
        << "<div style={@s}>x</div>" << QByteArray(R"({"s":false})")
        << QByteArray(R"({"0":" style=\"\"","r":1,"s":["<div",">x</div>"]})");
    QTest::newRow("attribute true is bare")
        << "<input disabled={@d}>" << QByteArray(R"({"d":true})")
        << QByteArray(R"({"0":" disabled","r":1,"s":["<input",">"]})");
    QTest::newRow("interpolated attribute")
        << "<li class=\"row {@k}\">x</li>" << QByteArray(R"({"k":"big"})")
        << QByteArray(R"({"0":"big","r":1,"s":["<li class=\"row ","\">x</li>"]})");
    QTest::newRow("literal folds into statics")
        << "<p>{\"a\" }{@b}</p>" << QByteArray(R"({"b":"c"})")
        << QByteArray(R"({"0":"c","r":1,"s":["<p>a","</p>"]})");
    QTest::newRow("if false") << "<div><p :if={@show}>{@a}</p></div>"
                              << QByteArray(R"({"show":false,"a":"x"})")
                              << QByteArray(R"({"0":"","r":1,"s":["<div>","</div>"]})");
    QTest::newRow("if true")
        << "<div><p :if={@show}>{@a}</p></div>" << QByteArray(R"({"show":true,"a":"x"})")
        << QByteArray(R"({"0":{"0":"x","r":1,"s":["<p>","</p>"]},"r":1,"s":["<div>","</div>"]})");
    QTest::newRow("for")
        << "<ul><li :for={i <- @items}>{i}</li></ul>" << QByteArray(R"({"items":["a","b"]})")
        << QByteArray(
               R"({"0":{"k":{"0":{"0":"a"},"1":{"0":"b"},"kc":2},"s":["<li>","</li>"]},"r":1,"s":["<ul>","</ul>"]})");
    QTest::newRow("for with filter")
        << "<ul><li :for={i <- @items} :if={i > 1}>{i}</li></ul>"
        << QByteArray(R"({"items":[1,2,3]})")
        << QByteArray(
               R"({"0":{"k":{"0":{"0":"2"},"1":{"0":"3"},"kc":2},"s":["<li>","</li>"]},"r":1,"s":["<ul>","</ul>"]})");
    QTest::newRow("component with slot")
        << "<.card title={@t}><b>{@body}</b></.card>" << QByteArray(R"({"t":"T","body":"B"})")
        << QByteArray(
               R"({"0":{"0":"T","1":{"0":"B","s":["<b>","</b>"]},"r":1,"s":["<section class=\"card\"><h2>","</h2>","</section>"]},"s":["",""]})");
    QTest::newRow("named slots")
        << "<.panel><:header>Hi {@name}</:header><p>{@body}</p></.panel>"
        << QByteArray(R"({"name":"Ann","body":"B"})")
        << QByteArray(
               R"({"0":{"0":{"0":"Ann","s":["Hi ",""]},"1":{"0":"B","s":["<p>","</p>"]},"2":"","r":1,"s":["<section><h2>","</h2>","","</section>"]},"s":["",""]})");
    QTest::newRow("operators")
        << "{@a + 1} {@a * 2} {@a / 4} {@s <> \"!\"} {@a > 1 && @s == \"x\"} {!@f}"
        << QByteArray(R"({"a":2,"s":"x","f":false})")
        << QByteArray(
               R"({"0":"3","1":"4","2":"0.5","3":"x!","4":"true","5":"true","s":[""," "," "," "," "," ",""]})");
    QTest::newRow("field and index access")
        << "{@user.name} {@list[1]} {@user.tags[0]}"
        << QByteArray(R"({"user":{"name":"Jo","tags":["t"]},"list":[1,2]})")
        << QByteArray(R"({"0":"Jo","1":"2","2":"t","s":[""," "," ",""]})");
}
void tst_Renderer::fullRender()
{
    QFETCH(QString, source);
    QFETCH(QByteArray, assigns);
    QFETCH(QByteArray, expected);
    RenderSession s{Template::compile(source)};
    QCOMPARE(compact(s.renderFull(toAssigns(assigns))), normalized(expected));
}

void tst_Renderer::diff_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QByteArray>("expected");
    const QString two = QStringLiteral("<p>{@a}</p><p>{@b}</p>");
    QTest::newRow("changed scalar") << "<span>{@count}</span>" << QByteArray(R"({"count":0})")
                                    << QByteArray(R"({"count":1})") << QByteArray(R"({"0":"1"})");
    QTest::newRow("equal assign sends nothing")
        << "<span>{@count}</span>" << QByteArray(R"({"count":1})") << QByteArray(R"({"count":1})")
        << QByteArray("{}");
    QTest::newRow("only the dynamic that reads it")
        << two << QByteArray(R"({"a":"1","b":"2"})") << QByteArray(R"({"b":"3"})")
        << QByteArray(R"({"1":"3"})");
    // Qt's own equality calls these maps equal; they render differently ("true", "1").
    QTest::newRow("nested value changes type")
        << "<p>{@m.flag}</p>" << QByteArray(R"({"m":{"flag":true}})")
        << QByteArray(R"({"m":{"flag":1}})") << QByteArray(R"({"0":"1"})");
    QTest::newRow("changed input, same output") << "<p>{@n > 5}</p>" << QByteArray(R"({"n":7})")
                                                << QByteArray(R"({"n":8})") << QByteArray("{}");
    const QString cond = QStringLiteral("<div><p :if={@show}>{@a}</p></div>");
    QTest::newRow("if appears: full node")
        << cond << QByteArray(R"({"show":false,"a":"x"})") << QByteArray(R"({"show":true})")
        << QByteArray(R"({"0":{"0":"x","r":1,"s":["<p>","</p>"]}})");
    QTest::newRow("if disappears: empty string")
        << cond << QByteArray(R"({"show":true,"a":"x"})") << QByteArray(R"({"show":false})")
        << QByteArray(R"({"0":""})");
    QTest::newRow("if body change: partial")
        << cond << QByteArray(R"({"show":true,"a":"x"})") << QByteArray(R"({"a":"y"})")
        << QByteArray(R"({"0":{"0":"y"}})");
    const QString keyed = QStringLiteral(
        "<ul><li :for={i <- @items} :key={i.id} id=\"item-{i.id}\">{i.name}</li></ul>");
    const QByteArray abc =
        R"({"items":[{"id":1,"name":"a"},{"id":2,"name":"b"},{"id":3,"name":"c"}]})";
    QTest::newRow("keyed append")
        << keyed << abc
        << QByteArray(
               R"({"items":[{"id":1,"name":"a"},{"id":2,"name":"b"},{"id":3,"name":"c"},{"id":4,"name":"d"}]})")
        << QByteArray(R"({"0":{"k":{"3":{"0":"4","1":"d"},"kc":4}}})");
    QTest::newRow("keyed remove first: moves")
        << keyed << abc << QByteArray(R"({"items":[{"id":2,"name":"b"},{"id":3,"name":"c"}]})")
        << QByteArray(R"({"0":{"k":{"0":1,"1":2,"kc":2,"km":true}}})");
    QTest::newRow("keyed reverse")
        << keyed << abc
        << QByteArray(R"({"items":[{"id":3,"name":"c"},{"id":2,"name":"b"},{"id":1,"name":"a"}]})")
        << QByteArray(R"({"0":{"k":{"0":2,"2":0,"kc":3,"km":true}}})");
    QTest::newRow("keyed move with change")
        << keyed << abc
        << QByteArray(R"({"items":[{"id":2,"name":"B"},{"id":1,"name":"a"},{"id":3,"name":"c"}]})")
        << QByteArray(R"({"0":{"k":{"0":[1,{"1":"B"}],"1":0,"kc":3,"km":true}}})");
    QTest::newRow("keyed rename one")
        << keyed << abc
        << QByteArray(R"({"items":[{"id":1,"name":"a"},{"id":2,"name":"b"},{"id":3,"name":"c!"}]})")
        << QByteArray(R"({"0":{"k":{"2":{"1":"c!"},"kc":3}}})");
    QTest::newRow("keyed unchanged list") << keyed << abc << abc << QByteArray("{}");
    const QString unkeyed =
        QStringLiteral("<ul><li :for={i <- @items} id=\"item-{i.id}\">{i.name}</li></ul>");
    QTest::newRow("unkeyed remove first: by position")
        << unkeyed << abc << QByteArray(R"({"items":[{"id":2,"name":"b"},{"id":3,"name":"c"}]})")
        << QByteArray(R"({"0":{"k":{"0":{"0":"2","1":"b"},"1":{"0":"3","1":"c"},"kc":2}}})");
    QTest::newRow("unkeyed shrink to empty")
        << unkeyed << abc << QByteArray(R"({"items":[]})") << QByteArray(R"({"0":{"k":{"kc":0}}})");
    QTest::newRow("outer assign inside loop body")
        << "<ul><li :for={i <- @items}>{@p}{i}</li></ul>"
        << QByteArray(R"({"items":["a","b"],"p":"-"})") << QByteArray(R"({"p":"+"})")
        << QByteArray(R"({"0":{"k":{"0":{"0":"+"},"1":{"0":"+"},"kc":2}}})");
    const QString card = QStringLiteral("<.card title={@t}><b>{@body}</b></.card>");
    QTest::newRow("component attribute")
        << card << QByteArray(R"({"t":"T","body":"B"})") << QByteArray(R"({"t":"U"})")
        << QByteArray(R"({"0":{"0":"U"}})");
    QTest::newRow("component inner block")
        << card << QByteArray(R"({"t":"T","body":"B"})") << QByteArray(R"({"body":"C"})")
        << QByteArray(R"({"0":{"1":{"0":"C"}}})");
    QTest::newRow("named slot content")
        << "<.panel><:header>Hi {@name}</:header><p>{@body}</p></.panel>"
        << QByteArray(R"({"name":"Ann","body":"B"})") << QByteArray(R"({"name":"Bob"})")
        << QByteArray(R"({"0":{"0":{"0":"Bob"}}})");
    QTest::newRow("title attribute to nil")
        << "<a title={@t}>x</a>" << QByteArray(R"({"t":"x"})") << QByteArray(R"({"t":null})")
        << QByteArray(R"({"0":""})");
}
void tst_Renderer::diff()
{
    QFETCH(QString, source);
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QByteArray, expected);
    RenderSession s{Template::compile(source)};
    s.renderFull(toAssigns(before));
    QCOMPARE(compact(s.update(toAssigns(after))), normalized(expected));
    // The server's tree must equal a fresh render of the new state.
    RenderSession fresh{s.tmpl};
    fresh.renderFull(s.assigns.values());
    QCOMPARE(s.html(), fresh.html());
}

void tst_Renderer::untouchedDynamicsAreNotEvaluated()
{
    RenderSession s{Template::compile(QStringLiteral("<p>{counted(@a)}</p><p>{@b}</p>"))};
    s.renderFull(toAssigns(R"({"a":"1","b":"2"})"));
    const int afterFirst = helperCalls;
    s.update(toAssigns(R"({"b":"3"})"));
    QCOMPARE(helperCalls, afterFirst);
    s.update(toAssigns(R"({"a":"9"})"));
    QCOMPARE(helperCalls, afterFirst + 1);
}

void tst_Renderer::unchangedLoopEntriesAreNotEvaluated()
{
    RenderSession s{Template::compile(
        QStringLiteral("<ul><li :for={i <- @items} :key={i.id}>{counted(i.name)}</li></ul>"))};
    QVariantList items;
    for (int i = 0; i < 100; ++i)
        items << QVariantMap{{"id", i}, {"name", QString::number(i)}};
    s.renderFull({{"items", items}});
    const int afterFirst = helperCalls;
    items[50] = QVariantMap{{"id", 50}, {"name", "changed"}};
    const QJsonObject diff = s.update({{"items", items}});
    QCOMPARE(helperCalls, afterFirst + 1);
    QCOMPARE(compact(diff), QByteArray(R"({"0":{"k":{"50":{"0":"changed"},"kc":100}}})"));
}

void tst_Renderer::evaluationErrorsThrow()
{
    RenderSession s{Template::compile(QStringLiteral("<p>{@a.b}</p>"))};
    QVERIFY_THROWS_EXCEPTION(EvaluationError, s.renderFull(toAssigns(R"({"a":5})")));
    RenderSession u{Template::compile(QStringLiteral("<p>{nope(1)}</p>"))};
    QVERIFY_THROWS_EXCEPTION(EvaluationError, u.renderFull({}));
}

QTEST_GUILESS_MAIN(tst_Renderer)
