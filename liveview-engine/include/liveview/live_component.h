#pragma once
// LiveComponents: stateful parts of a view with their own assigns, events and render, addressed
// by the client through `phx-target={@myself}` (Phoenix.LiveComponent's model).

#include "liveview/assigns.h"
#include "liveview/template.h"

#include <QVariantHash>
#include <atomic>
#include <functional>
#include <memory>

namespace liveview {

namespace internal {
class ComponentTable;
class StreamTable;
} // namespace internal

// Used in a template as `<.live_component module="name" id="unique-id" any={@attr} />`; the
// (module, id) pair identifies the instance across renders.
class LiveComponent
{
public:
    LiveComponent();
    virtual ~LiveComponent();

    // Once, before the first update.
    virtual void mount();
    // Each time the parent renders the tag with changed attributes (and on send_update).
    // The default assigns every attribute.
    virtual void update(const QVariantHash &attributes);
    // Events from elements with phx-target={@myself}.
    virtual void handleEvent(const QString &event, const QVariantMap &value);
    // The end of startAsync() work: its result, or the error it threw (then `result` is nil).
    virtual void handleAsync(const QString &name, const QVariant &result, const QString &error);
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

    // Streams of the component's own (`@streams.<name>`), as LiveView's: the component's next
    // render sends the queued operations and forgets them.
    void stream(const QString &name, const QVariantList &items, bool reset = false);
    void streamInsert(const QString &name, const QVariant &item, int at = -1,
                      const QVariant &limit = QVariant(), bool updateOnly = false);
    void streamDelete(const QString &name, const QVariant &item);
    void streamDeleteByDomId(const QString &name, const QString &domId);
    void streamConfigure(const QString &name, std::function<QString(const QVariant &)> domId);

    // Whether the view the component is in has joined its socket.
    bool isConnected() const;

    // Background work, as the view's (LiveView::assignAsync/startAsync): `key` becomes
    // {loading: true}, then {ok: true, result} or {failed: "reason"}; the component renders
    // again when it is done. Results for a component that is gone are dropped.
    using AsyncWork = std::function<QVariant(const std::atomic_bool &cancelled)>;
    void assignAsync(const QString &key, AsyncWork work);
    void startAsync(const QString &name, AsyncWork work);

    // Navigation of the page the component is in, applied after the callback returns (as the
    // view's own pushPatch/pushNavigate/redirect).
    void pushPatch(const QString &to, bool replace = false);
    void pushNavigate(const QString &to, bool replace = false);
    void redirect(const QString &to);

private:
    friend class internal::ComponentTable;
    internal::StreamTable &streams(); // made by the first stream call
    Assigns m_assigns;
    int m_cid = 0;
    internal::ComponentTable *m_table = nullptr; // the view's, set before mount
    std::unique_ptr<internal::StreamTable> m_streams;
};

} // namespace liveview
