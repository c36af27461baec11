#pragma once
// A parsed HTML document (gumbo) with CSS selector queries, for tests of rendered views.

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <memory>
#include <stdexcept>

struct GumboInternalNode;

namespace liveview::testing {

namespace detail {
struct ParsedHtml;
}

// A selector that cannot be parsed; the message says what and where.
class SelectorError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// A cheap handle on one element; keeps its document alive.
class HtmlElement
{
public:
    HtmlElement() = default;
    HtmlElement(std::shared_ptr<const detail::ParsedHtml> doc, const GumboInternalNode *node)
        : m_doc(std::move(doc)), m_node(node)
    {
    }

    bool isNull() const { return !m_node; }
    QString tagName() const;                      // lower case
    QString attribute(const QString &name) const; // "" if absent
    bool hasAttribute(const QString &name) const;
    QList<QPair<QString, QString>> attributes() const; // document order
    QString id() const { return attribute(QStringLiteral("id")); }
    QStringList classes() const;
    QString textContent() const;
    QString innerHtml() const;
    QString outerHtml() const;
    QList<HtmlElement> children() const; // element children only
    HtmlElement parent() const;          // null above the document's (or fragment's) root
    QList<HtmlElement> select(const QString &selector) const; // descendants, document order
    HtmlElement selectOne(const QString &selector) const;

    const GumboInternalNode *node() const { return m_node; }
    bool operator==(const HtmlElement &other) const { return m_node == other.m_node; }

private:
    std::shared_ptr<const detail::ParsedHtml> m_doc;
    const GumboInternalNode *m_node = nullptr;
};

class HtmlDocument
{
public:
    static HtmlDocument parse(const QString &html);
    // Parses body content (what a view renders) as the children of a synthetic container.
    static HtmlDocument parseFragment(const QString &html);

    bool isNull() const { return !m_doc; }
    HtmlElement root() const;
    QList<HtmlElement> select(const QString &selector) const;
    HtmlElement selectOne(const QString &selector) const;

private:
    std::shared_ptr<const detail::ParsedHtml> m_doc;
};

} // namespace liveview::testing
