// Statics sent once per message: repeated arrays move to `p`, and the client renders the same HTML.
#include "render/shared_statics.h"
#include "testing/client_tree.h"

#include <QJsonDocument>
#include <QtTest>

#include "tst_sharedstatics.h"

using namespace liveview::internal;

void tst_SharedStatics::share_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("nothing repeats") << QByteArray(R"({"0":"a","s":["<p>","</p>"]})")
                                     << QByteArray(R"({"0":"a","s":["<p>","</p>"]})");
    QTest::newRow("nested node per keyed entry")
        << QByteArray(
               R"({"0":{"k":{"0":{"0":{"0":"x","s":["<b>","</b>"]}},"1":{"0":{"0":"y","s":["<b>","</b>"]}},"kc":2},"s":["<li>","</li>"]},"s":["<ul>","</ul>"]})")
        << QByteArray(
               R"({"0":{"k":{"0":{"0":{"0":"x","s":0}},"1":{"0":{"0":"y","s":0}},"kc":2},"s":["<li>","</li>"]},"p":{"0":["<b>","</b>"]},"s":["<ul>","</ul>"]})");
    QTest::newRow("inside a keyed move with diff")
        << QByteArray(
               R"({"0":{"k":{"0":[1,{"0":{"0":"x","s":["<b>","</b>"]}}],"1":{"0":{"0":"y","s":["<b>","</b>"]}},"kc":2,"km":true}}})")
        << QByteArray(
               R"({"0":{"k":{"0":[1,{"0":{"0":"x","s":0}}],"1":{"0":{"0":"y","s":0}},"kc":2,"km":true}},"p":{"0":["<b>","</b>"]}})");
    QTest::newRow("components keep their own statics")
        << QByteArray(
               R"({"0":{"0":"a","s":["<i>","</i>"]},"c":{"1":{"0":"b","s":["<i>","</i>"]}},"s":["",""]})")
        << QByteArray(
               R"({"0":{"0":"a","s":["<i>","</i>"]},"c":{"1":{"0":"b","s":["<i>","</i>"]}},"s":["",""]})");
}

void tst_SharedStatics::share()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QJsonObject json = QJsonDocument::fromJson(input).object();
    shareRepeatedStatics(json);
    QCOMPARE(QJsonDocument(json).toJson(QJsonDocument::Compact),
             QJsonDocument::fromJson(expected).toJson(QJsonDocument::Compact));
    if (!json.contains("c") && json.contains("s")) { // full renders: the client shows the same page
        liveview::testing::ClientTree before, after;
        before.reset(QJsonDocument::fromJson(input).object());
        after.reset(json);
        QCOMPARE(after.toHtml(), before.toHtml());
    }
}

QTEST_GUILESS_MAIN(tst_SharedStatics)
