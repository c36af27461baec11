// gumbo-backed DOM handles: attributes, text, deterministic serialization and selector queries.
#include "liveview/testing/html_document.h"

#include "css_selector.h"

#include "gumbo_node.h"
#include <QSet>

namespace liveview::testing {
namespace detail {

struct ParsedHtml
{
    QByteArray source; // gumbo keeps pointers into it
    GumboOutput *output = nullptr;
    const GumboNode *root = nullptr;
    ~ParsedHtml()
    {
        if (output)
            gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
};

} // namespace detail

namespace {

using detail::childrenOf;
using detail::tagOf;

bool isVoid(const QString &tag)
{
    static const QSet<QString> tags{"area",  "base", "br",   "col",    "embed", "hr", "img",
                                    "input", "link", "meta", "source", "track", "wbr"};
    return tags.contains(tag);
}

QString escapeText(const QString &s)
{
    QString out = s;
    return out.replace(u'&', QStringLiteral("&amp;"))
        .replace(u'<', QStringLiteral("&lt;"))
        .replace(u'>', QStringLiteral("&gt;"));
}

QString escapeAttribute(const QString &s)
{
    QString out = s;
    return out.replace(u'&', QStringLiteral("&amp;")).replace(u'"', QStringLiteral("&quot;"));
}

void serialize(const GumboNode *n, QString &out);

void serializeChildren(const GumboNode *n, QString &out)
{
    const GumboVector &children = childrenOf(n);
    for (unsigned i = 0; i < children.length; ++i)
        serialize(static_cast<const GumboNode *>(children.data[i]), out);
}

void serialize(const GumboNode *n, QString &out)
{
    switch (n->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE: {
        const GumboNode *p = n->parent;
        const bool raw =
            p && p->type == GUMBO_NODE_ELEMENT &&
            (p->v.element.tag == GUMBO_TAG_SCRIPT || p->v.element.tag == GUMBO_TAG_STYLE);
        const QString text = QString::fromUtf8(n->v.text.text);
        out += raw ? text : escapeText(text);
        return;
    }
    case GUMBO_NODE_CDATA:
        out += QString::fromUtf8(n->v.text.text);
        return;
    case GUMBO_NODE_COMMENT:
        return;
    case GUMBO_NODE_DOCUMENT:
        serializeChildren(n, out);
        return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
        break;
    }
    const QString tag = tagOf(n);
    out += u'<' + tag;
    const GumboVector &attrs = n->v.element.attributes;
    for (unsigned i = 0; i < attrs.length; ++i) {
        const auto *a = static_cast<const GumboAttribute *>(attrs.data[i]);
        out += QStringLiteral(" %1=\"%2\"")
                   .arg(QString::fromUtf8(a->name), escapeAttribute(QString::fromUtf8(a->value)));
    }
    out += u'>';
    if (isVoid(tag))
        return;
    serializeChildren(n, out);
    out += QStringLiteral("</%1>").arg(tag);
}

void collectText(const GumboNode *n, QString &out)
{
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
        out += QString::fromUtf8(n->v.text.text);
        return;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT &&
        n->type != GUMBO_NODE_TEMPLATE)
        return;
    const GumboVector &children = childrenOf(n);
    for (unsigned i = 0; i < children.length; ++i)
        collectText(static_cast<const GumboNode *>(children.data[i]), out);
}

void collectMatches(const GumboNode *n, const detail::SelectorList &selector,
                    const GumboNode *scopeRoot,
                    const std::shared_ptr<const detail::ParsedHtml> &doc, QList<HtmlElement> &out)
{
    const GumboVector &children = childrenOf(n);
    for (unsigned i = 0; i < children.length; ++i) {
        const auto *c = static_cast<const GumboNode *>(children.data[i]);
        if (c->type != GUMBO_NODE_ELEMENT && c->type != GUMBO_NODE_TEMPLATE)
            continue;
        if (selector.matches(c, scopeRoot))
            out.append(HtmlElement(doc, c));
        collectMatches(c, selector, scopeRoot, doc, out);
    }
}

std::shared_ptr<const detail::ParsedHtml> parseSource(const QByteArray &source, bool fragment)
{
    auto parsed = std::make_shared<detail::ParsedHtml>();
    parsed->source = source;
    parsed->output = gumbo_parse_with_options(&kGumboDefaultOptions, parsed->source.constData(),
                                              size_t(parsed->source.size()));
    parsed->root = parsed->output->root;
    if (fragment) {
        // The fragment container is the only element child of <body>.
        const GumboVector &html = parsed->output->root->v.element.children;
        for (unsigned i = 0; i < html.length; ++i) {
            const auto *c = static_cast<const GumboNode *>(html.data[i]);
            if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_BODY) {
                const GumboVector &body = c->v.element.children;
                for (unsigned j = 0; j < body.length; ++j) {
                    const auto *d = static_cast<const GumboNode *>(body.data[j]);
                    if (d->type == GUMBO_NODE_ELEMENT)
                        parsed->root = d;
                }
            }
        }
    }
    return parsed;
}

} // namespace

