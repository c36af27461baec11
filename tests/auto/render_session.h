#pragma once
// A view's assigns and rendered tree without a channel, for the render unit tests: render a
// template once, assign, and take the diff the change-tracked renderer produces.
#include "render/renderer.h"
#include "template/scope.h"

#include <liveview/assigns.h>
#include <liveview/template.h>

#include <QJsonDocument>

namespace liveview::internal {

struct RenderSession
{
    Template tmpl;
    Assigns assigns;
    std::unique_ptr<RenderedNode> tree;

    QJsonObject renderFull(const QVariantHash &values)
    {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            assigns.assign(it.key(), it.value());
        Scope scope;
        scope.assigns = &assigns.values();
        QJsonObject json;
        tree = Renderer::render(*TemplateAccess::compiled(tmpl)->root, scope, &json);
        assigns.clearChanged();
        return json;
    }
    QJsonObject update(const QVariantHash &values)
    {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            assigns.assign(it.key(), it.value());
        Scope scope;
        scope.assigns = &assigns.values();
        ChangeSet changes;
        changes.assigns = &assigns.changed();
        QJsonObject diff = Renderer::update(*tree, scope, changes);
        assigns.clearChanged();
        return diff;
    }
    QString html() const { return renderedToHtml(*tree); }
};

inline QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace liveview::internal
