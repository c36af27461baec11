// Renders fragments to the rendered tree and diffs them against the previous render in place.
#include "renderer.h"

#include "../live/component_table.h"
#include "../template/scope.h"
#include "../template/value_format.h"
#include "liveview/stream.h"
#include "liveview/template.h"
#include "wire_keys.h"

#include <QHash>
#include <QJsonArray>

namespace liveview::internal {
namespace {

QJsonArray staticsJson(const Fragment &f)
{
    QJsonArray a;
    for (const QString &s : f.statics)
        a.append(s);
    return a;
}

QString attributeText(const QString &name, const QVariant &value)
{
    if (isNil(value) || (value.typeId() == QMetaType::Bool && !value.toBool()))
        return QString();
    if (value.typeId() == QMetaType::Bool)
        return QStringLiteral(" ") + name;
    return QStringLiteral(" %1=\"%2\"").arg(name, toHtml(value));
}

class Render
{
public:
    // --- full render -------------------------------------------------------------------------
    static std::unique_ptr<RenderedNode> node(const Fragment &f, const Scope &scope,
                                              QJsonObject *json)
    {
        auto n = std::make_unique<RenderedNode>();
        n->fragment = &f;
        values(f, scope, &n->values, json);
        json->insert(wire::statics, staticsJson(f));
        if (f.singleRoot)
            json->insert(wire::root, 1);
        return n;
    }

    static void values(const Fragment &f, const Scope &scope, std::vector<RenderedValue> *out,
                       QJsonObject *json)
    {
        out->reserve(f.dynamics.size());
        for (size_t i = 0; i < f.dynamics.size(); ++i) {
            QJsonValue v;
            out->push_back(value(f.dynamics[i], scope, &v));
            json->insert(wire::position(int(i)), v);
        }
    }

    static RenderedValue value(const Dynamic &d, const Scope &scope, QJsonValue *json)
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

    static QVariantList items(const Dynamic &d, const Scope &scope)
    {
        const QVariant source = d.expression->evaluate(scope);
        if (isNil(source))
            return {};
        if (!source.canConvert<QVariantList>())
            throw EvaluationError(
                QStringLiteral(":for needs a list, got %1").arg(source.typeName()));
        QVariantList all = source.toList();
        if (!d.filter)
            return all;
        QVariantList kept;
        for (const QVariant &item : all)
            if (isTruthy(d.filter->evaluate(bindItem(d, scope, item))))
                kept.append(item);
        return kept;
    }

    // The loop's names bound to one item: `x <- list`, or `{a, b} <- pairs` for two-element items.
    static Scope bindItem(const Dynamic &d, const Scope &scope, const QVariant &item)
    {
        Scope s = scope.child(d.variable, item);
        if (!d.variable2.isEmpty()) {
            const QVariantList pair = item.toList();
            s.localValue = pair.value(0);
            s.localName2 = d.variable2;
            s.localValue2 = pair.value(1);
        }
        return s;
    }

    static bool isStream(const QVariant &source)
    {
        return source.typeId() == qMetaTypeId<StreamState>();
    }

    // A stream renders only its pending inserts, plus the `stream` instruction telling the
    // client where they go and what to delete; the server keeps none of them afterwards.
    static RenderedValue streamList(const Dynamic &d, const StreamState &state, const Scope &scope,
                                    bool withStatics, QJsonValue *json)
    {
        auto l = std::make_unique<RenderedList>();
        l->fragment = d.body.get();
        l->stream = true;
        QJsonObject k;
        QJsonArray inserts;
        for (int i = 0; i < state.inserts.size(); ++i) {
            const StreamInsert &insert = state.inserts.at(i);
            const Scope itemScope = bindItem(d, scope, QVariantList{insert.domId, insert.item});
            RenderedEntry e;
            e.key = insert.domId;
            QJsonObject entryJson;
            values(*d.body, itemScope, &e.values, &entryJson);
            k.insert(wire::position(i), entryJson);
            l->entries.push_back(std::move(e));
            inserts.append(QJsonArray{insert.domId, insert.at,
                                      QJsonValue::fromVariant(insert.limit), insert.updateOnly});
        }
        k.insert(wire::keyedCount, int(state.inserts.size()));
        QJsonObject o;
        if (withStatics)
            o.insert(wire::statics, staticsJson(*d.body));
        o.insert(wire::keyed, k);
        if (state.hasOperations()) {
            QJsonArray instruction{state.ref, inserts, QJsonArray::fromStringList(state.deletes)};
            if (state.reset)
                instruction.append(true);
            o.insert(wire::stream, instruction);
        }
        *json = o;
        return l;
    }

