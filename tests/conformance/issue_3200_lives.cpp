// /issues/3200: tabs as two routes of one view, each tab a live component.
#include "issue_3200_lives.h"
#include "fixture_template.h"

#include "issue_lives_c_helpers.h"

#include <liveview/template.h>

#include <QJsonDocument>
#include <QUrl>

namespace conformance {

using liveview::Template;

namespace {
// JS.patch(route) as phx-click carries it.
QString patchCommand(const char *route)
{
    const QJsonArray ops{
        jsOp("patch", QJsonObject{{"href", QString::fromLatin1(route)}, {"replace", false}})};
    return QString::fromUtf8(QJsonDocument(ops).toJson(QJsonDocument::Compact));
}
} // namespace

void registerIssue3200Components()
{
    liveview::LiveComponent::registerModule<Issue3200MessagesTab>(
        QStringLiteral("issue-3200-messages-tab"));
    liveview::LiveComponent::registerModule<Issue3200SettingsTab>(
        QStringLiteral("issue-3200-settings-tab"));
    liveview::LiveComponent::registerModule<Issue3200MessageComponent>(
        QStringLiteral("issue-3200-message"));
}

void Issue3200PanelLive::mount(const QVariantMap &, const QVariantMap &)
{
    assign("messages_patch", patchCommand("/issues/3200/messages"));
    assign("settings_patch", patchCommand("/issues/3200/settings"));
    assign("live_action", QString());
}

// The live action upstream (:messages_tab / :settings_tab) is the route that matched.
void Issue3200PanelLive::handleParams(const QVariantMap &, const QUrl &url)
{
    assign("live_action", url.path().endsWith(u"/messages") ? QStringLiteral("messages_tab")
                                                            : QStringLiteral("settings_tab"));
}

Template Issue3200PanelLive::render() const
{
    static const Template t = compiled(R"(<div>
  <div>
    <div>
      <button type="button" phx-click={@messages_patch}>
        Messages tab
      </button>
      <button type="button" phx-click={@settings_patch}>
        Settings tab
      </button>
    </div>

    <aside>
      <div>
        <div :if={@live_action == "messages_tab"}>
          <.live_component module="issue-3200-messages-tab" id="messages_tab" />
        </div>
        <div :if={@live_action == "settings_tab"}>
          <.live_component module="issue-3200-settings-tab" id="settings_tab" />
        </div>
      </div>
    </aside>
  </div>
</div>)",
                                       "e2e/issue_3200.heex");
    return t;
}

// Every update empties the field, as upstream's update/2 does; recovery fills it again.
void Issue3200MessagesTab::update(const QVariantHash &attributes)
{
    LiveComponent::update(attributes);
    assign("value", QString());
}

void Issue3200MessagesTab::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"add_message_change")
        assign("value", value.value("new_message").toString());
    else
        LiveComponent::handleEvent(event, value);
}

Template Issue3200MessagesTab::render() const
{
    static const Template t = compiled(R"(<div>
  <.live_component module="issue-3200-message" id="some_unique_message_id" message="Example message" />
  <form id="full_add_message_form" phx-change="add_message_change" phx-submit="add_message" phx-target="#full_add_message_form">
    <div phx-feedback-for="new_message">
      <input name="new_message" id="new_message_input" value={@value} />
    </div>
  </form>
</div>)",
                                       "e2e/issue_3200_messages_tab.heex");
    return t;
}

Template Issue3200SettingsTab::render() const
{
    static const Template t = compiled("<div>Settings</div>", "e2e/issue_3200_settings_tab.heex");
    return t;
}

Template Issue3200MessageComponent::render() const
{
    static const Template t = compiled("<div>{@message}</div>", "e2e/issue_3200_message.heex");
    return t;
}

} // namespace conformance
