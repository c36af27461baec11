#pragma once
// The compiled form of a template: fragments of statics interleaved with dynamics.

#include "expression.h"
#include "liveview/template.h"

#include <QStringList>
#include <memory>
#include <vector>

namespace liveview::internal {

struct Fragment;

// One hole between two statics. Each knows which names it reads, so a render after an event
// evaluates only the dynamics whose inputs changed.
struct Dynamic
{
    enum class Kind
    {
        Text,          // `{expr}` in text or inside a quoted attribute value: escaped text
        Attribute,     // `name={expr}`: ` name="v"`, ` name` for true, nothing for nil/false
        If,            // element with `:if`: its body fragment, or "" when false
        For,           // element with `:for` (optional `:key`, `:if` as a filter): a comprehension
        Call,          // function component `<.name ...>`: the component's fragment, own assigns
        Slot,          // `{render_slot(@inner_block)}` inside a component template
        LiveComponent, // `<.live_component module="m" id="x" ...>`: the instance's cid
        LiveRender,    // `<.live_render module="m" id="x" ...>`: a child view's container (HTML)
    };
    Kind kind = Kind::Text;
    ExpressionPtr expression;       // Text, Attribute, If condition, For source
    QString attributeName;          // Attribute
    QString variable;               // For
    QString variable2;              // For over pairs: `{a, b} <- ...`
    ExpressionPtr key;              // For, optional
    ExpressionPtr filter;           // For, optional
    std::shared_ptr<Fragment> body; // If/For body, Call inner block (may be null)
    QString componentName;          // Call
    QString slotName;               // Slot: "inner_block" or a named slot
    std::vector<std::pair<QString, std::shared_ptr<Fragment>>> namedSlots; // Call: <:name>
    std::vector<std::pair<QString, ExpressionPtr>> callAttributes;         // Call
    Dependencies dependencies; // everything read, nested bodies included
    // For: what the body reads besides the loop variables (a change re-renders every entry), and
    // whether the key reads only the item (then an unchanged item keeps its key unevaluated).
    Dependencies bodyOuterDependencies;
    bool keyReadsOnlyItem = false;
};

struct Fragment
{
    QStringList statics; // dynamics.size() + 1 strings
    std::vector<Dynamic> dynamics;
    bool singleRoot = false; // output is exactly one element: the client may skip it (`r: 1`)
    Dependencies dependencies;
};

struct CompiledTemplate
{
    QString fileName;
    std::shared_ptr<Fragment> root;
};

// The compiled form behind a public Template, for the renderer and the view runtime.
class TemplateAccess
{
public:
    static const CompiledTemplate *compiled(const Template &t) { return t.d.get(); }
    static std::shared_ptr<const CompiledTemplate> shared(const Template &t) { return t.d; }
};

// Parses and compiles template source. Throws TemplateError with file, line and column.
std::shared_ptr<const CompiledTemplate> compileTemplate(const QString &source,
                                                        const QString &fileName);

} // namespace liveview::internal
