// Comprehensions: full renders, keyed and positional diffs (moves with km), and streams whose
// rendered entries are sent once and dropped.
#include "../template/value_format.h"
#include "render_pass.h"
#include "row_memo.h"
#include "wire_keys.h"

#include <QHash>
#include <QJsonArray>

namespace liveview::internal {

QVariantList Render::items(const Dynamic &d, const Scope &scope)
{
    const QVariant source = d.expression->evaluate(scope);
    if (isNil(source))
        return {};
    if (!source.canConvert<QVariantList>())
        throw EvaluationError(QStringLiteral(":for needs a list, got %1").arg(source.typeName()));
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
Scope Render::bindItem(const Dynamic &d, const Scope &scope, const QVariant &item)
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

bool Render::isStream(const QVariant &source)
{
    return source.typeId() == qMetaTypeId<StreamState>();
}

// A stream renders only its pending inserts, plus the `stream` instruction telling the
// client where they go and what to delete; the server keeps none of them afterwards.
RenderedValue Render::streamList(const Dynamic &d, const StreamState &state, const Scope &scope,
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
        inserts.append(QJsonArray{insert.domId, insert.at, QJsonValue::fromVariant(insert.limit),
                                  insert.updateOnly});
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

QString Render::keyOf(const Dynamic &d, const Scope &itemScope)
{
    return d.key ? toText(d.key->evaluate(itemScope)) : QString();
}

RenderedValue Render::list(const Dynamic &d, const Scope &scope, QJsonValue *json)
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
        // A full render (a join, a replaced list) is one view's own: its rows would only fill
        // the broadcast's memo before the row the broadcast is about.
        l->entries.push_back(newEntry(d, itemScope, all[i], keyOf(d, itemScope), i, &k, false));
    }
    l->items = all;
    k.insert(wire::keyedCount, int(all.size()));
    QJsonObject o;
    o.insert(wire::statics, staticsJson(*d.body));
    o.insert(wire::keyed, k);
    *json = o;
    return l;
}

// A row shown for the first time: all its values, added to the keyed diff `k` at `position`.
RenderedEntry Render::newEntry(const Dynamic &d, const Scope &itemScope, const QVariant &item,
                               const QString &key, int position, QJsonObject *k, bool shareable)
{
    RenderedEntry e;
    e.key = key;
    // During a broadcast, a row that reads only its item is rendered once for all the views.
    RowMemo *memo = shareable && bodyReadsOnlyItem(d) ? RowMemo::current() : nullptr;
    if (memo) {
        if (const RowMemo::Row *row = memo->find(d.body.get(), item)) {
            e.values.assign(row->values.cbegin(), row->values.cend());
            k->insert(wire::position(position), row->json);
            return e;
        }
    }
    QJsonObject entryJson;
    values(*d.body, itemScope, &e.values, &entryJson);
    k->insert(wire::position(position), entryJson);
    if (memo) {
        RowMemo::Row row{d.body, item, {}, entryJson};
        for (const RenderedValue &v : e.values) {
            const QString *text = std::get_if<QString>(&v);
            if (!text)
                return e; // state of its own (a component, a nested list): not shared
            row.values.push_back(*text);
        }
        memo->add(std::move(row));
    }
    return e;
}

// The list only grew at its end (a chat, a log): every existing row holds the same value in the
// same place. Comparing values is cheap here, as unchanged rows share their data.
bool Render::appendOnly(const RenderedList &old, const QVariantList &all)
{
    if (all.size() < old.items.size())
        return false;
    if (all.constData() == old.items.constData())
        return true; // the same array, grown in place
    for (qsizetype i = 0; i < old.items.size(); ++i)
        if (!valuesEqual(old.items[i], all[i]))
            return false;
    return true;
}

// The body reads nothing but the loop variables (no assign, outer local or helper), and so does
// the key: a row is then the same in every view that has the same item. (A filter may read
// assigns: a filtered list is a fresh array per view and per render, so it never matches another
// view's in the append memo.)
bool Render::bodyReadsOnlyItem(const Dynamic &d)
{
    return d.bodyOuterDependencies.assigns.isEmpty() && d.bodyOuterDependencies.locals.isEmpty();
}

bool Render::readsOnlyItem(const Dynamic &d)
{
    return bodyReadsOnlyItem(d) && (!d.key || d.keyReadsOnlyItem);
}

void Render::rememberAppend(RowMemo &memo, const Dynamic &d, const QVariantList &before,
                            const RenderedList &list, size_t firstNew, const QJsonValue &json)
{
    RowMemo::Append a{d.body, before, list.items, {}, json};
    for (size_t i = firstNew; i < list.entries.size(); ++i) {
        std::vector<QString> values;
        for (const RenderedValue &v : list.entries[i].values) {
            const QString *text = std::get_if<QString>(&v);
            if (!text)
                return; // a row with state of its own: not shared
            values.push_back(*text);
        }
        a.entries.emplace_back(list.entries[i].key, std::move(values));
    }
    memo.addAppend(std::move(a));
}

// Renders only the appended rows: no scope, key or diff work for the rows already shown.
bool Render::appendRows(const Dynamic &d, RenderedList &old, const QVariantList &all,
                        const Scope &scope, QJsonValue *json)
{
    if (all.size() == qsizetype(old.entries.size()))
        return false;
    QJsonObject k;
    for (qsizetype i = qsizetype(old.entries.size()); i < all.size(); ++i) {
        const Scope itemScope = bindItem(d, scope, all[i]);
        old.entries.push_back(newEntry(d, itemScope, all[i], keyOf(d, itemScope), int(i), &k));
    }
    old.items = all;
    k.insert(wire::keyedCount, int(all.size()));
    *json = QJsonObject{{wire::keyed, k}};
    return true;
}

bool Render::updateList(const Dynamic &d, RenderedValue &slot, const Scope &scope,
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
        const StreamState state = isStream(source) ? source.value<StreamState>() : StreamState();
        if (!state.hasOperations())
            return false;
        slot = streamList(d, state, scope, false, json);
        return true;
    }
    const QVariantList all = items(d, scope);
    // Inputs of the body other than the loop variable: if one changed, every entry is
    // evaluated again; otherwise only entries whose item changed are.
    const bool outerChanged = changes.affects(d.bodyOuterDependencies);
    // Only a list that grew can be an append: a same-size update (one row changed) goes straight
    // to the general path instead of comparing rows twice.
    if (!outerChanged && all.size() > qsizetype(old.entries.size())) {
        RowMemo *memo = readsOnlyItem(d) ? RowMemo::current() : nullptr;
        if (memo) {
            if (const RowMemo::Append *a = memo->findAppend(d.body.get(), old.items, all)) {
                Q_ASSERT(old.entries.size() == size_t(old.items.size()));
                for (const auto &[key, values] : a->entries) {
                    RenderedEntry e;
                    e.key = key;
                    e.values.assign(values.cbegin(), values.cend());
                    old.entries.push_back(std::move(e));
                }
                old.items = all;
                *json = a->json;
                return true;
            }
        }
        if (appendOnly(old, all)) {
            const QVariantList before = old.items;
            const size_t firstNew = old.entries.size();
            const bool changed = appendRows(d, old, all, scope, json);
            if (memo)
                rememberAppend(*memo, d, before, old, firstNew, *json);
            return changed;
        }
    }

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
    for (int i = 0; i < all.size(); ++i) {
        const Scope itemScope = bindItem(d, scope, all[i]);
        // A key that reads only the item is unchanged when the item is: no need to evaluate it.
        const bool sameItemInPlace =
            d.keyReadsOnlyItem && i < int(old.entries.size()) && valuesEqual(old.items[i], all[i]);
        const QString key = sameItemInPlace ? old.entries[size_t(i)].key : keyOf(d, itemScope);
        int j = findOld(i, key);
        if (j >= 0 && taken[size_t(j)])
            j = -1; // duplicate key: render as a new entry
        if (j < 0) {
            fresh.push_back(newEntry(d, itemScope, all[i], key, i, &k));
            anything = true;
            continue;
        }
        taken[size_t(j)] = true;
        RenderedEntry e = std::move(old.entries[size_t(j)]);
        const bool itemChanged = !valuesEqual(old.items[j], all[i]);
        QJsonObject entryDiff;
        if (itemChanged || outerChanged) {
            ChangeSet inner = changes;
            if (itemChanged) {
                inner.locals.insert(d.variable);
                if (!d.variable2.isEmpty())
                    inner.locals.insert(d.variable2);
            }
            entryDiff = updateValues(*d.body, e.values, itemScope, inner);
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
    old.items = all;
    if (!anything)
        return false;
    k.insert(wire::keyedCount, int(all.size()));
    if (moved)
        k.insert(wire::keyedMoves, true);
    *json = QJsonObject{{wire::keyed, k}};
    return true;
}

} // namespace liveview::internal
