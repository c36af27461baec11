#pragma once
// The server's copy of what the client holds: the last rendered value of every dynamic.

#include "../template/compiled_template.h"

#include <QString>
#include <QVariant>
#include <QVariantHash>
#include <functional>
#include <memory>
#include <variant>
#include <vector>

namespace liveview::internal {

struct RenderedNode;
struct RenderedList;
// A dynamic's last value: HTML text, a nested node, a comprehension, or a live component's cid.
using RenderedValue =
    std::variant<QString, std::unique_ptr<RenderedNode>, std::unique_ptr<RenderedList>, int>;

struct RenderedNode
{
    const Fragment *fragment = nullptr;
    std::vector<RenderedValue> values;
    // Function components keep their own assigns (the call's attributes) to diff them next time.
    QVariantHash componentAssigns;
    std::shared_ptr<const CompiledTemplate> keepAlive; // the component template in use
};

struct RenderedEntry
{
    QString key; // text of the :key value (or the position when unkeyed)
    std::vector<RenderedValue> values;
};

struct RenderedList
{
    const Fragment *fragment = nullptr;
    bool stream = false; // entries are kept only until the render has been sent
    std::vector<RenderedEntry> entries;
    // The loop values the entries were rendered from, compared to skip unchanged entries without
    // rendering them. Kept as the list itself (not a copy per entry): views fed the same list
    // share its items, so the comparison reads memory that every other view just read too.
    QVariantList items;
};

// HTML of a rendered tree: the dead render. Live components are rendered by `component(cid)`.
using ComponentHtml = std::function<QString(int cid)>;
QString renderedToHtml(const RenderedNode &node, const ComponentHtml &component = {});
// Drops the entries of stream comprehensions once their render has gone out.
void pruneStreamEntries(RenderedNode &node);

} // namespace liveview::internal
