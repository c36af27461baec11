// Selector parsing and right-to-left matching over gumbo element nodes.
#include "css_selector.h"

#include "liveview/testing/html_document.h"

#include "gumbo_node.h"

namespace liveview::testing::detail {
namespace {

bool attributeValue(const GumboNode *n, const QString &name, QString *value)
{
    const GumboAttribute *a =
        gumbo_get_attribute(&n->v.element.attributes, name.toUtf8().constData());
    if (!a)
        return false;
    *value = QString::fromUtf8(a->value);
    return true;
}

class Parser
{
public:
    explicit Parser(const QString &text) : m_s(text) {}

    std::vector<ComplexSelector> parseList()
    {
        std::vector<ComplexSelector> list;
        do {
            skipSpace();
            list.push_back(parseComplex());
            skipSpace();
        } while (consume(u','));
        if (!atEnd())
            fail(QStringLiteral("unexpected `%1`").arg(m_s.at(m_pos)));
        return list;
    }

private:
    [[noreturn]] void fail(const QString &what) const
    {
        throw SelectorError(QStringLiteral("bad selector \"%1\" at %2: %3")
                                .arg(m_s)
                                .arg(m_pos)
                                .arg(what)
                                .toStdString());
    }
    bool atEnd() const { return m_pos >= m_s.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_s.at(m_pos); }
    bool consume(QChar c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    void skipSpace()
    {
        while (!atEnd() && m_s.at(m_pos).isSpace())
            ++m_pos;
    }
    static bool isNameChar(QChar c) { return c.isLetterOrNumber() || c == u'-' || c == u'_'; }
    QString name()
    {
        const int start = m_pos;
        while (!atEnd() && isNameChar(m_s.at(m_pos)))
            ++m_pos;
        if (m_pos == start)
            fail(QStringLiteral("expected a name"));
        return m_s.mid(start, m_pos - start);
    }

    ComplexSelector parseComplex()
    {
        ComplexSelector complex;
        QChar combinator;
        for (;;) {
            CompoundSelector c = parseCompound();
            c.combinator = combinator;
            complex.push_back(std::move(c));
            const int before = m_pos;
            skipSpace();
            if (consume(u'>')) {
                combinator = u'>';
                skipSpace();
            } else if (!atEnd() && m_pos > before && peek() != u',') {
                combinator = u' ';
            } else {
                return complex;
            }
        }
    }

    CompoundSelector parseCompound()
    {
        CompoundSelector c;
        if (consume(u'*'))
            c.tag = QStringLiteral("*");
        else if (isNameChar(peek()))
            c.tag = name().toLower();
        bool any = !c.tag.isEmpty();
        for (;;) {
            if (consume(u'#')) {
                c.ids << name();
            } else if (consume(u'.')) {
                c.classes << name();
            } else if (consume(u'[')) {
                c.attributes.push_back(parseAttribute());
            } else if (consume(u':')) {
                const QString pseudo = name();
                if (pseudo == u"first-child") {
                    c.firstChild = true;
                } else if (pseudo == u"last-child") {
                    c.lastChild = true;
                } else if (pseudo == u"not" && consume(u'(')) {
                    skipSpace();
                    c.negations.push_back(parseCompound());
                    skipSpace();
                    if (!consume(u')'))
                        fail(QStringLiteral("expected `)` to close :not("));
                } else {
                    fail(QStringLiteral("unsupported pseudo-class :%1").arg(pseudo));
                }
            } else {
                break;
            }
            any = true;
        }
        if (!any)
            fail(QStringLiteral("expected a tag, #id, .class, [attribute] or :pseudo-class"));
        return c;
    }

    AttributeTest parseAttribute()
    {
        skipSpace();
        AttributeTest t;
        t.name = name().toLower();
        skipSpace();
        for (const char *op : {"~=", "^=", "$=", "*=", "="}) {
            if (QStringView(m_s).mid(m_pos).startsWith(QLatin1String(op))) {
                t.op = QLatin1String(op);
                m_pos += t.op.size();
                break;
            }
        }
        if (!t.op.isEmpty()) {
            skipSpace();
            const QChar q = peek();
            if (q == u'"' || q == u'\'') {
                const int end = m_s.indexOf(q, m_pos + 1);
                if (end < 0)
                    fail(QStringLiteral("expected a closing %1").arg(q));
                t.value = m_s.mid(m_pos + 1, end - m_pos - 1);
                m_pos = end + 1;
            } else {
                const int start = m_pos;
                while (!atEnd() && peek() != u']' && !peek().isSpace())
                    ++m_pos;
                t.value = m_s.mid(start, m_pos - start);
                if (t.value.isEmpty())
                    fail(QStringLiteral("expected a value after %1").arg(t.op));
            }
        }
        skipSpace();
        if (!consume(u']'))
            fail(QStringLiteral("expected `]`"));
        return t;
    }

    const QString &m_s;
    int m_pos = 0;
};

const GumboNode *parentElement(const GumboNode *n, const GumboNode *scopeRoot)
{
    const GumboNode *p = n->parent;
    if (!p || p == scopeRoot || p->type != GUMBO_NODE_ELEMENT)
        return nullptr;
    return p;
}

bool isElementSiblingEdge(const GumboNode *n, bool first)
{
    const GumboNode *p = n->parent;
    if (!p)
        return true;
    const GumboVector &children =
        p->type == GUMBO_NODE_DOCUMENT ? p->v.document.children : p->v.element.children;
    if (first) {
        for (unsigned i = 0; i < children.length; ++i) {
            const auto *c = static_cast<const GumboNode *>(children.data[i]);
            if (c->type == GUMBO_NODE_ELEMENT)
                return c == n;
        }
    } else {
        for (unsigned i = children.length; i-- > 0;) {
            const auto *c = static_cast<const GumboNode *>(children.data[i]);
            if (c->type == GUMBO_NODE_ELEMENT)
                return c == n;
        }
    }
    return false;
}

bool matchesCompound(const CompoundSelector &c, const GumboNode *n)
{
    if (!c.tag.isEmpty() && c.tag != u"*" && tagOf(n) != c.tag)
        return false;
    QString value;
    for (const QString &id : c.ids)
        if (!attributeValue(n, QStringLiteral("id"), &value) || value != id)
            return false;
    if (!c.classes.isEmpty()) {
        if (!attributeValue(n, QStringLiteral("class"), &value))
            return false;
        const QStringList classes = value.split(u' ', Qt::SkipEmptyParts);
        for (const QString &cls : c.classes)
            if (!classes.contains(cls))
                return false;
    }
    for (const AttributeTest &t : c.attributes) {
        if (!attributeValue(n, t.name, &value))
            return false;
        if (t.op == u"=" && value != t.value)
            return false;
        if (t.op == u"~=" && !value.split(u' ', Qt::SkipEmptyParts).contains(t.value))
            return false;
        if (t.op == u"^=" && !value.startsWith(t.value))
            return false;
        if (t.op == u"$=" && !value.endsWith(t.value))
            return false;
        if (t.op == u"*=" && !value.contains(t.value))
            return false;
    }
    if (c.firstChild && !isElementSiblingEdge(n, true))
        return false;
    if (c.lastChild && !isElementSiblingEdge(n, false))
        return false;
    for (const CompoundSelector &neg : c.negations)
        if (matchesCompound(neg, n))
            return false;
    return true;
}

// Matches compounds [0..index] ending at `n`, walking up towards the scope root.
bool matchesFrom(const ComplexSelector &complex, int index, const GumboNode *n,
                 const GumboNode *scopeRoot)
{
    if (!matchesCompound(complex[size_t(index)], n))
        return false;
    if (index == 0)
        return true;
    const QChar combinator = complex[size_t(index)].combinator;
    const GumboNode *p = parentElement(n, scopeRoot);
    if (combinator == u'>')
        return p && matchesFrom(complex, index - 1, p, scopeRoot);
    for (; p; p = parentElement(p, scopeRoot))
        if (matchesFrom(complex, index - 1, p, scopeRoot))
            return true;
    return false;
}

} // namespace

SelectorList SelectorList::parse(const QString &text)
{
    if (text.trimmed().isEmpty())
        throw SelectorError("empty selector");
    SelectorList list;
    list.m_alternatives = Parser(text).parseList();
    return list;
}

bool SelectorList::matches(const GumboInternalNode *element,
                           const GumboInternalNode *scopeRoot) const
{
    for (const ComplexSelector &complex : m_alternatives)
        if (matchesFrom(complex, int(complex.size()) - 1, element, scopeRoot))
            return true;
    return false;
}

} // namespace liveview::testing::detail
