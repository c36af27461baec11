#pragma once
// Compiled HEEx-like templates: statics and dynamics, compiled once, shared by every view.

#include "liveview/safe_html.h"
#include "liveview/template_error.h"

#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantHash>
#include <functional>
#include <memory>

namespace liveview {

namespace internal {
struct CompiledTemplate;
class TemplateAccess;
} // namespace internal

// A compiled template. Cheap to copy; compiled once per file and cached.
//
// Syntax: `{expr}` in text and in attribute values (`class="a {@b}"`, `id={expr}`), `:if={expr}`,
// `:for={x <- @items}` with an optional `:key={x.id}`, function components `<.name a={...}>inner
// </.name>` whose template shows the inner block with `{render_slot(@inner_block)}`.
// Output is HTML-escaped unless produced by `raw(...)`.
class Template
{
public:
    Template() = default;

    // Loads `name` (e.g. "examples/counter.heex") from the first template root that has it (see
    // TemplateLibrary::addTemplateRoot). Throws TemplateError.
    static Template load(const QString &name);
    // Compiles source text; `fileName` is used in error messages only.
    static Template compile(const QString &source,
                            const QString &fileName = QStringLiteral("<inline>"));

    bool isNull() const { return !d; }
    QString fileName() const;
    // The whole HTML for these assigns (used by the first HTTP render and by tests).
    QString renderToString(const QVariantHash &assigns) const;

private:
    friend class internal::TemplateAccess; // the renderer reads the compiled form
    std::shared_ptr<const internal::CompiledTemplate> d;
};

// Helpers callable from expressions and function components usable as `<.name>` in any template.
// Register at startup, before views render (the registry is read without locks afterwards).
// A helper may read more than its arguments (a locale, the clock): the renderer never assumes
// otherwise, so a `:for` row that calls one is rendered by each view for itself, not shared
// between the views receiving the same broadcast.
class TemplateLibrary
{
public:
    using Helper = std::function<QVariant(const QVariantList &arguments)>;
    static void registerHelper(const QString &name, Helper helper);
    static void registerComponent(const QString &name, const QString &templateName);
    static void registerComponent(const QString &name, const Template &compiledTemplate);

    static const Helper *helper(const QString &name);
    static Template component(const QString &name);
    // Where Template::load looks, in order: the development roots (--dev: source directories
    // read from disk), the roots added here in the order added (Qt resource paths such as
    // ":/app/templates", or directories), and last the engine's own (a plain layout/root.heex and
    // layout/error.heex, components/link.heex). Add roots at startup, before views render;
    // adding one twice keeps the first. EndpointOptions::templateRoots are added by the Endpoint.
    static void addTemplateRoot(const QString &root);
    static QStringList templateRoots(); // development roots first, the engine's last
    static void setDevelopmentRoots(const QStringList &directories);
    // The file `name` loads from, or an empty string when no root has it.
    static QString findTemplateFile(const QString &name);
    // Forgets compiled templates so the next load reads the files again (hot reload).
    static void clearCache();
};

} // namespace liveview
