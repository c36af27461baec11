// Hand-written scanner for HEEx-like markup; keeps positions for precise error messages.
#include "markup_parser.h"

#include <QSet>

#include <algorithm>
#include <vector>

namespace liveview::internal {
namespace {

const QSet<QString> &voidElements()
{
    static const QSet<QString> tags{"area",  "base", "br",   "col",    "embed", "hr", "img",
                                    "input", "link", "meta", "source", "track", "wbr"};
    return tags;
}

class MarkupParser
{
public:
    MarkupParser(const QString &source, const QString &fileName) : m_s(source), m_file(fileName)
    {
        // Every node records its position, so the offset-to-line mapping must not rescan the
        // source each time: that was quadratic in the template's size (found by fuzz_template).
        m_lineStarts.push_back(0);
        for (int i = 0; i < m_s.size(); ++i) {
            if (m_s.at(i) == u'\n')
                m_lineStarts.push_back(i + 1);
        }
    }

    std::vector<MarkupNode> parseDocument()
    {
        std::vector<MarkupNode> nodes = parseChildren(QString(), SourcePosition());
        return nodes;
    }

private:
    SourcePosition positionAt(int offset) const
    {
        offset = std::clamp(offset, 0, int(m_s.size()));
        const auto next = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
        const int lineIndex = int(next - m_lineStarts.begin()) - 1;
        SourcePosition p;
        p.file = m_file;
        p.line = lineIndex + 1;
        p.column = offset - m_lineStarts[size_t(lineIndex)] + 1;
        return p;
    }
    [[noreturn]] void fail(int offset, const QString &what) const
    {
        const SourcePosition p = positionAt(offset);
        throw TemplateError(m_file, p.line, p.column, what);
    }
    bool startsWith(const char *text) const
    {
        return QStringView(m_s).mid(m_pos).startsWith(QLatin1String(text));
    }
    bool atEnd() const { return m_pos >= m_s.size(); }

    // Reads `{...}` starting at m_pos (on the brace); returns the inside. Strings may hold braces.
    QString readBraced(SourcePosition *insidePosition)
    {
        const int open = m_pos;
        int depth = 0;
        for (int i = m_pos; i < m_s.size(); ++i) {
            const QChar c = m_s.at(i);
            if (c == u'"' || c == u'\'') {
                for (++i; i < m_s.size() && m_s.at(i) != c; ++i) {
                    if (m_s.at(i) == u'\\')
                        ++i;
                }
                continue;
            }
            if (c == u'{') {
                ++depth;
            } else if (c == u'}' && --depth == 0) {
                *insidePosition = positionAt(open + 1);
                m_pos = i + 1;
                const QString inside = m_s.mid(open + 1, i - open - 1);
                if (inside.trimmed().isEmpty())
                    fail(open, QStringLiteral("expected an expression inside `{}`"));
                return inside;
            }
        }
        fail(open, QStringLiteral("expected `}` to close this `{`"));
    }

