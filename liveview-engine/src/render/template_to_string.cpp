// Template::renderToString: a template rendered once to HTML (layouts, error pages), here in the
// render layer so that templates themselves depend on no renderer.
#include "liveview/template.h"

#include "../template/compiled_template.h"
#include "../template/scope.h"
#include "renderer.h"

namespace liveview {

QString Template::renderToString(const QVariantHash &assigns) const
{
    if (!d)
        return QString();
    internal::Scope scope;
    scope.assigns = &assigns;
    QJsonObject json;
    auto node = internal::Renderer::render(*d->root, scope, &json);
    return internal::renderedToHtml(*node);
}

} // namespace liveview