    static QString keyOf(const Dynamic &d, const Scope &itemScope, int position)
    {
        return d.key ? toText(d.key->evaluate(itemScope)) : QString();
    }

    static RenderedValue list(const Dynamic &d, const Scope &scope, QJsonValue *json)
    {
        const QVariant source = d.expression->evaluate(scope);
        if (isStream(source))
            return streamList(d, source.value<StreamState>(), scope, true, json);
        auto l = std::make_unique<RenderedList>();
        l->fragment = d.body.get();
        const QVariantList all = items(d, scope);
        QJsonObject k;
        l->entries.reserve(size_t(all.size()));
        for (int i = 0; i < all.size(); ++i) {
            const Scope itemScope = bindItem(d, scope, all[i]);
            RenderedEntry e;
            e.item = all[i];
            e.key = keyOf(d, itemScope, i);
            QJsonObject entryJson;
            values(*d.body, itemScope, &e.values, &entryJson);
            k.insert(wire::position(i), entryJson);
            l->entries.push_back(std::move(e));
        }
        k.insert(wire::keyedCount, int(all.size()));
        QJsonObject o;
        o.insert(wire::statics, staticsJson(*d.body));
        o.insert(wire::keyed, k);
        *json = o;
        return l;
    }

    static Template resolveComponent(const Dynamic &d)
    {
        Template t = TemplateLibrary::component(d.componentName);
        if (t.isNull())
            throw EvaluationError(
                QStringLiteral("unknown function component <.%1>").arg(d.componentName));
        return t;
    }

    static QVariantHash callAssigns(const Dynamic &d, const Scope &scope)
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
    static int liveComponent(const Dynamic &d, const Scope &scope)
    {
        if (!scope.components)
            throw EvaluationError(
                QStringLiteral("<.live_component> is only available in live views"));
        QVariantHash attributes = callAssigns(d, scope);
        const QString module = attributes.take(QStringLiteral("module")).toString();
        const QString id = toText(attributes.value(QStringLiteral("id")));
        if (module.isEmpty() || id.isEmpty())
            throw EvaluationError(
                QStringLiteral("<.live_component> needs module and id attributes"));
        return scope.components->render(module, id, attributes);
    }

    static RenderedValue call(const Dynamic &d, const Scope &scope, QJsonValue *json)
    {
        const Template t = resolveComponent(d);
        auto n = std::make_unique<RenderedNode>();
        n->componentAssigns = callAssigns(d, scope);
        n->keepAlive = t.shared();
        const Fragment &f = *t.compiled()->root;
        n->fragment = &f;
        SlotContext slot{d.body.get(), &scope, nullptr, &d.namedSlots};
        Scope inner;
        inner.assigns = &n->componentAssigns;
        inner.slot = &slot;
        inner.components = scope.components;
        QJsonObject o;
        values(f, inner, &n->values, &o);
        o.insert(wire::statics, staticsJson(f));
        if (f.singleRoot)
            o.insert(wire::root, 1);
        *json = o;
        return n;
    }