    std::vector<MarkupNode> parseChildren(const QString &closingTag, SourcePosition openedAt)
    {
        std::vector<MarkupNode> nodes;
        QString text;
        int textStart = m_pos;
        auto flushText = [&] {
            if (!text.isEmpty()) {
                MarkupNode n;
                n.type = MarkupNode::Type::Text;
                n.text = text;
                n.position = positionAt(textStart);
                nodes.push_back(std::move(n));
                text.clear();
            }
            textStart = m_pos;
        };
        while (!atEnd()) {
            const QChar c = m_s.at(m_pos);
            if (c == u'{') {
                flushText();
                MarkupNode n;
                n.type = MarkupNode::Type::Expression;
                n.text = readBraced(&n.position);
                nodes.push_back(std::move(n));
                textStart = m_pos;
            } else if (startsWith("<!--")) {
                const int end = m_s.indexOf(QLatin1String("-->"), m_pos + 4);
                if (end < 0)
                    fail(m_pos, QStringLiteral("expected `-->` to close this comment"));
                text += m_s.mid(m_pos, end + 3 - m_pos);
                m_pos = end + 3;
            } else if (startsWith("<!")) {
                const int end = m_s.indexOf(u'>', m_pos);
                if (end < 0)
                    fail(m_pos, QStringLiteral("expected `>` to close this declaration"));
                text += m_s.mid(m_pos, end + 1 - m_pos);
                m_pos = end + 1;
            } else if (startsWith("</")) {
                const int tagStart = m_pos;
                const int end = m_s.indexOf(u'>', m_pos);
                if (end < 0)
                    fail(m_pos, QStringLiteral("expected `>` to end this closing tag"));
                const QString name = m_s.mid(m_pos + 2, end - m_pos - 2).trimmed();
                if (closingTag.isEmpty())
                    fail(tagStart, QStringLiteral("unexpected closing tag </%1>").arg(name));
                if (name.toLower() != closingTag)
                    fail(tagStart, QStringLiteral("expected </%1> to close <%1> opened at line %2, "
                                                  "column %3, found </%4>")
                                       .arg(closingTag)
                                       .arg(openedAt.line)
                                       .arg(openedAt.column)
                                       .arg(name));
                flushText();
                m_pos = end + 1;
                return nodes;
            } else if (c == u'<' && m_pos + 1 < m_s.size() &&
                       (m_s.at(m_pos + 1).isLetter() || m_s.at(m_pos + 1) == u'.' ||
                        m_s.at(m_pos + 1) == u':')) { // `<:name>`: a named slot of a component
                flushText();
                nodes.push_back(parseElement());
                textStart = m_pos;
            } else {
                text += c;
                ++m_pos;
            }
        }
        if (!closingTag.isEmpty())
            fail(m_s.size(),
                 QStringLiteral("expected </%1> to close <%1> opened at line %2, column %3")
                     .arg(closingTag)
                     .arg(openedAt.line)
                     .arg(openedAt.column));
        flushText();
        return nodes;
    }

    void skipSpace()
    {
        while (!atEnd() && m_s.at(m_pos).isSpace())
            ++m_pos;
    }

    MarkupAttribute parseAttribute()
    {
        MarkupAttribute a;
        const int nameStart = m_pos;
        while (!atEnd()) {
            const QChar c = m_s.at(m_pos);
            if (c.isSpace() || c == u'=' || c == u'>' || c == u'/' || c == u'"' || c == u'\'' ||
                c == u'{')
                break;
            ++m_pos;
        }
        a.name = m_s.mid(nameStart, m_pos - nameStart);
        a.position = positionAt(nameStart);
        a.namePosition = a.position;
        if (a.name.isEmpty())
            fail(m_pos, QStringLiteral("expected an attribute name"));
        skipSpace();
        if (atEnd() || m_s.at(m_pos) != u'=') {
            a.form = MarkupAttribute::Form::Bare;
            return a;
        }
        ++m_pos;
        skipSpace();
        if (atEnd())
            fail(m_pos, QStringLiteral("expected a value for attribute %1").arg(a.name));
        const QChar q = m_s.at(m_pos);
        if (q == u'{') {
            a.form = MarkupAttribute::Form::Expression;
            a.expressionText = readBraced(&a.position);
            return a;
        }
        if (q != u'"' && q != u'\'')
            fail(m_pos, QStringLiteral("expected a quoted value or `{expression}` for attribute %1")
                            .arg(a.name));
        const int valueStart = ++m_pos;
        const int end = m_s.indexOf(q, valueStart);
        if (end < 0)
            fail(valueStart - 1,
                 QStringLiteral("expected a closing %1 for attribute %2").arg(q).arg(a.name));
        a.quote = q;
        a.literal = m_s.mid(valueStart, end - valueStart);
        a.form = MarkupAttribute::Form::Literal;
        if (a.literal.contains(u'{')) {
            // `class="row {@kind}"`: split into literal text and expressions.
            a.form = MarkupAttribute::Form::Interpolated;
            m_pos = valueStart;
            QString literal;
            int literalStart = m_pos;
            while (m_pos < end) {
                if (m_s.at(m_pos) == u'{') {
                    if (!literal.isEmpty())
                        a.parts.push_back({false, literal, positionAt(literalStart)});
                    literal.clear();
                    MarkupAttribute::Part part;
                    part.isExpression = true;
                    part.text = readBraced(&part.position);
                    if (m_pos > end + 1)
                        fail(valueStart,
                             QStringLiteral("expected `}` inside the value of %1").arg(a.name));
                    a.parts.push_back(part);
                    literalStart = m_pos;
                } else {
                    literal += m_s.at(m_pos++);
                }
            }
            if (!literal.isEmpty())
                a.parts.push_back({false, literal, positionAt(literalStart)});
        }
        m_pos = end + 1;
        return a;
    }

