// The development error view: which lines it shows, where the caret goes, what is escaped, and
// the shapes it travels in.
#include "devreload/template_error_view.h"

#include <liveview/dev_reloader.h>
#include <liveview/testing/html_document.h>

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace liveview;
using namespace liveview::internal;
using liveview::testing::HtmlDocument;

namespace {
TemplateError errorIn(const QString &source, int line, int column, const QString &message)
{
    TemplateError error(QStringLiteral("pages/a.heex"), line, column, message);
    error.setSource(source);
    return error;
}
} // namespace

class tst_TemplateErrorView : public QObject
{
    Q_OBJECT
private slots:
    void excerpt_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("numbers"); // the data-line of each source line shown
        QTest::addColumn<QString>("current");     // the text of the line the error is on
        QTest::addColumn<QString>("caret");

        const QString six = QStringLiteral("l1\nl2\nl3\nl4\nl5\nl6");
        QTest::newRow("first line") << six << 1 << 2 << QStringList{"1", "2", "3"} << "l1"
                                    << " ^";
        QTest::newRow("middle: two lines either side")
            << six << 4 << 1 << QStringList{"2", "3", "4", "5", "6"} << "l4"
            << "^";
        QTest::newRow("last line") << six << 6 << 3 << QStringList{"4", "5", "6"} << "l6"
                                   << "  ^";
        QTest::newRow("tabs before the column are kept so the caret lines up")
            << "\tx {a b}" << 1 << 6 << QStringList{"1"} << "\tx {a b}"
            << "\t    ^";
        QTest::newRow("windows line ends")
            << "a\r\nb {\r\nc" << 2 << 3 << QStringList{"1", "2", "3"} << "b {"
            << "  ^";
        QTest::newRow("a line past the end shows the last one")
            << "one\ntwo" << 9 << 1 << QStringList{"1", "2"} << "two"
            << "^";
    }
    void excerpt()
    {
        QFETCH(QString, source);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QStringList, numbers);
        QFETCH(QString, current);
        QFETCH(QString, caret);
        const HtmlDocument doc = HtmlDocument::parseFragment(
            templateErrorHtml(errorIn(source, line, column, QStringLiteral("m"))));
        QStringList shown;
        for (const auto &el : doc.select(QStringLiteral(".dev-error-line")))
            shown << el.attribute(QStringLiteral("data-line"));
        QCOMPARE(shown, numbers);
        QCOMPARE(doc.select(QStringLiteral(".dev-error-current")).size(), 1);
        QCOMPARE(doc.selectOne(QStringLiteral(".dev-error-current")).textContent(), current);
        QCOMPARE(doc.selectOne(QStringLiteral(".dev-error-caret")).textContent(), caret);
    }

    void everythingIsEscaped_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("messageHtml");
        QTest::newRow("quoted source as code")
            << "expected `}` to close this `{`"
            << "expected <code>}</code> to close this <code>{</code>";
        QTest::newRow("markup in quotes") << "found `<b>`"
                                          << "found <code>&lt;b&gt;</code>";
        QTest::newRow("markup unquoted") << "unexpected closing tag </script>"
                                         << "unexpected closing tag &lt;/script&gt;";
        QTest::newRow("an odd backtick is left as it is") << "a ` <i>"
                                                          << "a ` &lt;i&gt;";
    }
    void everythingIsEscaped()
    {
        QFETCH(QString, message);
        QFETCH(QString, messageHtml);
        TemplateError error(QStringLiteral("<x>.heex"), 1, 1, message);
        error.setSource(QStringLiteral("<script>alert(\"%1\")</script>{"));
        const QString html = templateErrorHtml(error);
        QVERIFY2(html.contains(
                     QStringLiteral("<h2 class=\"dev-error-message\">%1</h2>").arg(messageHtml)),
                 qPrintable(html));
        QVERIFY(html.contains(QLatin1String("&lt;x&gt;.heex:1:1")));
        QVERIFY(
            html.contains(QLatin1String("&lt;script&gt;alert(&quot;%1&quot;)&lt;/script&gt;{")));
        QVERIFY(!html.contains(QLatin1String("<script")));
        QVERIFY(!html.contains(QLatin1String("<x>")));
    }

    void noSourceNoExcerpt()
    {
        const TemplateError error(QStringLiteral("gone.heex"), 1, 1,
                                  QStringLiteral("template not found"));
        const QString html = templateErrorHtml(error);
        QVERIFY(html.contains(QLatin1String("gone.heex:1:1")));
        QVERIFY(!html.contains(QLatin1String("<pre")));
    }

    void shownOnlyInDevelopmentModeAndOnlyForCompileErrors()
    {
        const TemplateError compileError(QStringLiteral("a.heex"), 1, 1, QStringLiteral("m"));
        const EvaluationError evaluationError(QStringLiteral("not a number"));
        QCOMPARE(templateErrorToShow(compileError), nullptr);
        QTemporaryDir root;
        DevReloader reloader(root.path());
        QCOMPARE(templateErrorToShow(compileError), &compileError);
        QCOMPARE(templateErrorToShow(evaluationError), nullptr);
    }

    void wireShapes()
    {
        const TemplateError error = errorIn(QStringLiteral("{"), 1, 1, QStringLiteral("m"));
        const QJsonObject tree = templateErrorTree(error);
        QCOMPARE(tree.keys(), QStringList{"s"});
        QCOMPARE(tree.value("s").toArray().size(), 1);

        const QJsonArray shown = templateErrorShownDiff("phx-a", error).value("e").toArray();
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.at(0)[0].toString(), QStringLiteral("liveview:template-error"));
        QCOMPARE(shown.at(0)[1]["view"].toString(), QStringLiteral("phx-a"));
        QCOMPARE(shown.at(0)[1]["html"].toString(), templateErrorHtml(error));

        const QJsonArray fixed = templateErrorFixedDiff("phx-a").value("e").toArray();
        QCOMPARE(fixed.at(0)[0].toString(), QStringLiteral("liveview:template-fixed"));
        QCOMPARE(fixed.at(0)[1]["view"].toString(), QStringLiteral("phx-a"));
    }

    void theLayoutErrorPageHasNoInlineScript()
    {
        const QString page = QString::fromUtf8(
            templateErrorPage(errorIn(QStringLiteral("<script>x</script>{"), 1, 19, "m")));
        QCOMPARE(page.count(QLatin1String("<script")), 1);
        QVERIFY(
            page.contains(QLatin1String("<script defer src=\"/assets/dev_reload.js\"></script>")));
        QVERIFY(page.contains(QLatin1String("data-dev-reload")));
    }
};

QTEST_GUILESS_MAIN(tst_TemplateErrorView)
#include "tst_templateerrorview.moc"
