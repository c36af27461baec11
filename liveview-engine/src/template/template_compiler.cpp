// Turns the markup tree into fragments: statics, dynamics and the names each dynamic reads.
#include "compiled_template.h"
#include "markup_parser.h"
#include "value_format.h"

#include <algorithm>

namespace liveview::internal {
namespace {

bool isSpecial(const MarkupAttribute &a)
{
    return a.name == u":if" || a.name == u":for" || a.name == u":key";
}

const MarkupAttribute *findAttribute(const MarkupNode &n, const char *name)
{
    for (const MarkupAttribute &a : n.attributes)
        if (a.name == QLatin1String(name))
            return &a;
    return nullptr;
}

class FragmentBuilder
{
public:
    explicit FragmentBuilder(QString file)
        : m_file(std::move(file)), m_fragment(std::make_shared<Fragment>())
    {
    }

    void appendStatic(const QString &text) { m_current += text; }
    void appendDynamic(Dynamic d)
    {
        m_fragment->dependencies.unite(d.dependencies);
        m_fragment->statics.append(m_current);
        m_current.clear();
        m_fragment->dynamics.push_back(std::move(d));
    }

    std::shared_ptr<Fragment> finish(bool singleRoot)
    {
        m_fragment->statics.append(m_current);
        m_fragment->singleRoot = singleRoot;
        return m_fragment;
    }

    void compileNodes(const std::vector<MarkupNode> &nodes)
    {
        for (const MarkupNode &n : nodes)
            compileNode(n);
    }

    void compileNode(const MarkupNode &n)
    {
        switch (n.type) {
        case MarkupNode::Type::Text:
            appendStatic(n.text);
            return;
        case MarkupNode::Type::Expression:
            compileInterpolation(n);
            return;
        case MarkupNode::Type::Element:
        case MarkupNode::Type::Component:
            compileElementWithDirectives(n);
            return;
        }
    }

private:
    ExpressionPtr expression(const QString &text, const SourcePosition &at)
    {
        SourcePosition p = at;
        p.file = m_file;
        return parseExpression(text, p);
    }

    void compileInterpolation(const MarkupNode &n)
    {
        Dynamic d;
        ExpressionPtr e = expression(n.text, n.position);
        if (e->kind == Expression::Kind::Call && e->name == u"render_slot") {
            if (e->operands.size() != 1 || e->operands[0]->kind != Expression::Kind::Assign)
                throw TemplateError(
                    m_file, n.position.line, n.position.column,
                    QStringLiteral(
                        "expected render_slot(@inner_block) or render_slot(@slot_name)"));
            d.kind = Dynamic::Kind::Slot;
            d.slotName = e->operands[0]->name;
            d.dependencies.assigns.insert(d.slotName);
            appendDynamic(std::move(d));
            return;
        }
        if (e->kind == Expression::Kind::Literal) {
            appendStatic(toHtml(e->literal)); // constant text needs no tracking
            return;
        }
        d.kind = Dynamic::Kind::Text;
        e->collectDependencies(d.dependencies);
        d.expression = std::move(e);
        appendDynamic(std::move(d));
    }

