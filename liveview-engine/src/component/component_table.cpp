// Component lifecycle (mount, update, events, removal) and rendering into the `c` map.
#include "component_table.h"

#include "../render/renderer.h"
#include "../render/wire_keys.h"
#include "../template/scope.h"
#include "../template/value_format.h"
#include "../view/async_tasks.h"
#include "../view/stream_table.h"

#include <QJsonArray>

namespace liveview::internal {

struct ComponentTable::Entry
{
    int cid = 0;
    QString module;
    QString id;
    std::unique_ptr<LiveComponent> instance;
    QVariantHash attributes;
    std::unique_ptr<RenderedNode> tree;
    std::shared_ptr<const CompiledTemplate> tmpl;
    bool dirty = true;
    bool clientHas = false;
    bool markedForDestroy = false;
};

ComponentTable::ComponentTable() = default;
ComponentTable::~ComponentTable() = default;

int ComponentTable::render(const QString &module, const QString &id, const QVariantHash &attributes)
{
    const QString key = module + u'\n' + id;
    auto found = m_byKey.constFind(key);
    if (found == m_byKey.cend()) {
        LiveComponent::Factory factory = LiveComponent::module(module);
        if (!factory)
            throw EvaluationError(
                QStringLiteral("unknown live component module \"%1\"").arg(module));
        auto entry = std::make_unique<Entry>();
        entry->cid = m_nextCid++; // never reused: the client may still hold old cids
        entry->module = module;
        entry->id = id;
        entry->instance = factory();
        entry->instance->m_cid = entry->cid;
        entry->instance->m_table = this;
        entry->instance->m_assigns.assign(QStringLiteral("id"), id);
        entry->instance->m_assigns.assign(QStringLiteral("myself"), entry->cid);
        entry->instance->mount();
        entry->attributes = attributes;
        entry->instance->update(attributes);
        const int cid = entry->cid;
        m_byKey.insert(key, cid);
        m_entries.emplace(cid, std::move(entry));
        return cid;
    }
    Entry &entry = *m_entries.at(*found);
    if (entry.markedForDestroy) {
        // Rendered again before the client confirmed the removal: it is sent in full again.
        entry.markedForDestroy = false;
        entry.clientHas = false;
        entry.dirty = true;
    }
    bool same = entry.attributes.size() == attributes.size();
    for (auto it = attributes.cbegin(); same && it != attributes.cend(); ++it)
        same = entry.attributes.contains(it.key()) &&
               valuesEqual(entry.attributes.value(it.key()), it.value());
    if (!same) {
        entry.attributes = attributes;
        entry.instance->update(attributes);
        entry.dirty = true;
    }
    return entry.cid;
}

QJsonObject ComponentTable::renderEntry(Entry &entry, QHash<const Fragment *, int> &newThisFlush)
{
    LiveComponent &component = *entry.instance;
    const Template t = component.render();
    if (t.isNull())
        throw EvaluationError(
            QStringLiteral("component %1 rendered no template").arg(entry.module));
    Scope scope;
    scope.assigns = &component.m_assigns.values();
    scope.components = this;
    scope.nestedViews = m_nestedViews;
    if (entry.clientHas && entry.tree && TemplateAccess::shared(t) == entry.tmpl) {
        ChangeSet changes;
        changes.assigns = &component.m_assigns.changed();
        QJsonObject diff = Renderer::update(*entry.tree, scope, changes);
        component.m_assigns.clearChanged();
        return diff;
    }
    if (!TemplateAccess::compiled(t)->root->singleRoot)
        throw EvaluationError(
            QStringLiteral("live component %1 must render exactly one root element")
                .arg(entry.module));
    entry.tmpl = TemplateAccess::shared(t);
    QJsonObject json;
    entry.tree = Renderer::render(*entry.tmpl->root, scope, &json);
    component.m_assigns.clearChanged();
    entry.clientHas = true;
    // Instances of one template share statics: point at a component that carries them already.
    const Fragment *fragment = entry.tmpl->root.get();
    if (const int sibling = newThisFlush.value(fragment, 0)) {
        json.insert(wire::statics, sibling);
    } else {
        for (const auto &[cid, other] : m_entries) {
            if (cid != entry.cid && other->clientHas && !other->dirty && !other->markedForDestroy &&
                other->tmpl && other->tmpl->root.get() == fragment) {
                json.insert(wire::statics, -cid);
                break;
            }
        }
        newThisFlush.insert(fragment, entry.cid);
    }
    return json;
}

QJsonObject ComponentTable::flush()
{
    QJsonObject out;
    QHash<const Fragment *, int> newThisFlush;
    // Rendering a component may mount nested ones: repeat until nothing is dirty.
    for (bool again = true; again;) {
        again = false;
        for (auto &[cid, entry] : m_entries) {
            if (!entry->dirty)
                continue;
            entry->dirty = false;
            again = true;
            QJsonObject json = renderEntry(*entry, newThisFlush);
            if (!json.isEmpty())
                out.insert(QString::number(cid), json);
        }
    }
    return out;
}

void ComponentTable::forgetClientState()
{
    for (auto &[cid, entry] : m_entries) {
        entry->clientHas = false;
        entry->dirty = true;
    }
}

bool ComponentTable::handleEvent(int cid, const QString &event, const QVariantMap &value)
{
    auto it = m_entries.find(cid);
    if (it == m_entries.end() || it->second->markedForDestroy)
        return false;
    it->second->instance->handleEvent(event, value);
    it->second->dirty = true;
    return true;
}

bool ComponentTable::sendUpdate(const QString &module, const QString &id,
                                const QVariantHash &attributes)
{
    const auto found = m_byKey.constFind(module + u'\n' + id);
    if (found == m_byKey.cend())
        return false;
    Entry &entry = *m_entries.at(*found);
    entry.instance->update(attributes);
    entry.dirty = true;
    return true;
}

void ComponentTable::markForDestroy(const QList<int> &cids)
{
    for (int cid : cids) {
        auto it = m_entries.find(cid);
        if (it != m_entries.end())
            it->second->markedForDestroy = true;
    }
}

QList<int> ComponentTable::destroy(const QList<int> &cids)
{
    QList<int> deleted;
    for (int cid : cids) {
        auto it = m_entries.find(cid);
        if (it == m_entries.end() || !it->second->markedForDestroy)
            continue;
        m_byKey.remove(it->second->module + u'\n' + it->second->id);
        m_entries.erase(it);
        deleted.append(cid);
    }
    return deleted;
}

void ComponentTable::asyncDone(const AsyncDone &done)
{
    auto it = m_entries.find(done.cid);
    if (it == m_entries.end() || it->second->markedForDestroy)
        return;
    LiveComponent &component = *it->second->instance;
    if (done.isAssign)
        component.m_assigns.assign(done.name, asyncAssignValue(done));
    else
        component.handleAsync(done.name, done.result, done.error);
    it->second->dirty = true;
}

void ComponentTable::finishRender(bool keepOperations)
{
    for (auto &[cid, entry] : m_entries) {
        if (!entry->instance->m_streams)
            continue; // most components have no streams: nothing to prune
        if (entry->tree)
            pruneStreamEntries(*entry->tree);
        if (!keepOperations)
            entry->instance->m_streams->clearOperations(entry->instance->m_assigns);
    }
}

QString ComponentTable::html(int cid) const
{
    auto it = m_entries.find(cid);
    if (it == m_entries.end() || !it->second->tree)
        return QString();
    return renderedToHtml(*it->second->tree, [this](int child) { return html(child); });
}

} // namespace liveview::internal
