#pragma once
// The names visible while a template fragment renders: assigns, `:for` locals, the caller's slot.

#include <QString>
#include <QVariant>
#include <QVariantHash>
#include <memory>
#include <vector>

namespace liveview::internal {

struct Fragment;
struct ChangeSet;
class LiveComponentHost;
class NestedViewHost;

// The inner block passed to a function component, rendered in its caller's scope.
struct SlotContext
{
    const Fragment *fragment = nullptr; // the inner block
    const Scope *callerScope = nullptr;
    const ChangeSet *callerChanges = nullptr;
    const std::vector<std::pair<QString, std::shared_ptr<Fragment>>> *named = nullptr;

    const Fragment *fragmentFor(const QString &name) const
    {
        if (name == u"inner_block")
            return fragment;
        if (named)
            for (const auto &[slotName, f] : *named)
                if (slotName == name)
                    return f.get();
        return nullptr;
    }
};

struct Scope
{
    const QVariantHash *assigns = nullptr;
    const Scope *parent = nullptr; // enclosing scope for locals (same assigns)
    QString localName;             // one or two bindings per level; empty at the root
    QVariant localValue;
    QString localName2;
    QVariant localValue2;
    const SlotContext *slot = nullptr;
    LiveComponentHost *components = nullptr; // the view's live components, for <.live_component>
    NestedViewHost *nestedViews = nullptr;   // the view's child views, for <.live_render>

    QVariant assign(const QString &name) const { return assigns->value(name); }
    bool lookupLocal(const QString &name, QVariant *out) const
    {
        for (const Scope *s = this; s; s = s->parent) {
            if (!s->localName.isEmpty() && s->localName == name) {
                *out = s->localValue;
                return true;
            }
            if (!s->localName2.isEmpty() && s->localName2 == name) {
                *out = s->localValue2;
                return true;
            }
        }
        return false;
    }
    Scope child(const QString &name, const QVariant &value) const
    {
        Scope s;
        s.assigns = assigns;
        s.parent = this;
        s.localName = name;
        s.localValue = value;
        s.slot = slot;
        s.components = components;
        s.nestedViews = nestedViews;
        return s;
    }
};

} // namespace liveview::internal