    // `:for` / `:if` turn the element into a dynamic whose body is the element itself.
    void compileElementWithDirectives(const MarkupNode &n)
    {
        const MarkupAttribute *forAttr = findAttribute(n, ":for");
        const MarkupAttribute *ifAttr = findAttribute(n, ":if");
        const MarkupAttribute *keyAttr = findAttribute(n, ":key");
        for (const MarkupAttribute *a : {forAttr, ifAttr, keyAttr}) {
            if (a && a->form != MarkupAttribute::Form::Expression)
                throw TemplateError(
                    m_file, a->namePosition.line, a->namePosition.column,
                    QStringLiteral("expected %1={...} with an expression").arg(a->name));
        }
        if (keyAttr && !forAttr)
            throw TemplateError(m_file, keyAttr->namePosition.line, keyAttr->namePosition.column,
                                QStringLiteral("expected :key only together with :for"));
        if (!forAttr && !ifAttr) {
            compilePlainElement(n);
            return;
        }
        FragmentBuilder body(m_file);
        body.compilePlainElement(n);
        Dynamic d;
        d.body = body.finish(n.type == MarkupNode::Type::Element);
        if (forAttr) {
            SourcePosition p = forAttr->position;
            p.file = m_file;
            Generator g = parseGenerator(forAttr->expressionText, p);
            d.kind = Dynamic::Kind::For;
            d.variable = g.variable;
            d.variable2 = g.variable2;
            d.expression = std::move(g.source);
            if (keyAttr)
                d.key = expression(keyAttr->expressionText, keyAttr->position);
            if (ifAttr)
                d.filter = expression(ifAttr->expressionText, ifAttr->position);
        } else {
            d.kind = Dynamic::Kind::If;
            d.expression = expression(ifAttr->expressionText, ifAttr->position);
        }
        for (const ExpressionPtr *e : {&d.expression, &d.key, &d.filter})
            if (*e)
                (*e)->collectDependencies(d.dependencies);
        d.dependencies.unite(d.body->dependencies);
        if (d.kind == Dynamic::Kind::For) { // loop variables are bound here, not read from outside
            d.dependencies.locals.remove(d.variable);
            d.dependencies.locals.remove(d.variable2);
            d.bodyOuterDependencies = d.body->dependencies;
            d.bodyOuterDependencies.locals.remove(d.variable);
            d.bodyOuterDependencies.locals.remove(d.variable2);
            Dependencies keyDeps;
            if (d.key)
                d.key->collectDependencies(keyDeps);
            keyDeps.locals.remove(d.variable);
            keyDeps.locals.remove(d.variable2);
            d.keyReadsOnlyItem = keyDeps.assigns.isEmpty() && keyDeps.locals.isEmpty();
        }
        appendDynamic(std::move(d));
    }

    void compilePlainElement(const MarkupNode &n)
    {
        if (n.type == MarkupNode::Type::Component) {
            compileCall(n);
            return;
        }
        appendStatic(QStringLiteral("<") + n.tag);
        for (const MarkupAttribute &a : n.attributes) {
            if (isSpecial(a))
                continue;
            switch (a.form) {
            case MarkupAttribute::Form::Bare:
                appendStatic(QStringLiteral(" ") + a.name);
                break;
            case MarkupAttribute::Form::Literal:
                appendStatic(QStringLiteral(" %1=%2%3%2").arg(a.name, a.quote, a.literal));
                break;
            case MarkupAttribute::Form::Interpolated:
                appendStatic(QStringLiteral(" %1=\"").arg(a.name));
                for (const MarkupAttribute::Part &part : a.parts) {
                    if (!part.isExpression) {
                        appendStatic(a.quote == u'"' ? part.text
                                                     : QString(part.text).replace(
                                                           u'"', QStringLiteral("&quot;")));
                        continue;
                    }
                    MarkupNode synthetic;
                    synthetic.type = MarkupNode::Type::Expression;
                    synthetic.text = part.text;
                    synthetic.position = part.position;
                    compileInterpolation(synthetic);
                }
                appendStatic(QStringLiteral("\""));
                break;
            case MarkupAttribute::Form::Expression: {
                Dynamic d;
                d.kind = Dynamic::Kind::Attribute;
                d.attributeName = a.name;
                d.expression = expression(a.expressionText, a.position);
                d.expression->collectDependencies(d.dependencies);
                appendDynamic(std::move(d));
                break;
            }
            }
        }
        appendStatic(QStringLiteral(">"));
        if (n.isVoid)
            return;
        compileNodes(n.children);
        appendStatic(QStringLiteral("</%1>").arg(n.tag));
    }

