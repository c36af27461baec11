#include "fixture_router.h"

#include "form_live.h"
#include "health_live.h"
#include "js_live.h"
#include "navigation_live.h"
#include "small_issue_lives.h"
#include "stream_live.h"
#include "upload_issue_lives.h"
#include "upload_live.h"

#include <liveview/live_component.h>
#include <liveview/template.h>

#include <mutex>

namespace conformance {

void registerFixtureComponents()
{
    static std::once_flag once;
    std::call_once(once, [] {
        liveview::TemplateLibrary::addTemplateRoot(QStringLiteral(":/conformance/templates"));
        liveview::TemplateLibrary::registerComponent(QStringLiteral("e2e_form"),
                                                     QStringLiteral("e2e/my_form.heex"));
        liveview::TemplateLibrary::registerComponent(QStringLiteral("e2e_navigation_layout"),
                                                     QStringLiteral("e2e/navigation_layout.heex"));
        liveview::LiveComponent::registerModule<FormComponent>(
            QStringLiteral("e2e-form-component"));
    });
}

std::shared_ptr<liveview::Router> fixtureRouter()
{
    registerFixtureComponents();
    auto router = std::make_shared<liveview::Router>();
    // Outside every live session upstream (a plain endpoint plug).
    router->liveSession(QStringLiteral("health"));
    router->live<HealthLive>(QStringLiteral("/health"));

    router->liveSession(QStringLiteral("default"));
    router->live<StreamLive>(QStringLiteral("/stream"));
    router->live<StreamResetLive>(QStringLiteral("/stream/reset"));
    router->live<StreamLimitLive>(QStringLiteral("/stream/limit"));
    router->live<HealthyLive>(QStringLiteral("/healthy/:category"));
    router->live<UploadLive>(QStringLiteral("/upload"));
    router->live<FormLive>(QStringLiteral("/form"));
    router->live<JsLive>(QStringLiteral("/js"));
    router->live<Issue3107Live>(QStringLiteral("/issues/3107"));
    router->live<Issue3199Live>(QStringLiteral("/issues/3199"));
    router->live<Issue3199AwayLive>(QStringLiteral("/issues/3199/away"));
    router->live<Issue3529Live>(QStringLiteral("/issues/3529"));
    router->live<Issue3636Live>(QStringLiteral("/issues/3636"));
    router->live<Issue3719Live>(QStringLiteral("/issues/3719"));
    router->live<Issue3819Live>(QStringLiteral("/issues/3819"));
    router->live<Issue3919Live>(QStringLiteral("/issues/3919"));
    router->live<Issue3931Live>(QStringLiteral("/issues/3931"));
    router->live<Issue4094Live>(QStringLiteral("/issues/4094"));
    router->live<Issue4102Live>(QStringLiteral("/issues/4102"));
    router->live<Issue4325Live>(QStringLiteral("/issues/4325"));

    // Outside every live session upstream.
    router->liveSession(QString());
    router->live<Issue4078Live>(QStringLiteral("/issues/4078"));

    router->liveSession(QStringLiteral("navigation"));
    router->live<NavigationALive>(QStringLiteral("/navigation/a"));
    router->live<NavigationBLive>(QStringLiteral("/navigation/b"));
    router->live<NavigationBLive>(QStringLiteral("/navigation/b/:id"));
    router->live<RedirectLoopLive>(QStringLiteral("/navigation/redirectloop"));

    router->liveSession(QStringLiteral("navigation-dead"));
    router->live<NavigationDeadLive>(QStringLiteral("/navigation/dead"));
    return router;
}

} // namespace conformance
