// Renders fragments to the rendered tree and diffs them against the previous render in place:
// nodes, text and attributes, conditionals, function and live components. Lists: render_lists.cpp.
#include "renderer.h"

#include "../template/value_format.h"
#include "live_component_host.h"
#include "nested_view_host.h"
#include "render_pass.h"
#include "wire_keys.h"

#include <QJsonArray>

namespace liveview::internal {

namespace {
thread_local quint64 staticsRendered = 0;
} // namespace

quint64 staticsArraysRendered()
{
    return staticsRendered;
}

QJsonArray staticsJson(const Fragment &f)
{
    ++staticsRendered;
    QJsonArray a;
    for (const QString &s : f.statics)
        a.append(s);
    return a;
}

namespace {

QString attributeText(const QString &name, const QVariant &value)
{
    // HEEx writes `style` even for nil, false or true, as an empty value, so the attribute's
    // presence does not depend on the value (a `div[style]` selector holds). (It does the same
    // for `class`; our <.link> passes an absent class as nil, so that one is not followed.)
    if (name == u"style" && (isNil(value) || value.typeId() == QMetaType::Bool))
        return QStringLiteral(" %1=\"\"").arg(name);
    if (isNil(value) || (value.typeId() == QMetaType::Bool && !value.toBool()))
        return QString();
    if (value.typeId() == QMetaType::Bool)
        return QStringLiteral(" ") + name;
    return QStringLiteral(" %1=\"%2\"").arg(name, toHtml(value));
}

} // namespace

std::unique_ptr<RenderedNode> Render::node(const Fragment &f, const Scope &scope, QJsonObject *json)
{
    auto n = std::make_unique<RenderedNode>();
    n->fragment = &f;
    values(f, scope, &n->values, json);
    json->insert(wire::statics, staticsJson(f));
    if (f.singleRoot)
        json->insert(wire::root, 1);
    return n;
}

void Render::values(const Fragment &f, const Scope &scope, std::vector<RenderedValue> *out,
                    QJsonObject *json)
{
    out->reserve(f.dynamics.size());
    for (size_t i = 0; i < f.dynamics.size(); ++i) {
        QJsonValue v;
        out->push_back(value(f.dynamics[i], scope, &v));
        json->insert(wire::position(int(i)), v);
    }
}

RenderedValue Render::value(const Dynamic &d, const Scope &scope, QJsonValue *json)
{
    switch (d.kind) {
    case Dynamic::Kind::Text: {
        QString s = toHtml(d.expression->evaluate(scope));
        *json = s;
        return s;
    }
    case Dynamic::Kind::Attribute: {
        QString s = attributeText(d.attributeName, d.expression->evaluate(scope));
        *json = s;
        return s;
    }
    case Dynamic::Kind::If: {
        if (!isTruthy(d.expression->evaluate(scope))) {
            *json = QString();
            return QString();
        }
        QJsonObject o;
        auto n = node(*d.body, scope, &o);
        *json = o;
        return n;
    }
    case Dynamic::Kind::For:
        return list(d, scope, json);
    case Dynamic::Kind::Call:
        return call(d, scope, json);
    case Dynamic::Kind::LiveComponent: {
        const int cid = liveComponent(d, scope);
        *json = cid;
        return cid;
    }
    case Dynamic::Kind::LiveRender: {
        QString html = liveRender(d, scope);
        *json = html;
        return html;
    }
    case Dynamic::Kind::Slot: {
        const Fragment *fragment = scope.slot ? scope.slot->fragmentFor(d.slotName) : nullptr;
        if (!fragment) {
            *json = QString();
            return QString();
        }
        QJsonObject o;
        auto n = node(*fragment, *scope.slot->callerScope, &o);
        *json = o;
        return n;
    }
    }
    return QString();
}

Template Render::resolveComponent(const Dynamic &d)
{
    Template t = TemplateLibrary::component(d.componentName);
    if (t.isNull())
        throw EvaluationError(
            QStringLiteral("unknown function component <.%1>").arg(d.componentName));
    return t;
}

QVariantHash Render::callAssigns(const Dynamic &d, const Scope &scope)
{
    QVariantHash assigns;
    for (const auto &[name, expr] : d.callAttributes)
        assigns.insert(name, expr->evaluate(scope));
    if (d.body)
        assigns.insert(QStringLiteral("inner_block"), true);
    for (const auto &[name, fragment] : d.namedSlots)
        assigns.insert(name, true);
    return assigns;
}

// Evaluates the tag's attributes and hands them to the view's component table.
int Render::liveComponent(const Dynamic &d, const Scope &scope)
{
    if (!scope.components)
        throw EvaluationError(QStringLiteral("<.live_component> is only available in live views"));
    QVariantHash attributes = callAssigns(d, scope);
    const QString module = attributes.take(QStringLiteral("module")).toString();
    const QString id = toText(attributes.value(QStringLiteral("id")));
    if (module.isEmpty() || id.isEmpty())
        throw EvaluationError(QStringLiteral("<.live_component> needs module and id attributes"));
    return scope.components->render(module, id, attributes);
}

// The child view's container; the host caches it per child, so an unchanged request renders the
// same text and sends nothing.
QString Render::liveRender(const Dynamic &d, const Scope &scope)
{
    if (!scope.nestedViews)
        throw EvaluationError(QStringLiteral("<.live_render> is only available in live views"));
    QVariantHash attributes = callAssigns(d, scope);
    NestedViewRequest request;
    request.module = attributes.take(QStringLiteral("module")).toString();
    request.id = toText(attributes.take(QStringLiteral("id")));
    if (request.module.isEmpty() || request.id.isEmpty())
        throw EvaluationError(QStringLiteral("<.live_render> needs module and id attributes"));
    request.session = attributes.take(QStringLiteral("session")).toMap();
    request.sticky = isTruthy(attributes.take(QStringLiteral("sticky")));
    const QString tag = toText(attributes.take(QStringLiteral("container")));
    if (!tag.isEmpty())
        request.containerTag = tag;
    request.attributes = std::move(attributes);
    return scope.nestedViews->renderNested(request);
}

RenderedValue Render::call(const Dynamic &d, const Scope &scope, QJsonValue *json)
{
    const Template t = resolveComponent(d);
    auto n = std::make_unique<RenderedNode>();
    n->componentAssigns = callAssigns(d, scope);
    n->keepAlive = TemplateAccess::shared(t);
    const Fragment &f = *TemplateAccess::compiled(t)->root;
    n->fragment = &f;
    SlotContext slot{d.body.get(), &scope, nullptr, &d.namedSlots};
    Scope inner;
    inner.assigns = &n->componentAssigns;
    inner.slot = &slot;
    inner.components = scope.components;
    inner.nestedViews = scope.nestedViews;
    QJsonObject o;
    values(f, inner, &n->values, &o);
    o.insert(wire::statics, staticsJson(f));
    if (f.singleRoot)
        o.insert(wire::root, 1);
    *json = o;
    return n;
}

// --- update ------------------------------------------------------------------------------
QJsonObject Render::updateValues(const Fragment &f, std::vector<RenderedValue> &vals,
                                 const Scope &scope, const ChangeSet &changes)
{
    QJsonObject diff;
    for (size_t i = 0; i < f.dynamics.size(); ++i) {
        const Dynamic &d = f.dynamics[i];
        if (!changes.affects(d.dependencies))
            continue;
        QJsonValue v;
        if (updateValue(d, vals[i], scope, changes, &v))
            diff.insert(wire::position(int(i)), v);
    }
    return diff;
}

// Returns whether the client must be told; `json` is then the value to send.
bool Render::updateValue(const Dynamic &d, RenderedValue &slot, const Scope &scope,
                         const ChangeSet &changes, QJsonValue *json)
{
    switch (d.kind) {
    case Dynamic::Kind::Text:
    case Dynamic::Kind::Attribute:
    case Dynamic::Kind::LiveRender: {
        QJsonValue fresh;
        RenderedValue v = value(d, scope, &fresh);
        if (const QString *old = std::get_if<QString>(&slot); old && *old == std::get<QString>(v))
            return false;
        slot = std::move(v);
        *json = fresh;
        return true;
    }
    case Dynamic::Kind::If: {
        const bool show = isTruthy(d.expression->evaluate(scope));
        auto *existing = std::get_if<std::unique_ptr<RenderedNode>>(&slot);
        if (show && existing && (*existing)->fragment == d.body.get()) {
            QJsonObject diff = updateValues(*d.body, (*existing)->values, scope, changes);
            *json = diff;
            return !diff.isEmpty();
        }
        if (!show) {
            if (!existing)
                return false;
            slot = QString();
            *json = QString();
            return true;
        }
        QJsonObject o;
        slot = node(*d.body, scope, &o);
        *json = o;
        return true;
    }
    case Dynamic::Kind::For:
        return updateList(d, slot, scope, changes, json);
    case Dynamic::Kind::Call:
        return updateCall(d, slot, scope, changes, json);
    case Dynamic::Kind::LiveComponent: {
        const int cid = liveComponent(d, scope);
        if (const int *old = std::get_if<int>(&slot); old && *old == cid)
            return false; // same instance: its own changes travel under "c"
        slot = cid;
        *json = cid;
        return true;
    }
    case Dynamic::Kind::Slot: {
        auto *existing = std::get_if<std::unique_ptr<RenderedNode>>(&slot);
        const Fragment *fragment = scope.slot ? scope.slot->fragmentFor(d.slotName) : nullptr;
        if (!fragment || !existing || (*existing)->fragment != fragment) {
            slot = value(d, scope, json);
            return true;
        }
        QJsonObject diff = updateValues(*fragment, (*existing)->values, *scope.slot->callerScope,
                                        *scope.slot->callerChanges);
        *json = diff;
        return !diff.isEmpty();
    }
    }
    return false;
}

bool Render::updateCall(const Dynamic &d, RenderedValue &slot, const Scope &scope,
                        const ChangeSet &changes, QJsonValue *json)
{
    auto *existing = std::get_if<std::unique_ptr<RenderedNode>>(&slot);
    const Template t = resolveComponent(d);
    if (!existing || (*existing)->fragment != TemplateAccess::compiled(t)->root.get()) {
        slot = call(d, scope, json);
        return true;
    }
    RenderedNode &n = **existing;
    QVariantHash fresh = callAssigns(d, scope);
    ChangedKeys changedAssigns;
    for (auto it = fresh.cbegin(); it != fresh.cend(); ++it)
        if (!n.componentAssigns.contains(it.key()) ||
            !valuesEqual(n.componentAssigns.value(it.key()), it.value()))
            changedAssigns.insert(it.key());
    for (auto it = n.componentAssigns.cbegin(); it != n.componentAssigns.cend(); ++it)
        if (!fresh.contains(it.key()))
            changedAssigns.insert(it.key());
    if (d.body && changes.affects(d.body->dependencies))
        changedAssigns.insert(QStringLiteral("inner_block"));
    for (const auto &[name, fragment] : d.namedSlots)
        if (changes.affects(fragment->dependencies))
            changedAssigns.insert(name);
    if (changedAssigns.isEmpty())
        return false;
    n.componentAssigns = std::move(fresh);
    SlotContext slotContext{d.body.get(), &scope, &changes, &d.namedSlots};
    Scope inner;
    inner.assigns = &n.componentAssigns;
    inner.slot = &slotContext;
    inner.components = scope.components;
    inner.nestedViews = scope.nestedViews;
    ChangeSet innerChanges;
    innerChanges.assigns = &changedAssigns;
    QJsonObject diff = updateValues(*n.fragment, n.values, inner, innerChanges);
    *json = diff;
    return !diff.isEmpty();
}

std::unique_ptr<RenderedNode> Renderer::render(const Fragment &fragment, const Scope &scope,
                                               QJsonObject *json)
{
    return Render::node(fragment, scope, json);
}

QJsonObject Renderer::update(RenderedNode &node, const Scope &scope, const ChangeSet &changes)
{
    return Render::updateValues(*node.fragment, node.values, scope, changes);
}

} // namespace liveview::internal