    void compileCall(const MarkupNode &n)
    {
        Dynamic d;
        d.kind = n.tag == u"live_component" ? Dynamic::Kind::LiveComponent
                 : n.tag == u"live_render"  ? Dynamic::Kind::LiveRender
                                            : Dynamic::Kind::Call;
        d.componentName = n.tag;
        for (const MarkupAttribute &a : n.attributes) {
            if (isSpecial(a))
                continue;
            ExpressionPtr value;
            switch (a.form) {
            case MarkupAttribute::Form::Bare:
                value = std::make_unique<Expression>();
                value->literal = true;
                break;
            case MarkupAttribute::Form::Literal:
                value = std::make_unique<Expression>();
                value->literal = a.literal;
                break;
            case MarkupAttribute::Form::Expression:
                value = expression(a.expressionText, a.position);
                break;
            case MarkupAttribute::Form::Interpolated:
                throw TemplateError(
                    m_file, a.position.line, a.position.column,
                    QStringLiteral("expected %1={...}: component attributes take one "
                                   "expression, not interpolated text")
                        .arg(a.name));
            }
            value->collectDependencies(d.dependencies);
            d.callAttributes.emplace_back(a.name, std::move(value));
        }
        // <:name>...</:name> children are named slots; everything else is the inner block.
        std::vector<MarkupNode> inner;
        for (const MarkupNode &child : n.children) {
            if (child.type == MarkupNode::Type::Element && child.tag.startsWith(u':')) {
                FragmentBuilder slot(m_file);
                slot.compileNodes(child.children);
                auto fragment = slot.finish(false);
                d.dependencies.unite(fragment->dependencies);
                d.namedSlots.emplace_back(child.tag.mid(1), std::move(fragment));
            } else {
                inner.push_back(child);
            }
        }
        const bool onlyWhitespace =
            std::all_of(inner.begin(), inner.end(), [](const MarkupNode &c) {
                return c.type == MarkupNode::Type::Text && c.text.trimmed().isEmpty();
            });
        if (!inner.empty() && !(onlyWhitespace && !d.namedSlots.empty())) {
            FragmentBuilder block(m_file);
            block.compileNodes(inner);
            d.body = block.finish(false);
            d.dependencies.unite(d.body->dependencies);
        }
        appendDynamic(std::move(d));
    }

    QString m_file;
    std::shared_ptr<Fragment> m_fragment;
    QString m_current;
};

bool isWhitespaceText(const MarkupNode &n)
{
    return n.type == MarkupNode::Type::Text && n.text.trimmed().isEmpty();
}

// The whole template is one element (ignoring surrounding whitespace): the client may skip it.
bool hasSingleRootElement(const std::vector<MarkupNode> &nodes)
{
    int elements = 0;
    for (const MarkupNode &n : nodes) {
        if (isWhitespaceText(n))
            continue;
        if (n.type != MarkupNode::Type::Element || findAttribute(n, ":if") ||
            findAttribute(n, ":for"))
            return false;
        ++elements;
    }
    return elements == 1;
}

} // namespace

std::shared_ptr<const CompiledTemplate> compileTemplate(const QString &source,
                                                        const QString &fileName)
{
    // Templates are trimmed at both ends, as HEEx does, so files may end with a newline. The
    // untrimmed text is parsed so that line numbers stay true.
    std::vector<MarkupNode> nodes = parseMarkup(source, fileName);
    if (!nodes.empty() && nodes.front().type == MarkupNode::Type::Text) {
        QString &t = nodes.front().text;
        int i = 0;
        while (i < t.size() && t.at(i).isSpace())
            ++i;
        t.remove(0, i);
    }
    if (!nodes.empty() && nodes.back().type == MarkupNode::Type::Text) {
        QString &t = nodes.back().text;
        int i = t.size();
        while (i > 0 && t.at(i - 1).isSpace())
            --i;
        t.truncate(i);
    }
    FragmentBuilder builder(fileName);
    builder.compileNodes(nodes);
    auto compiled = std::make_shared<CompiledTemplate>();
    compiled->fileName = fileName;
    compiled->root = builder.finish(hasSingleRootElement(nodes));
    return compiled;
}

} // namespace liveview::internal
