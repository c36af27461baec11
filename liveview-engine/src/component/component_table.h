#pragma once
// The live components of one view: instances by (module, id), their cids, their rendered trees,
// and the `c` part of every render and diff.

#include "../render/live_component_host.h"
#include "../render/rendered_tree.h"
#include "liveview/live_component.h"

#include <QHash>
#include <QJsonObject>
#include <functional>
#include <map>

namespace liveview::internal {

class NestedViewHost;
class AsyncTasks;
struct AsyncDone;

// What a component may ask of the page (LiveComponent::pushPatch, ...).
enum class PageNavigation
{
    Patch,
    Navigate,
    Redirect
};

class ComponentTable final : public LiveComponentHost
{
public:
    ComponentTable();
    ~ComponentTable();

    // Called while the parent renders `<.live_component>`: the cid of (module, id), mounting the
    // instance the first time and calling update() when the attributes changed.
    int render(const QString &module, const QString &id, const QVariantHash &attributes) override;
    // Renders every component that changed; returns the `c` map (empty when none did).
    QJsonObject flush();
    // After a full render of the view the client holds no components: send them all in full.
    void forgetClientState();

    // False when no component has this cid (the event is dropped).
    bool handleEvent(int cid, const QString &event, const QVariantMap &value);
    bool sendUpdate(const QString &module, const QString &id, const QVariantHash &attributes);

    // The client's two-step removal: mark, then delete what is still marked.
    void markForDestroy(const QList<int> &cids);
    QList<int> destroy(const QList<int> &cids);

    QString html(int cid) const;
    // The cid the next new component gets: equal in two views that created the same components.
    int nextCid() const { return m_nextCid; }
    // Navigation a component asks for goes to the view's runtime (which applies it after the
    // callback, like the view's own).
    using Navigator = std::function<void(PageNavigation, const QString &to, bool replace)>;
    void setNavigator(Navigator navigator) { m_navigator = std::move(navigator); }
    void navigate(PageNavigation kind, const QString &to, bool replace)
    {
        if (m_navigator)
            m_navigator(kind, to, replace);
    }
    // The view's background work (components' assignAsync/startAsync run there, their results
    // come back through asyncDone) and whether the view is connected.
    void setViewServices(AsyncTasks *async, const bool *connected)
    {
        m_async = async;
        m_connected = connected;
    }
    AsyncTasks *asyncTasks() const { return m_async; }
    bool isConnected() const { return m_connected && *m_connected; }
    // A component's work is done: its assign is set (or handleAsync called), it renders again.
    // Dropped when the component is gone.
    void asyncDone(const AsyncDone &done);
    // After a render went out: the components' stream entries are dropped from their trees and
    // their queued operations forgotten. `keepOperations`: the first HTTP render, whose join
    // (mount once) must still send them.
    void finishRender(bool keepOperations = false);
    // The view's child views, for <.live_render> inside a component (null: none allowed).
    void setNestedViews(NestedViewHost *nestedViews) { m_nestedViews = nestedViews; }

private:
    struct Entry;
    QJsonObject renderEntry(Entry &entry, QHash<const Fragment *, int> &newThisFlush);
    std::map<int, std::unique_ptr<Entry>> m_entries;
    NestedViewHost *m_nestedViews = nullptr;
    Navigator m_navigator;
    AsyncTasks *m_async = nullptr;
    const bool *m_connected = nullptr;
    QHash<QString, int> m_byKey; // module + '\n' + id
    int m_nextCid = 1;
};

} // namespace liveview::internal
