// Expression parsing and evaluation: literals, operators, access, helpers, nil handling.
#include "template/expression.h"
#include "template/scope.h"
#include "template/value_format.h"

#include <liveview/template.h>

#include <QJsonDocument>
#include <QtTest>

using namespace liveview;
using namespace liveview::internal;

class tst_Expression : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        TemplateLibrary::registerHelper(QStringLiteral("double"), [](const QVariantList &a) {
            return QVariant(a.value(0).toLongLong() * 2);
        });
    }

    void evaluate_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("expected"); // the text the template would show
        QTest::newRow("integer") << "42"
                                 << "42";
        QTest::newRow("float") << "1.5"
                               << "1.5";
        QTest::newRow("string escapes") << "\"a\\\"b\""
                                        << "a\"b";
        QTest::newRow("nil") << "nil"
                             << "";
        QTest::newRow("precedence") << "1 + 2 * 3"
                                    << "7";
        QTest::newRow("parentheses") << "(1 + 2) * 3"
                                     << "9";
        QTest::newRow("division gives float") << "7 / 2"
                                              << "3.5";
        QTest::newRow("unary minus") << "-@n + 1"
                                     << "-2";
        QTest::newRow("concat") << R"("n=" <> @n)"
                                << "n=3";
        QTest::newRow("comparison") << "@n >= 3"
                                    << "true";
        QTest::newRow("string order") << R"("a" < "b")"
                                      << "true";
        QTest::newRow("int equals float") << "@n == 3.0"
                                          << "true";
        QTest::newRow("and returns operand") << "@n && \"yes\""
                                             << "yes";
        QTest::newRow("or falls through nil") << "@missing || \"dflt\""
                                              << "dflt";
        QTest::newRow("word operators") << "not (@n > 5) and true"
                                        << "true";
        QTest::newRow("field") << "@user.name"
                               << "Ann";
        QTest::newRow("missing field is nil") << "@user.nope"
                                              << "";
        QTest::newRow("index") << "@list[2]"
                               << "c";
        QTest::newRow("negative index") << "@list[-1]"
                                        << "c";
        QTest::newRow("map index") << "@user[\"name\"]"
                                   << "Ann";
        QTest::newRow("list literal length") << "length([1, 2, 3])"
                                             << "3";
        QTest::newRow("if helper") << "if(@n > 1, \"big\", \"small\")"
                                   << "big";
        QTest::newRow("registered helper") << "double(@n)"
                                           << "6";
        QTest::newRow("join") << "join(@list, \"-\")"
                              << "a-b-c";
        QTest::newRow("upcase") << "upcase(@user.name)"
                                << "ANN";
    }
    void evaluate()
    {
        QFETCH(QString, expression);
        QFETCH(QString, expected);
        const QVariantHash assigns{{"n", 3},
                                   {"user", QVariantMap{{"name", "Ann"}}},
                                   {"list", QVariantList{"a", "b", "c"}}};
        Scope scope;
        scope.assigns = &assigns;
        ExpressionPtr e = parseExpression(expression, {QStringLiteral("t"), 1, 1});
        QCOMPARE(toText(e->evaluate(scope)), expected);
    }

    void runtimeErrors_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("message");
        QTest::newRow("field of number") << "@n.x"
                                         << "cannot read .x";
        QTest::newRow("field of nil") << "@missing.x"
                                      << "of nil";
        QTest::newRow("arithmetic on string") << "@user.name + 1"
                                              << "needs numbers";
        QTest::newRow("division by zero") << "1 / 0"
                                          << "division by zero";
        QTest::newRow("unknown helper") << "frobnicate(1)"
                                        << "unknown helper";
        QTest::newRow("undefined local") << "x + 1"
                                         << "undefined variable";
        // Found by fuzzing (UBSan: signed integer overflow): refused, never wrapped.
        QTest::newRow("sum beyond qint64") << "@big + 1"
                                           << "integer overflow";
        QTest::newRow("difference below qint64") << "-@big - 2"
                                                 << "integer overflow";
        QTest::newRow("product beyond qint64") << "@big * 2"
                                               << "integer overflow";
        QTest::newRow("negated minimum") << "-(-@big - 1)"
                                         << "integer overflow";
    }
    void runtimeErrors()
    {
        QFETCH(QString, expression);
        QFETCH(QString, message);
        const QVariantHash assigns{{"n", 3},
                                   {"user", QVariantMap{{"name", "Ann"}}},
                                   {"big", std::numeric_limits<qint64>::max()}};
        Scope scope;
        scope.assigns = &assigns;
        ExpressionPtr e = parseExpression(expression, {QStringLiteral("t"), 1, 1});
        try {
            e->evaluate(scope);
            QFAIL("no error");
        } catch (const EvaluationError &err) {
            QVERIFY2(QString::fromUtf8(err.what()).contains(message), err.what());
        }
    }

    void dependencies_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QSet<QString>>("assigns");
        QTest::addColumn<QSet<QString>>("locals");
        // A helper may read more than its arguments (a locale, the clock): it counts as reading
        // "helper inputs", so a loop body calling one is never taken as reading its item alone.
        QTest::newRow("helper call")
            << "@a + x.y + f(@b, z)" << QSet<QString>{"a", "b", Dependencies::helperInputs}
            << QSet<QString>{"x", "z"};
        QTest::newRow("builtins read only their arguments")
            << "length(@a) + upcase(x.name) + if(@b, z, 0)" << QSet<QString>{"a", "b"}
            << QSet<QString>{"x", "z"};
    }
    void dependencies()
    {
        QFETCH(QString, expression);
        QFETCH(QSet<QString>, assigns);
        QFETCH(QSet<QString>, locals);
        Dependencies deps;
        parseExpression(expression, {})->collectDependencies(deps);
        QCOMPARE(deps.assigns, assigns);
        QCOMPARE(deps.locals, locals);
    }
};

QTEST_GUILESS_MAIN(tst_Expression)
#include "tst_expression.moc"
