#pragma once
// CSS selectors for tests: type, #id, .class, [attr], [attr=v|~=|^=|$=|*=], :first-child,
// :last-child, :not(...), descendant and child combinators, and comma lists.

#include <QString>
#include <QStringList>
#include <vector>

struct GumboInternalNode;

namespace liveview::testing::detail {

struct AttributeTest
{
    QString name; // lower case
    QString op;   // "", "=", "~=", "^=", "$=", "*="
    QString value;
};

struct CompoundSelector
{
    QString tag; // "" or "*" for any
    QStringList ids;
    QStringList classes;
    std::vector<AttributeTest> attributes;
    bool firstChild = false;
    bool lastChild = false;
    std::vector<CompoundSelector> negations;
    QChar combinator; // how this compound relates to the previous one: ' ' or '>' (none first)
};

using ComplexSelector = std::vector<CompoundSelector>;

class SelectorList
{
public:
    // Throws SelectorError.
    static SelectorList parse(const QString &text);
    bool matches(const GumboInternalNode *element, const GumboInternalNode *scopeRoot) const;

private:
    std::vector<ComplexSelector> m_alternatives;
};

} // namespace liveview::testing::detail
