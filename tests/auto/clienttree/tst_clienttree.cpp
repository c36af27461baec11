// The harness's copy of the client merge rules (rendered.js): every rule, and the client crashes.
#include "testing/client_tree.h"

#include <QJsonDocument>
#include <QtTest>

#include "tst_clienttree.h"

using namespace liveview::testing;

namespace {
QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

void tst_ClientTree::merge_data()
{
    QTest::addColumn<QByteArray>("rendered");
    QTest::addColumn<QList<QByteArray>>("diffs");
    QTest::addColumn<QString>("html");
    const QByteArray counter = R"({"0":"0","s":["<b>","</b>"]})";
    QTest::newRow("scalar") << counter << QList<QByteArray>{R"({"0":"1"})"} << "<b>1</b>";
    QTest::newRow("full replacement")
        << counter << QList<QByteArray>{R"({"s":["<i>","</i>"],"0":"x"})"} << "<i>x</i>";
    const QByteArray list =
        R"({"0":{"s":["<li>","</li>"],"k":{"0":{"0":"a"},"1":{"0":"b"},"2":{"0":"c"},"kc":3}},"s":["<ul>","</ul>"]})";
    QTest::newRow("keyed append") << list
                                  << QList<QByteArray>{R"({"0":{"k":{"3":{"0":"d"},"kc":4}}})"}
                                  << "<ul><li>a</li><li>b</li><li>c</li><li>d</li></ul>";
    QTest::newRow("keyed shrink") << list << QList<QByteArray>{R"({"0":{"k":{"kc":1}}})"}
                                  << "<ul><li>a</li></ul>";
    QTest::newRow("keyed moves read old positions")
        << list << QList<QByteArray>{R"({"0":{"k":{"0":2,"2":0,"kc":3,"km":true}}})"}
        << "<ul><li>c</li><li>b</li><li>a</li></ul>";
    QTest::newRow("keyed move with diff")
        << list << QList<QByteArray>{R"({"0":{"k":{"0":[1,{"0":"B"}],"1":0,"kc":3,"km":true}}})"}
        << "<ul><li>B</li><li>a</li><li>c</li></ul>";
    QTest::newRow("templates p")
        << QByteArray(
               R"({"0":{"s":0,"k":{"0":{"0":"x"},"kc":1}},"p":{"0":["<li>","</li>"]},"s":["<ul>","</ul>"]})")
        << QList<QByteArray>{} << "<ul><li>x</li></ul>";
    QTest::newRow("component by cid")
        << QByteArray(
               R"({"0":1,"c":{"1":{"0":"7","r":1,"s":["<div id=\"c\">","</div>"]}},"s":["",""]})")
        << QList<QByteArray>{R"({"c":{"1":{"0":"8"}}})"}
        << "<div data-phx-component=\"1\" id=\"c\">8</div>";
}
void tst_ClientTree::merge()
{
    QFETCH(QByteArray, rendered);
    QFETCH(QList<QByteArray>, diffs);
    QFETCH(QString, html);
    ClientTree tree;
    tree.reset(obj(rendered));
    for (const QByteArray &d : diffs)
        tree.merge(obj(d));
    QCOMPARE(tree.toHtml(), html);
}

void tst_ClientTree::extrasAreTakenOff()
{
    ClientTree tree;
    tree.reset(obj(R"({"0":"0","s":["",""],"t":"Hi"})"));
    QCOMPARE(tree.title(), QStringLiteral("Hi"));
    tree.merge(obj(R"({"e":[["ping",{"a":1}]],"r":{"ok":true}})"));
    QCOMPARE(tree.takeEvents().size(), 1);
    QCOMPARE(tree.lastReplyValue().toObject().value("ok").toBool(), true);
    QCOMPARE(tree.toHtml(), QStringLiteral("0"));
}

void tst_ClientTree::clientCrashesAreReported_data()
{
    QTest::addColumn<QByteArray>("diff");
    QTest::newRow("move without km") << QByteArray(R"({"0":{"k":{"0":1,"kc":2}}})");
    QTest::newRow("keyed without kc") << QByteArray(R"({"0":{"k":{"0":{"0":"z"}}}})");
    QTest::newRow("unknown cid") << QByteArray(R"({"1":5})");
}
void tst_ClientTree::clientCrashesAreReported()
{
    QFETCH(QByteArray, diff);
    ClientTree tree;
    tree.reset(obj(
        R"({"0":{"s":["<li>","</li>"],"k":{"0":{"0":"a"},"1":{"0":"b"},"kc":2}},"1":"x","s":["<ul>","</ul>",""]})"));
    QVERIFY_THROWS_EXCEPTION(ProtocolError, {
        tree.merge(obj(diff));
        tree.toHtml();
    });
}

QTEST_GUILESS_MAIN(tst_ClientTree)
