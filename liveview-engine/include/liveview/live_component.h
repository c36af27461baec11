#pragma once
// LiveComponents: stateful parts of a view with their own assigns, events and render, addressed
// by the client through `phx-target={@myself}` (Phoenix.LiveComponent's model).

#include "liveview/assigns.h"
#include "liveview/template.h"

#include <QVariantHash>
#include <functional>
#include <memory>

namespace liveview {

namespace internal {
class ComponentTable;
}

// Used in a template as `<.live_component module="name" id="unique-id" any={@attr} />`; the
// (module, id) pair identifies the instance across renders.
class LiveComponent
{
public:
    virtual ~LiveComponent();

    // Once, before the first update.
    virtual void mount();
    // Each time the parent renders the tag with changed attributes (and on send_update).
    // The default assigns every attribute.
    virtual void update(const QVariantHash &attributes);
    // Events from elements with phx-target={@myself}.
    virtual void handleEvent(const QString &event, const QVariantMap &value);
    virtual Template render() const = 0;

    using Factory = std::function<std::unique_ptr<LiveComponent>()>;
    // Register component modules at startup, before views render.
    static void registerModule(const QString &name, Factory factory);
    template <class Component> static void registerModule(const QString &name)
    {
        registerModule(name, [] { return std::make_unique<Component>(); });
    }
    static Factory module(const QString &name);

protected:
    void assign(const QString &key, const QVariant &value) { m_assigns.assign(key, value); }
    QVariant assigned(const QString &key) const { return m_assigns.value(key); }
    const Assigns &assigns() const { return m_assigns; }
    // The component id the client uses (the value of @myself).
    int cid() const { return m_cid; }

private:
    friend class internal::ComponentTable;
    Assigns m_assigns;
    int m_cid = 0;
};

} // namespace liveview
