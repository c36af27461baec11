#pragma once
// Fixtures of errors.spec.js (/errors: a view that fails on its dead or connected mount, or
// crashes on an event), colocated.spec.js (/colocated: colocated hooks, JS and CSS) and of the
// issues 2787, 3684 and 4088 (/issues/<number>). Their colocated hooks, JS and CSS are the files
// assets/colocated/spec_lives_e.js and assets/colocated/colocated.css.

#include "error_live.h"

#include <liveview/live_component.h>
#include <liveview/live_view.h>

namespace conformance {

// Registers the live component modules of these fixtures (once); call at startup, before views
// render.
void registerSpecLivesEComponents();

// Colocated hooks (one extracted, one registered at runtime by a script of the page), colocated
// JS running the JS commands the server pushes, global and scoped colocated CSS as the template
// engine marks the root tags for them (phx-r, phx-css-*), and the syntax-highlighted code blocks
// of a macro component, here without their highlighting.
class ColocatedLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// Two selects of one form, the second's options following the first; submitting clears both.
class Issue2787Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

    // The options of select2 for a value of select1.
    static QStringList secondOptions(const QString &first);

private:
    void assignForm(const QVariantMap &demo);
};

// Radios in a component's form: a click on a radio's wrapper changes the component's type while
// the form's change event (to the view) is in flight, so the patch lands on a locked clone.
class Issue3684Live : public liveview::LiveView
{
public:
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class Issue3684BadgeForm : public liveview::LiveComponent
{
public:
    void mount() override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// A component whose hooked root pushes three events to it on mount: the component is patched
// while its container is locked by the earlier pushes.
class Issue4088Live : public liveview::LiveView
{
public:
    liveview::Template render() const override;
};

class Issue4088Component : public liveview::LiveComponent
{
public:
    void mount() override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace conformance