QString HtmlElement::tagName() const
{
    return m_node ? tagOf(m_node) : QString();
}

QString HtmlElement::attribute(const QString &name) const
{
    if (!m_node)
        return QString();
    const GumboAttribute *a =
        gumbo_get_attribute(&m_node->v.element.attributes, name.toLower().toUtf8().constData());
    return a ? QString::fromUtf8(a->value) : QString();
}

bool HtmlElement::hasAttribute(const QString &name) const
{
    return m_node &&
           gumbo_get_attribute(&m_node->v.element.attributes, name.toLower().toUtf8().constData());
}

QList<QPair<QString, QString>> HtmlElement::attributes() const
{
    QList<QPair<QString, QString>> out;
    if (!m_node)
        return out;
    const GumboVector &attrs = m_node->v.element.attributes;
    for (unsigned i = 0; i < attrs.length; ++i) {
        const auto *a = static_cast<const GumboAttribute *>(attrs.data[i]);
        out.append({QString::fromUtf8(a->name), QString::fromUtf8(a->value)});
    }
    return out;
}

QStringList HtmlElement::classes() const
{
    return attribute(QStringLiteral("class")).split(u' ', Qt::SkipEmptyParts);
}

QString HtmlElement::textContent() const
{
    QString out;
    if (m_node)
        collectText(m_node, out);
    return out;
}

QString HtmlElement::innerHtml() const
{
    QString out;
    if (m_node)
        serializeChildren(m_node, out);
    return out;
}

QString HtmlElement::outerHtml() const
{
    QString out;
    if (m_node)
        serialize(m_node, out);
    return out;
}

QList<HtmlElement> HtmlElement::children() const
{
    QList<HtmlElement> out;
    if (!m_node)
        return out;
    const GumboVector &children = childrenOf(m_node);
    for (unsigned i = 0; i < children.length; ++i) {
        const auto *c = static_cast<const GumboNode *>(children.data[i]);
        if (c->type == GUMBO_NODE_ELEMENT)
            out.append(HtmlElement(m_doc, c));
    }
    return out;
}

HtmlElement HtmlElement::parent() const
{
    if (!m_node || m_node == m_doc->root || !m_node->parent ||
        m_node->parent->type != GUMBO_NODE_ELEMENT)
        return HtmlElement();
    return HtmlElement(m_doc, m_node->parent);
}

QList<HtmlElement> HtmlElement::select(const QString &selector) const
{
    QList<HtmlElement> out;
    if (m_node)
        collectMatches(m_node, detail::SelectorList::parse(selector),
                       m_doc->root == m_node ? m_node : nullptr, m_doc, out);
    return out;
}

HtmlElement HtmlElement::selectOne(const QString &selector) const
{
    const QList<HtmlElement> all = select(selector);
    return all.isEmpty() ? HtmlElement() : all.first();
}

HtmlDocument HtmlDocument::parse(const QString &html)
{
    HtmlDocument d;
    d.m_doc = parseSource(html.toUtf8(), false);
    return d;
}

HtmlDocument HtmlDocument::parseFragment(const QString &html)
{
    HtmlDocument d;
    d.m_doc = parseSource("<!DOCTYPE html><html><head></head><body><div>" + html.toUtf8() +
                              "</div></body></html>",
                          true);
    return d;
}

HtmlElement HtmlDocument::root() const
{
    return m_doc ? HtmlElement(m_doc, m_doc->root) : HtmlElement();
}

QList<HtmlElement> HtmlDocument::select(const QString &selector) const
{
    QList<HtmlElement> out;
    if (m_doc)
        collectMatches(m_doc->root, detail::SelectorList::parse(selector), m_doc->root, m_doc, out);
    return out;
}

HtmlElement HtmlDocument::selectOne(const QString &selector) const
{
    const QList<HtmlElement> all = select(selector);
    return all.isEmpty() ? HtmlElement() : all.first();
}

} // namespace liveview::testing
