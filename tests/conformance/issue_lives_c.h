#pragma once
// Issue fixtures of the suite (/issues/<number>) built on JS commands and live components: a
// modal closed by click-away, focus across a locked form, events of a view being replaced, cids
// coming back on the page, a component revived with its children, a hook outliving its element.

#include <liveview/live_component.h>
#include <liveview/live_view.h>

namespace conformance {

// Registers the live component modules and function components of these fixtures (once).
void registerIssueComponentsC();

// A modal opened by a patch, closed by click-away, Escape or the close button (JS.exec of its
// data-cancel: patch back, then its phx-remove transition); submitting its form keeps it open.
class Issue3040Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleParams(const QVariantMap &params, const QUrl &url) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// A checkbox whose click dispatches input and focuses #search: the patch of the locked form
// must leave the focus there.
class Issue3448Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// Navigates to B while a phx-remove transition keeps A on the page; A's form stays usable.
class Issue4290ALive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// Lists every event it receives (none may come from A).
class Issue4290BLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// A selection empties a component, then a send_update fills it again: nested components (and
// function components inside them) come back onto the page.
class Issue3169Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class Issue3169FormComponent : public liveview::LiveComponent
{
public:
    void mount() override;
    void update(const QVariantHash &attributes) override;
    liveview::Template render() const override;
};

class Issue3169FormCore : public liveview::LiveComponent
{
public:
    void mount() override;
    void update(const QVariantHash &attributes) override;
    liveview::Template render() const override;
};

class Issue3169FormColumn : public liveview::LiveComponent
{
public:
    liveview::Template render() const override;
};

// A component removed and shown again before cids_destroyed: its child, which change tracking
// no longer renders, must come back with it.
class Issue4350Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class Issue4350Branch : public liveview::LiveComponent
{
public:
    liveview::Template render() const override;
};

class Issue4350Leaf : public liveview::LiveComponent
{
public:
    void mount() override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// A hooked input in a component that pushes to the component some time after each input; the
// component is removed before that: the view must not crash (nor remount).
class Issue4066Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class Issue4066Component : public liveview::LiveComponent
{
public:
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace conformance