    // --- update ------------------------------------------------------------------------------
    static QJsonObject updateValues(const Fragment &f, std::vector<RenderedValue> &vals,
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
    static bool updateValue(const Dynamic &d, RenderedValue &slot, const Scope &scope,
                            const ChangeSet &changes, QJsonValue *json)
    {
        switch (d.kind) {
        case Dynamic::Kind::Text:
        case Dynamic::Kind::Attribute: {
            QJsonValue fresh;
            RenderedValue v = value(d, scope, &fresh);
            if (const QString *old = std::get_if<QString>(&slot);
                old && *old == std::get<QString>(v))
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
            QJsonObject diff = updateValues(*fragment, (*existing)->values,
                                            *scope.slot->callerScope, *scope.slot->callerChanges);
            *json = diff;
            return !diff.isEmpty();
        }
        }
        return false;
    }

    static bool updateList(const Dynamic &d, RenderedValue &slot, const Scope &scope,
                           const ChangeSet &changes, QJsonValue *json)
    {
        auto *existing = std::get_if<std::unique_ptr<RenderedList>>(&slot);
        if (!existing || (*existing)->fragment != d.body.get()) {
            slot = list(d, scope, json);
            return true;
        }
        RenderedList &old = **existing;
        if (old.stream) {
            const QVariant source = d.expression->evaluate(scope);
            const StreamState state =
                isStream(source) ? source.value<StreamState>() : StreamState();
            if (!state.hasOperations())
                return false;
            slot = streamList(d, state, scope, false, json);
            return true;
        }
        const QVariantList all = items(d, scope);
        // Inputs of the body other than the loop variable: if one changed, every entry is
        // evaluated again; otherwise only entries whose item changed are.
        Dependencies outer = d.body->dependencies;
        outer.locals.remove(d.variable);
        outer.locals.remove(d.variable2);
        const bool outerChanged = changes.affects(outer);

        // Most updates keep every row in place: the key index is built only when a row moved.
        QHash<QString, int> oldByKey;
        bool indexed = false;
        auto findOld = [&](int position, const QString &key) {
            if (!d.key)
                return position < int(old.entries.size()) ? position : -1;
            if (position < int(old.entries.size()) && old.entries[size_t(position)].key == key)
                return position;
            if (!indexed) {
                oldByKey.reserve(qsizetype(old.entries.size()));
                for (int j = 0; j < int(old.entries.size()); ++j)
                    oldByKey.insert(old.entries[size_t(j)].key, j);
                indexed = true;
            }
            return int(oldByKey.value(key, -1));
        };
        std::vector<bool> taken(old.entries.size(), false);
        std::vector<RenderedEntry> fresh;
        fresh.reserve(size_t(all.size()));
        QJsonObject k;
        bool moved = false, anything = int(old.entries.size()) != all.size();
        // A key that reads only the item is unchanged when the item is: no need to evaluate it.
        Dependencies keyDeps;
        if (d.key)
            d.key->collectDependencies(keyDeps);
        const bool keyFromItemOnly =
            keyDeps.assigns.isEmpty() &&
            keyDeps.locals.subtract(QSet<QString>{d.variable, d.variable2}).isEmpty();
        for (int i = 0; i < all.size(); ++i) {
            const Scope itemScope = bindItem(d, scope, all[i]);
            const bool sameItemInPlace = keyFromItemOnly && i < int(old.entries.size()) &&
                                         valuesEqual(old.entries[size_t(i)].item, all[i]);
            const QString key =
                sameItemInPlace ? old.entries[size_t(i)].key : keyOf(d, itemScope, i);
            int j = findOld(i, key);
            if (j >= 0 && taken[size_t(j)])
                j = -1; // duplicate key: render as a new entry
            if (j < 0) {
                RenderedEntry e;
                e.item = all[i];
                e.key = key;
                QJsonObject entryJson;
                values(*d.body, itemScope, &e.values, &entryJson);
                k.insert(wire::position(i), entryJson);
                fresh.push_back(std::move(e));
                anything = true;
                continue;
            }
            taken[size_t(j)] = true;
            RenderedEntry e = std::move(old.entries[size_t(j)]);
            const bool itemChanged = !valuesEqual(e.item, all[i]);
            QJsonObject entryDiff;
            if (itemChanged || outerChanged) {
                ChangeSet inner = changes;
                if (itemChanged) {
                    inner.locals.insert(d.variable);
                    if (!d.variable2.isEmpty())
                        inner.locals.insert(d.variable2);
                }
                entryDiff = updateValues(*d.body, e.values, itemScope, inner);
                e.item = all[i];
            }
            if (i != j) {
                moved = anything = true;
                if (entryDiff.isEmpty())
                    k.insert(wire::position(i), j);
                else
                    k.insert(wire::position(i), QJsonArray{j, entryDiff});
            } else if (!entryDiff.isEmpty()) {
                k.insert(wire::position(i), entryDiff);
                anything = true;
            }
            fresh.push_back(std::move(e));
        }
        old.entries = std::move(fresh);
        if (!anything)
            return false;
        k.insert(wire::keyedCount, int(all.size()));
        if (moved)
            k.insert(wire::keyedMoves, true);
        *json = QJsonObject{{wire::keyed, k}};
        return true;
    }

    static bool updateCall(const Dynamic &d, RenderedValue &slot, const Scope &scope,
                           const ChangeSet &changes, QJsonValue *json)
    {
        auto *existing = std::get_if<std::unique_ptr<RenderedNode>>(&slot);
        const Template t = resolveComponent(d);
        if (!existing || (*existing)->fragment != t.compiled()->root.get()) {
            slot = call(d, scope, json);
            return true;
        }
        RenderedNode &n = **existing;
        QVariantHash fresh = callAssigns(d, scope);
        QSet<QString> changedAssigns;
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
        ChangeSet innerChanges;
        innerChanges.assigns = &changedAssigns;
        QJsonObject diff = updateValues(*n.fragment, n.values, inner, innerChanges);
        *json = diff;
        return !diff.isEmpty();
    }
};

} // namespace

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
