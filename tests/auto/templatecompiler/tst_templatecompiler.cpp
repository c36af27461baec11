// Template compilation: statics/dynamics split, dependencies, and precise error positions.
#include "template/compiled_template.h"

#include <QtTest>

using namespace liveview;
using namespace liveview::internal;

class tst_TemplateCompiler : public QObject
{
    Q_OBJECT
private slots:
    void split_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("statics");
        QTest::addColumn<QStringList>("dependencies"); // of each dynamic, joined by ','
        QTest::addColumn<bool>("singleRoot");
        QTest::newRow("plain") << "<p>hi</p>" << QStringList{"<p>hi</p>"} << QStringList{} << true;
        QTest::newRow("trimmed ends") << "\n  <p>{@a}</p>\n"
                                      << QStringList{"<p>", "</p>"} << QStringList{"a"} << true;
        QTest::newRow("two roots")
            << "<p>{@a}</p><p>{@b}</p>" << QStringList{"<p>", "</p><p>", "</p>"}
            << QStringList{"a", "b"} << false;
        QTest::newRow("expression deps")
            << "<p>{@a + @b.c}</p>" << QStringList{"<p>", "</p>"} << QStringList{"a,b"} << true;
        QTest::newRow("attribute expression")
            << "<a href={@u} class=\"x\">t</a>" << QStringList{"<a", " class=\"x\">t</a>"}
            << QStringList{"u"} << true;
        QTest::newRow("for body deps exclude loop var")
            << "<ul><li :for={x <- @items}>{x.name}{@sep}</li></ul>" << QStringList{"<ul>", "</ul>"}
            << QStringList{"items,sep"} << true;
        QTest::newRow("comment and doctype stay static")
            << "<!DOCTYPE html><!-- {not} --><p>x</p>"
            << QStringList{"<!DOCTYPE html><!-- {not} --><p>x</p>"} << QStringList{} << false;
        QTest::newRow("script is raw text")
            << "<script>if (a) { b() }</script>" << QStringList{"<script>if (a) { b() }</script>"}
            << QStringList{} << true;
        QTest::newRow("void element")
            << "<div><input value={@v}><br></div>" << QStringList{"<div><input", "><br></div>"}
            << QStringList{"v"} << true;
        QTest::newRow("braces inside strings")
            << "<p>{\"}\" <> @a}</p>" << QStringList{"<p>", "</p>"} << QStringList{"a"} << true;
    }
    void split()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, statics);
        QFETCH(QStringList, dependencies);
        QFETCH(bool, singleRoot);
        auto compiled = compileTemplate(source, QStringLiteral("t.heex"));
        QCOMPARE(compiled->root->statics, statics);
        QCOMPARE(int(compiled->root->dynamics.size()), dependencies.size());
        for (int i = 0; i < dependencies.size(); ++i) {
            QStringList names = compiled->root->dynamics[size_t(i)].dependencies.assigns.values();
            names.sort();
            QCOMPARE(names.join(u','), dependencies[i]);
        }
        QCOMPARE(compiled->root->singleRoot, singleRoot);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unclosed brace") << "<p>\n  {@a</p>" << 2 << 3 << "expected `}`";
        QTest::newRow("empty expression") << "<p>{ }</p>" << 1 << 4 << "expected an expression";
        QTest::newRow("bad operator")
            << "<p>\n{@a ? 1}</p>" << 2 << 5 << "unexpected character `?`";
        QTest::newRow("mismatched close")
            << "<div>\n  <span>x</div>" << 2 << 10 << "expected </span>";
        QTest::newRow("unclosed element") << "<div><p>x</p>" << 1 << 14 << "expected </div>";
        QTest::newRow("stray close") << "x</p>" << 1 << 2 << "unexpected closing tag";
        QTest::newRow("for without arrow")
            << "<li :for={x @items}>a</li>" << 1 << 13 << "expected `<-`";
        QTest::newRow("if needs expression")
            << "<li :if=\"yes\">a</li>" << 1 << 5 << "expected :if={...}";
        QTest::newRow("key without for")
            << "<li :key={1}>a</li>" << 1 << 5 << "expected :key only together with :for";
        QTest::newRow("unterminated string") << "<p>{\"abc}</p>" << 1 << 4 << "expected `}`";
        QTest::newRow("unquoted attribute")
            << "<p class=big>x</p>" << 1 << 10 << "expected a quoted value";
        QTest::newRow("missing argument close")
            << "<p>{length(@a}</p>" << 1 << 14 << "expected `)`";
        QTest::newRow("bad slot") << "<p>{render_slot(x)}</p>" << 1 << 5
                                  << "expected render_slot(@inner_block)";
        // Found by the template fuzzer: unclosed tags by the thousand overflowed the stack.
        QTest::newRow("nested too deep")
            << QStringLiteral("<b>").repeated(5000) << 1 << 769 << "nested more than 256 deep";
        // Found by the template fuzzer: a raw-text end tag cut short sent the parser back to
        // the start of the template, forever.
        QTest::newRow("script end tag without >")
            << "<p>x</p>\n<script>a()</script" << 2 << 12 << "expected `>` to close </script";
    }
    void errors()
    {
        QFETCH(QString, source);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, expected);
        try {
            compileTemplate(source, QStringLiteral("views/broken.heex"));
            QFAIL("compiled without error");
        } catch (const TemplateError &e) {
            QCOMPARE(e.file(), QStringLiteral("views/broken.heex"));
            QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
            QCOMPARE(e.line(), line);
            QCOMPARE(e.column(), column);
            QVERIFY(QString::fromUtf8(e.what()).startsWith(
                QStringLiteral("views/broken.heex:%1:%2: ").arg(line).arg(column)));
        }
    }
};

QTEST_GUILESS_MAIN(tst_TemplateCompiler)
#include "tst_templatecompiler.moc"
