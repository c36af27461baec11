#include "fixture_router.h"

#include "async_component_lives.h"
#include "form_live.h"
#include "health_live.h"
#include "issue_3200_lives.h"
#include "issue_lives_a.h"
#include "issue_lives_b.h"
#include "issue_lives_c.h"
#include "js_live.h"
#include "navigation_live.h"
#include "nested_issue_lives_b.h"
#include "nested_issue_lives_c.h"
#include "portal_lives.h"
#include "root_content_lives.h"
#include "small_issue_lives.h"
#include "spec_lives_d.h"
#include "spec_lives_e.h"
#include "stream_component_lives.h"
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
        liveview::LiveView::registerModule<FormLive>(QStringLiteral("FormLiveNested"));
        registerIssueLivesBComponents();
        registerIssueComponentsC();
        registerIssue3200Components();
        registerSpecLivesDComponents();
        registerSpecLivesEComponents();
        registerErrorLives();
        registerNestedIssueLivesB();
        registerNestedIssueLivesC();
        registerPortalLives();
        registerStreamComponentLives();
        registerAsyncComponentLives();
    });
}

std::shared_ptr<liveview::Router> fixtureRouter()
{
    registerFixtureComponents();
    auto router = std::make_shared<liveview::Router>();
    // Outside every live session upstream (a plain endpoint plug).
    router->liveSession(QStringLiteral("health"));
    router->live<HealthLive>(QStringLiteral("/health"));

    // Plug.Static's `at: "/tmp"` upstream, narrowed to the directory the upload fixture saves
    // into; the names are the engine's own temporary names (no extension), so a download.
    router->files(QStringLiteral("/tmp/lvupload/"), UploadLive::savedFilesDirectory(),
                  [](const QString &) { return QByteArrayLiteral("application/octet-stream"); });

    // SubmitController upstream: the posted form echoed as JSON (where phx-trigger-action
    // posts). Without a CSRF check: the fixture's plain <form> carries no token (upstream's
    // <.form> adds one; the engine has no such function component).
    liveview::HttpRouteOptions submitOptions;
    submitOptions.verifyCsrf = false;
    router->post(
        QStringLiteral("/submit"),
        [](const liveview::HttpRequest &request) {
            return liveview::HttpResponse::json(request.params());
        },
        submitOptions);

    // A page without <link rel=icon> (the JSON of /submit) makes the browser ask for one: no
    // content rather than a 404 in the console.
    router->get(QStringLiteral("/favicon.ico"), [](const liveview::HttpRequest &) {
        return liveview::HttpResponse::text(204, QByteArray());
    });

    router->liveSession(QStringLiteral("default"));
    router->live<StreamLive>(QStringLiteral("/stream"));
    router->live<StreamResetLive>(QStringLiteral("/stream/reset"));
    router->live<StreamResetLCLive>(QStringLiteral("/stream/reset-lc"));
    router->live<StreamLimitLive>(QStringLiteral("/stream/limit"));
    router->live<StreamNestedComponentResetLive>(QStringLiteral("/stream/nested-component-reset"));
    router->live<HealthyLive>(QStringLiteral("/healthy/:category"));
    router->live<UploadLive>(QStringLiteral("/upload"));
    router->live<FormLive>(QStringLiteral("/form"));
    router->live<NestedFormLive>(QStringLiteral("/form/nested"));
    router->live<JsLive>(QStringLiteral("/js"));
    router->live<Issue2835Live>(QStringLiteral("/issues/2835"));
    router->live<Issue3107Live>(QStringLiteral("/issues/3107"));
    router->live<Issue3199Live>(QStringLiteral("/issues/3199"));
    router->live<Issue3199AwayLive>(QStringLiteral("/issues/3199/away"));
    router->live<Issue3529Live>(QStringLiteral("/issues/3529"));
    router->live<Issue3636Live>(QStringLiteral("/issues/3636"));
    router->live<Issue3719Live>(QStringLiteral("/issues/3719"));
    router->live<Issue3814Live>(QStringLiteral("/issues/3814"));
    router->live<Issue3819Live>(QStringLiteral("/issues/3819"));
    router->live<Issue3919Live>(QStringLiteral("/issues/3919"));
    router->live<Issue3931Live>(QStringLiteral("/issues/3931"));
    router->live<Issue4094Live>(QStringLiteral("/issues/4094"));
    router->live<Issue4102Live>(QStringLiteral("/issues/4102"));
    router->live<Issue4325Live>(QStringLiteral("/issues/4325"));
    router->live<Issue4368Live>(QStringLiteral("/issues/4368"));
    router->live<Issue3040Live>(QStringLiteral("/issues/3040"));
    router->live<Issue3448Live>(QStringLiteral("/issues/3448"));
    router->live<Issue4066Live>(QStringLiteral("/issues/4066"));
    router->live<Issue4290ALive>(QStringLiteral("/issues/4290/a"));
    router->live<Issue4290BLive>(QStringLiteral("/issues/4290/b"));
    router->live<Issue4350Live>(QStringLiteral("/issues/4350"));
    router->live<Issue2787Live>(QStringLiteral("/issues/2787"));
    router->live<Issue3684Live>(QStringLiteral("/issues/3684"));
    router->live<Issue4088Live>(QStringLiteral("/issues/4088"));
    router->live<SelectLive>(QStringLiteral("/select"));
    router->live<FormUnsavedLive>(QStringLiteral("/form-unsaved"));
    router->live<FormUnsavedTargetLive>(QStringLiteral("/form-unsaved/target"));
    router->live<FormDynamicInputsLive>(QStringLiteral("/form/dynamic-inputs"));
    router->live<ComponentsLive>(QStringLiteral("/components"));
    router->live<StreamInsideForLive>(QStringLiteral("/stream/inside-for"));
    router->live<Issue3026Live>(QStringLiteral("/issues/3026"));
    router->live<Issue3117Live>(QStringLiteral("/issues/3117"));
    router->live<Issue3709Live>(QStringLiteral("/issues/3709"));
    router->live<Issue3709Live>(QStringLiteral("/issues/3709/:id"));
    router->live<Issue3979Live>(QStringLiteral("/issues/3979"));
    router->live<Issue4334Live>(QStringLiteral("/issues/4334"));
    router->live<Issue3194Live>(QStringLiteral("/issues/3194"));
    router->live<Issue3194OtherLive>(QStringLiteral("/issues/3194/other"));
    router->live<Issue3319Live>(QStringLiteral("/issues/3319"));
    router->live<Issue3391Live>(QStringLiteral("/issues/3391"));
    router->live<Issue3651Live>(QStringLiteral("/issues/3651"));
    router->live<Issue3686ALive>(QStringLiteral("/issues/3686/a"));
    router->live<Issue3686BLive>(QStringLiteral("/issues/3686/b"));
    router->live<Issue3200PanelLive>(QStringLiteral("/issues/3200/messages"));
    router->live<Issue3200PanelLive>(QStringLiteral("/issues/3200/settings"));
    router->live<Issue3378HomeLive>(QStringLiteral("/issues/3378"));
    router->live<Issue3496ALive>(QStringLiteral("/issues/3496/a"));
    router->live<Issue3496BLive>(QStringLiteral("/issues/3496/b"));
    router->live<Issue3612ALive>(QStringLiteral("/issues/3612/a"));
    router->live<Issue3612BLive>(QStringLiteral("/issues/3612/b"));
    router->live<Issue3656Live>(QStringLiteral("/issues/3656"));
    router->live<Issue3658Live>(QStringLiteral("/issues/3658"));
    router->live<Issue3953Live>(QStringLiteral("/issues/3953"));
    router->live<Issue4209Live>(QStringLiteral("/issues/4209"));
    router->live<Issue4359Live>(QStringLiteral("/issues/4359"));
    router->live<PortalLive>(QStringLiteral("/portal"));
    router->live<Issue4095Live>(QStringLiteral("/issues/4095"));
    router->live<Issue4107Live>(QStringLiteral("/issues/4107"));
    router->live<Issue4121Live>(QStringLiteral("/issues/4121"));
    router->live<Issue4147Live>(QStringLiteral("/issues/4147"));
    router->live<Issue4212Live>(QStringLiteral("/issues/4212"));
    router->live<Issue4027Live>(QStringLiteral("/issues/4027"));

    // Outside every live session upstream.
    router->liveSession(QString());
    router->live<Issue4078Live>(QStringLiteral("/issues/4078"));
    router->live<Issue3169Live>(QStringLiteral("/issues/3169"));
    router->live<Issue3647Live>(QStringLiteral("/issues/3647"));
    router->live<FormFeedbackLive>(QStringLiteral("/form/feedback"));
    router->live<ErrorLive>(QStringLiteral("/errors"));
    router->live<ColocatedLive>(QStringLiteral("/colocated"));
    router->live<Issue3047ALive>(QStringLiteral("/issues/3047/a"));
    router->live<Issue3047BLive>(QStringLiteral("/issues/3047/b"));
    router->live<Issue3530Live>(QStringLiteral("/issues/3530"));
    router->live<Issue3681Live>(QStringLiteral("/issues/3681"));
    router->live<Issue3681AwayLive>(QStringLiteral("/issues/3681/away"));
    router->live<Issue2965Live>(QStringLiteral("/issues/2965"));
    router->live<Issue3941Live>(QStringLiteral("/issues/3941"));

    router->liveSession(QStringLiteral("other"));
    router->live<Issue3686CLive>(QStringLiteral("/issues/3686/c"));

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
