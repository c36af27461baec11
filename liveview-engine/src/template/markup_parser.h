#pragma once
// Parses template markup into a tree of text, expressions, elements and components.

#include "expression.h"

#include <QString>
#include <vector>

namespace liveview::internal {

struct MarkupAttribute
{
    enum class Form
    {
        Bare,
        Literal,
        Interpolated,
        Expression
    };
    struct Part // for Interpolated: literal text or an expression
    {
        bool isExpression = false;
        QString text;
        SourcePosition position;
    };
    Form form = Form::Bare;
    QString name;
    QString literal; // Literal: the raw text between the quotes
    QChar quote = u'"';
    std::vector<Part> parts;     // Interpolated
    QString expressionText;      // Expression: inside `{...}`
    SourcePosition position;     // of the expression for Form::Expression, else of the name
    SourcePosition namePosition; // of the attribute name
};

struct MarkupNode
{
    enum class Type
    {
        Text,
        Expression,
        Element,
        Component
    };
    Type type = Type::Text;
    QString text; // Text: raw markup; Expression: the expression source
    QString tag;  // Element: lower-case tag; Component: name without the dot
    std::vector<MarkupAttribute> attributes;
    std::vector<MarkupNode> children;
    bool isVoid = false;
    SourcePosition position;
};

std::vector<MarkupNode> parseMarkup(const QString &source, const QString &fileName);

} // namespace liveview::internal
