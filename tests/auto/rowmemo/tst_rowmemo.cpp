// RowMemo: during one broadcast, a row whose body reads only its item is rendered once and
// reused by the other views; a row that reads anything else (an assign, an outer loop variable)
// is rendered by each view for itself. Each case renders two "views" (their own assigns and
// rendered trees) fed the same new list, inside one memo scope, and compares every diff with the
// diff the same view renders with no memo at all.
#include "../render_session.h"
#include "render/row_memo.h"

#include <liveview/assigns.h>
#include <liveview/template.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QtTest>

using namespace liveview;
using namespace liveview::internal;

namespace {

// A view of `tmpl` rendered with `initial` (views of one kind share their compiled template, as
// views loading it by name do).
RenderSession rendered(const Template &tmpl, const QVariantHash &initial)
{
    RenderSession view{tmpl};
    view.renderFull(initial);
    return view;
}

// The view's diff after its list became `messages`.
QByteArray show(RenderSession &view, const QVariantList &messages)
{
    return compact(view.update({{"messages", messages}}));
}

QVariantMap message(int id, const QString &user, const QString &body)
{
    return {{"id", id}, {"user", user}, {"body", body}};
}

} // namespace

class tst_RowMemo : public QObject
{
    Q_OBJECT
private slots:
    void viewsGetTheirOwnRowsRight_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("shared"); // whether the appended row may come from the memo
        QTest::newRow("row reads only its item")
            << QStringLiteral("<ul><li :for={m <- @messages} :key={m.id} id=\"m-{m.id}\">"
                              "<b>{m.user}</b>: {m.body}</li></ul>")
            << true;
        QTest::newRow("row reads an assign (per-user highlight)")
            << QStringLiteral("<ul><li :for={m <- @messages} :key={m.id} "
                              "class={if(m.user == @me, \"mine\", \"theirs\")}>{m.body}</li></ul>")
            << false;
        QTest::newRow("row holds a nested node")
            << QStringLiteral("<ul><li :for={m <- @messages} :key={m.id}>"
                              "<b :if={m.body != \"\"}>{m.body}</b></li></ul>")
            << false;
    }
    void viewsGetTheirOwnRowsRight()
    {
        QFETCH(QString, source);
        QFETCH(bool, shared);
        const Template tmpl = Template::compile(source);
        const QVariantList before{message(1, "alice", "hi")};
        QVariantList after = before;
        after.append(message(2, "bob", "hello"));

        // What each view renders on its own, with no memo.
        RenderSession aliceAlone = rendered(tmpl, {{"me", "alice"}, {"messages", before}});
        RenderSession bobAlone = rendered(tmpl, {{"me", "bob"}, {"messages", before}});
        const QByteArray aliceExpected = show(aliceAlone, after);
        const QByteArray bobExpected = show(bobAlone, after);

        RenderSession alice = rendered(tmpl, {{"me", "alice"}, {"messages", before}});
        RenderSession bob = rendered(tmpl, {{"me", "bob"}, {"messages", before}});
        const RowMemo::Scope memo;
        QCOMPARE(show(alice, after), aliceExpected);
        QCOMPARE(show(bob, after), bobExpected);
        QCOMPARE(RowMemo::current()->hits(), shared ? 1 : 0); // bob's row came from alice's
        QCOMPARE(bob.html(), bobAlone.html());
        QCOMPARE(alice.html(), aliceAlone.html());
    }

    // Two views append items that the template language calls equal but that render differently:
    // the second view must not get the first one's row.
    void looselyEqualItemsAreNotShared_data()
    {
        QTest::addColumn<QVariant>("first");
        QTest::addColumn<QVariant>("second");
        QTest::newRow("text and number") << QVariant(QStringLiteral("007")) << QVariant(7);
        QTest::newRow("int and double") << QVariant(1) << QVariant(1.5 - 0.5);
        QTest::newRow("beyond double precision")
            << QVariant(qint64(9007199254740993LL)) << QVariant(qint64(9007199254740992LL));
        QTest::newRow("zero and minus zero") << QVariant(0.0) << QVariant(-0.0);
        QTest::newRow("same instant, other offset")
            << QVariant(QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::OffsetFromUTC, 7200))
            << QVariant(QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC));
    }
    void looselyEqualItemsAreNotShared()
    {
        QFETCH(QVariant, first);
        QFETCH(QVariant, second);
        const Template tmpl = Template::compile(
            QStringLiteral("<ul><li :for={m <- @messages} :key={m.id}>{m.body}</li></ul>"));
        const QVariantList before{message(1, "alice", "hi")};
        QVariantList afterFirst = before, afterSecond = before;
        afterFirst.append(QVariantMap{{"id", 2}, {"user", "x"}, {"body", first}});
        afterSecond.append(QVariantMap{{"id", 2}, {"user", "x"}, {"body", second}});

        RenderSession secondAlone = rendered(tmpl, {{"messages", before}});
        const QByteArray secondExpected = show(secondAlone, afterSecond);

        RenderSession a = rendered(tmpl, {{"messages", before}});
        RenderSession b = rendered(tmpl, {{"messages", before}});
        const RowMemo::Scope memo;
        show(a, afterFirst);
        QCOMPARE(show(b, afterSecond), secondExpected);
        QCOMPARE(b.html(), secondAlone.html());
    }

    // Views whose lists are separate arrays with the same items (each view built its own) cannot
    // share the whole append, but still share the row.
    void separateListsShareTheRowOnly()
    {
        const Template tmpl = Template::compile(
            QStringLiteral("<ul><li :for={m <- @messages} :key={m.id}>{m.body}</li></ul>"));
        const QVariant hi = message(1, "alice", "hi"), hello = message(2, "bob", "hello");
        auto own = [](QVariantList l) {
            l.detach();
            return l;
        };
        RenderSession a = rendered(tmpl, {{"messages", own({hi})}});
        RenderSession b = rendered(tmpl, {{"messages", own({hi})}});
        RenderSession alone = rendered(tmpl, {{"messages", own({hi})}});
        const QByteArray expected = show(alone, own({hi, hello}));
        const RowMemo::Scope memo;
        QCOMPARE(show(a, own({hi, hello})), expected);
        QCOMPARE(show(b, own({hi, hello})), expected);
        QCOMPARE(RowMemo::current()->hits(), 1); // the row, not the append
        QCOMPARE(b.html(), alone.html());
    }

    void memoEndsWithItsScope()
    {
        QVERIFY(!RowMemo::current());
        {
            const RowMemo::Scope outer;
            RowMemo *first = RowMemo::current();
            QVERIFY(first);
            {
                const RowMemo::Scope inner; // a nested broadcast gets its own
                QVERIFY(RowMemo::current() != first);
            }
            QCOMPARE(RowMemo::current(), first);
        }
        QVERIFY(!RowMemo::current());
    }
};

QTEST_GUILESS_MAIN(tst_RowMemo)
#include "tst_rowmemo.moc"
