#pragma once
// /issues/3200/messages and /issues/3200/settings: one view at two routes (its live action), a
// live component per tab; the messages tab's form targets itself by selector.

#include <liveview/live_component.h>
#include <liveview/live_view.h>

namespace conformance {

// Form recovery of a form whose phx-target is a selector ("#full_add_message_form") inside a
// component shown after a live patch between the view's two routes.
class Issue3200PanelLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleParams(const QVariantMap &params, const QUrl &url) override;
    liveview::Template render() const override;
};

class Issue3200MessagesTab : public liveview::LiveComponent
{
public:
    void update(const QVariantHash &attributes) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class Issue3200SettingsTab : public liveview::LiveComponent
{
public:
    liveview::Template render() const override;
};

class Issue3200MessageComponent : public liveview::LiveComponent
{
public:
    liveview::Template render() const override;
};

// The three components' modules ("issue-3200-messages-tab", "-settings-tab", "-message").
void registerIssue3200Components();

} // namespace conformance
