#pragma once
// Change-tracking renderer: full renders and in-place updates that emit the minimal diff.

#include "change_set.h"
#include "rendered_tree.h"

#include <QJsonObject>

namespace liveview::internal {

struct Scope;

class Renderer
{
public:
    // Renders `fragment` completely; `json` receives the full rendered node (statics included).
    static std::unique_ptr<RenderedNode> render(const Fragment &fragment, const Scope &scope,
                                                QJsonObject *json);

    // Re-evaluates only the dynamics that `changes` affects, updates `node` in place and returns
    // the diff the client needs (empty when nothing visible changed).
    static QJsonObject update(RenderedNode &node, const Scope &scope, const ChangeSet &changes);
};

} // namespace liveview::internal