    MarkupNode parseElement()
    {
        const int start = m_pos;
        MarkupNode n;
        n.position = positionAt(start);
        ++m_pos; // '<'
        const bool component = m_s.at(m_pos) == u'.';
        if (component)
            ++m_pos;
        const int nameStart = m_pos;
        if (!component && !atEnd() && m_s.at(m_pos) == u':')
            ++m_pos; // slot tags keep their colon
        while (!atEnd() && (m_s.at(m_pos).isLetterOrNumber() || m_s.at(m_pos) == u'-' ||
                            m_s.at(m_pos) == u'_' || m_s.at(m_pos) == u':'))
            ++m_pos;
        n.tag = m_s.mid(nameStart, m_pos - nameStart);
        if (n.tag.isEmpty())
            fail(start, QStringLiteral("expected a component name after `<.`"));
        n.type = component ? MarkupNode::Type::Component : MarkupNode::Type::Element;
        if (!component)
            n.tag = n.tag.toLower();
        bool selfClosing = false;
        for (;;) {
            skipSpace();
            if (atEnd())
                fail(start, QStringLiteral("expected `>` to end the tag <%1>").arg(n.tag));
            if (startsWith("/>")) {
                selfClosing = true;
                m_pos += 2;
                break;
            }
            if (m_s.at(m_pos) == u'>') {
                ++m_pos;
                break;
            }
            n.attributes.push_back(parseAttribute());
        }
        n.isVoid = !component && voidElements().contains(n.tag);
        if (selfClosing || n.isVoid)
            return n;
        if (!component && (n.tag == u"script" || n.tag == u"style")) {
            // Raw text: braces in scripts and styles are not expressions.
            const int end =
                m_s.indexOf(QStringLiteral("</%1").arg(n.tag), m_pos, Qt::CaseInsensitive);
            if (end < 0)
                fail(start, QStringLiteral("expected </%1> to close <%1>").arg(n.tag));
            MarkupNode text;
            text.text = m_s.mid(m_pos, end - m_pos);
            text.position = positionAt(m_pos);
            n.children.push_back(text);
            // A closing tag cut short (`</script` at the end) must not send the parser back to
            // the start of the template: indexOf's -1 + 1 did, forever (found by fuzz_template).
            const int close = m_s.indexOf(u'>', end);
            if (close < 0)
                fail(end, QStringLiteral("expected `>` to close </%1").arg(n.tag));
            m_pos = close + 1;
            return n;
        }
        // Each open element is a level of recursion: a bound keeps hostile or broken markup (an
        // unclosed tag repeated thousands of times) from overflowing the stack.
        if (++m_depth > maxNestingDepth)
            fail(start, QStringLiteral("elements nested more than %1 deep").arg(maxNestingDepth));
        n.children = parseChildren(component ? QStringLiteral(".") + n.tag : n.tag, n.position);
        --m_depth;
        return n;
    }

    const QString &m_s;
    QString m_file;
    int m_pos = 0;
    std::vector<int> m_lineStarts; // offset of each line's first character
    int m_depth = 0; // elements open around the one being parsed
    static constexpr int maxNestingDepth = 256;
};

} // namespace

std::vector<MarkupNode> parseMarkup(const QString &source, const QString &fileName)
{
    return MarkupParser(source, fileName).parseDocument();
}

} // namespace liveview::internal
