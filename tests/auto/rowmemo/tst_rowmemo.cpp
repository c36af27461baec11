// RowMemo: during one broadcast, a row whose body reads only its item is rendered once and
// reused by the other views; a row that reads anything else (an assign, an outer loop variable)
// is rendered by each view for itself. Each case renders two "views" (their own assigns and
// rendered trees) fed the same new list, inside one memo scope, and compares every diff with the
// diff the same view renders with no memo at all.
#include "render/renderer.h"
#include "render/row_memo.h"
#include "template/scope.h"

#include <liveview/assigns.h>
#include <liveview/template.h>

#include <QJsonDocument>
#include <QtTest>

using namespace liveview;
using namespace liveview::internal;

namespace {

struct View
{
    Template tmpl;
    Assigns assigns;
    std::unique_ptr<RenderedNode> tree;

    View(const QString &source, const QVariantHash &initial) : tmpl(Template::compile(source))
    {
        for (auto it = initial.cbegin(); it != initial.cend(); ++it)
            assigns.assign(it.key(), it.value());
        Scope scope;
        scope.assigns = &assigns.values();
        QJsonObject json;
        tree = Renderer::render(*tmpl.compiled()->root, scope, &json);
        assigns.clearChanged();
    }
    QByteArray update(const QString &key, const QVariant &value)
    {
        assigns.assign(key, value);
        Scope scope;
        scope.assigns = &assigns.values();
        ChangeSet changes;
        changes.assigns = &assigns.changed();
        const QJsonObject diff = Renderer::update(*tree, scope, changes);
        assigns.clearChanged();
        return QJsonDocument(diff).toJson(QJsonDocument::Compact);
    }
    QString html() const { return renderedToHtml(*tree); }
};

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
        const QVariantList before{message(1, "alice", "hi")};
        QVariantList after = before;
        after.append(message(2, "bob", "hello"));

        // What each view renders on its own, with no memo.
        View aliceAlone(source, {{"me", "alice"}, {"messages", before}});
        View bobAlone(source, {{"me", "bob"}, {"messages", before}});
        const QByteArray aliceExpected = aliceAlone.update("messages", after);
        const QByteArray bobExpected = bobAlone.update("messages", after);

        View alice(source, {{"me", "alice"}, {"messages", before}});
        View bob(source, {{"me", "bob"}, {"messages", before}});
        const RowMemo::Scope memo;
        QCOMPARE(alice.update("messages", after), aliceExpected);
        QCOMPARE(RowMemo::current()->find(alice.tmpl.compiled()->root->dynamics[0].body.get(),
                                          after.last()) != nullptr,
                 shared);
        QCOMPARE(bob.update("messages", after), bobExpected);
        QCOMPARE(bob.html(), bobAlone.html());
        QCOMPARE(alice.html(), aliceAlone.html());
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
