#pragma once
// Expression language of templates: AST, parser and evaluator over QVariant values.

#include "liveview/template_error.h"

#include <QSet>
#include <QString>
#include <QVariant>
#include <memory>
#include <vector>

namespace liveview::internal {

struct Scope;

// Which names an expression reads: root assigns (`@name`) and local variables (`:for` bindings).
// A call to a registered helper also reads helperInputs: a helper may read more than its
// arguments (a locale, the clock), so what calls one never counts as depending on its arguments
// alone. No assign has that name, so change tracking is unaffected.
struct Dependencies
{
    static inline const QString helperInputs = QStringLiteral("\u0001helper inputs");
    QSet<QString> assigns;
    QSet<QString> locals;
    void unite(const Dependencies &other)
    {
        assigns.unite(other.assigns);
        locals.unite(other.locals);
    }
};

struct Expression
{
    enum class Kind
    {
        Literal,
        Assign,
        Local,
        Field,
        Index,
        Unary,
        Binary,
        Call,
        List
    };
    Kind kind = Kind::Literal;
    QVariant literal; // Literal
    QString name;     // Assign, Local, Field (field name), Call (function), Unary/Binary (op)
    std::vector<std::unique_ptr<Expression>> operands; // sub-expressions, call arguments

    QVariant evaluate(const Scope &scope) const;
    void collectDependencies(Dependencies &deps) const;
};
using ExpressionPtr = std::unique_ptr<Expression>;

// Where an expression sits in its template, for error messages.
struct SourcePosition
{
    QString file;
    int line = 1;
    int column = 1;
};

// Parses `text` (the inside of `{...}`); throws TemplateError pointing into the template.
ExpressionPtr parseExpression(const QString &text, const SourcePosition &start);

// `x <- @items` of a `:for` attribute.
struct Generator
{
    QString variable;
    QString variable2; // `{a, b} <- pairs` binds a pair (streams yield {dom_id, item})
    ExpressionPtr source;
};
Generator parseGenerator(const QString &text, const SourcePosition &start);

} // namespace liveview::internal
