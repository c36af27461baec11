// The registration of the live component modules and function components of the fixtures
// issue_lives_c.h gathers (3169, 4350, 4066), done once at startup.
#include "issue_lives_c.h"
#include "fixture_template.h"

#include "issue_lives_c_helpers.h"

#include <liveview/template.h>

#include <mutex>

namespace conformance {

using liveview::Template;

void registerIssueComponentsC()
{
    static std::once_flag once;
    std::call_once(once, [] {
        using liveview::LiveComponent;
        using liveview::TemplateLibrary;
        LiveComponent::registerModule<Issue3169FormComponent>(formComponentModule);
        LiveComponent::registerModule<Issue3169FormCore>(QStringLiteral("issue-3169-form-core"));
        LiveComponent::registerModule<Issue3169FormColumn>(
            QStringLiteral("issue-3169-form-column"));
        LiveComponent::registerModule<Issue4350Branch>(QStringLiteral("issue-4350-branch"));
        LiveComponent::registerModule<Issue4350Leaf>(QStringLiteral("issue-4350-leaf"));
        LiveComponent::registerModule<Issue4066Component>(QStringLiteral("issue-4066-component"));
        // The function components of 3169's FormColumn: a field shown twice, one nested call.
        TemplateLibrary::registerComponent(QStringLiteral("issue_3169_input"),
                                           compiled(R"(<div>
  {@field.value}
  <input type="text" value={@field.value} />
  <.issue_3169_input_two field={@field} />
</div>)",
                                                    "e2e/issue_3169_input.heex"));
        TemplateLibrary::registerComponent(QStringLiteral("issue_3169_input_two"),
                                           compiled(R"(<div>
  {@field.value}
  <input type="text" value={@field.value} />
</div>)",
                                                    "e2e/issue_3169_input_two.heex"));
        TemplateLibrary::registerComponent(
            QStringLiteral("issue_3169_test"),
            compiled("This is a test! {@var}", "e2e/issue_3169_test.heex"));
    });
}

} // namespace conformance
