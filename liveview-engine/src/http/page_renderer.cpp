// Renders live pages and error pages through the root layout template.
#include "page_renderer.h"

#include "../devreload/template_error_view.h"
#include "../form/form_params.h"
#include "../view/mount_cache.h"
#include "../view/view_runtime.h"
#include "liveview/dev_reloader.h"
#include "liveview/template.h"

#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHttp, "liveview.http")

namespace liveview::internal {

QString newViewId()
{
    return QStringLiteral("phx-") +
           QString::fromLatin1(TokenSigner::randomBytes(12).toBase64(
               QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

namespace {
struct FirstRenderNestedContext final : NestedViewContextSource
{
    explicit FirstRenderNestedContext(NestedViewContext context) : context(std::move(context)) {}
    NestedViewContext nestedViewContext() const override { return context; }
    NestedViewContext context;
};
} // namespace

PageResult renderLivePage(const EndpointContext &context, const Router::Match &match,
                          const QUrl &url, const BrowserSession &session, const QVariantMap &flash,
                          const QHostAddress &remoteAddress)
{
    const QString viewId = newViewId();
    QVariantMap params = decodeFormParams(url.query(QUrl::FullyEncoded));
    for (auto it = match.pathParameters.cbegin(); it != match.pathParameters.cend(); ++it)
        params.insert(it.key(), it.value());
    QString inner;
    QString title;
    QVariant rootContent;
    PageResult r;
    Template layout;
    try {
        // Loaded first: a layout that does not compile leaves no mounted view behind.
        layout = Template::load(context.rootLayout);
        auto runtime = std::make_unique<ViewRuntime>(match.factory(), viewId, false);
        // Only for this render: the view then waits in the mount cache, and the join that
        // adopts it gives its own source.
        const FirstRenderNestedContext nestedSource({context.signer, session.id,
                                                     remoteAddress.toString(),
                                                     context.viewTokenTtlSeconds, url});
        runtime->setNestedViewSource(&nestedSource);
        runtime->mount(
            params,
            {{mountSessionIdKey, session.id}, {mountRemoteAddressKey, remoteAddress.toString()}},
            url, flash);
        try {
            inner = runtime->renderHtml();
        } catch (const std::exception &e) {
            const TemplateError *error = templateErrorToShow(e);
            if (!error)
                throw;
            // Development mode: the error in place of the view; its socket waits for the fix.
            qCWarning(lcHttp).noquote() << "first render of" << url.path() << ":" << e.what();
            inner = templateErrorHtml(*error);
            r.status = 500;
        }
        runtime->setNestedViewSource(nullptr);
        title = runtime->pageTitle();
        // What the view asks to show outside its container (Phoenix's `render_in_root` assign,
        // which upstream's root layout calls): the layout decides where `@render_in_root` goes.
        rootContent = runtime->rootContent();
        if (context.mounts) // mount once: the join adopts this view
            context.mounts->put(viewId, session.id, url.path(), std::move(runtime));
    } catch (const std::exception &e) {
        if (const TemplateError *error = templateErrorToShow(e)) {
            qCWarning(lcHttp).noquote() << "first render of" << url.path() << ":" << e.what();
            return {500, templateErrorPage(*error)};
        }
        qCCritical(lcHttp).noquote() << "first render of" << url.path() << "crashed:" << e.what();
        return renderErrorPage(
            500, QStringLiteral("Internal server error"),
            QStringLiteral("This page failed to render. The error has been logged."));
    }
    const TokenSigner &signer = *context.signer;
    const QByteArray sessionToken = signer.sign(purposes::viewSession,
                                                {{claims::viewId, viewId},
                                                 {claims::sessionId, session.id},
                                                 {claims::routePattern, match.pattern}},
                                                context.viewTokenTtlSeconds);
    // The static token carries the flash to the socket's mount as well.
    QJsonObject staticClaims{{claims::viewId, viewId}};
    if (!flash.isEmpty())
        staticClaims.insert(claims::flash, QJsonObject::fromVariantMap(flash));
    const QByteArray staticToken =
        signer.sign(purposes::viewStatic, staticClaims, context.viewTokenTtlSeconds);
    const QVariantHash assigns{
        {QStringLiteral("title"), title.isEmpty() ? context.defaultTitle : title},
        {QStringLiteral("csrf_token"),
         QString::fromLatin1(TokenSigner::maskCsrf(session.csrfSecret))},
        {QStringLiteral("view_id"), viewId},
        {QStringLiteral("session_token"), QString::fromLatin1(sessionToken)},
        {QStringLiteral("static_token"), QString::fromLatin1(staticToken)},
        {QStringLiteral("inner_content"), QVariant::fromValue(SafeHtml{inner})},
        {QStringLiteral("dev_reload"), DevReloader::instance() != nullptr},
        {QStringLiteral("render_in_root"), rootContent},
    };
    r.html = layout.renderToString(assigns).toUtf8();
    return r;
}

PageResult renderErrorPage(int status, const QString &title, const QString &message)
{
    const QVariantHash assigns{{QStringLiteral("status"), status},
                               {QStringLiteral("title"), title},
                               {QStringLiteral("message"), message}};
    PageResult r;
    r.status = status;
    try {
        r.html =
            Template::load(QStringLiteral("layout/error.heex")).renderToString(assigns).toUtf8();
    } catch (const std::exception &e) {
        const TemplateError *error = templateErrorToShow(e);
        if (!error)
            throw;
        return {500, templateErrorPage(*error)};
    }
    return r;
}

} // namespace liveview::internal
