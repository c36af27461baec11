// Serializes the server-side rendered tree to HTML (first HTTP render).
#include "rendered_tree.h"
#include "wire_keys.h"

namespace liveview::internal {
namespace {

void appendValues(QString &out, const Fragment &f, const std::vector<RenderedValue> &values,
                  const ComponentHtml &component);

void appendValue(QString &out, const RenderedValue &v, const ComponentHtml &component)
{
    if (const QString *s = std::get_if<QString>(&v)) {
        out += *s;
    } else if (const auto *node = std::get_if<std::unique_ptr<RenderedNode>>(&v)) {
        appendValues(out, *(*node)->fragment, (*node)->values, component);
    } else if (const auto *list = std::get_if<std::unique_ptr<RenderedList>>(&v)) {
        for (const RenderedEntry &e : (*list)->entries)
            appendValues(out, *(*list)->fragment, e.values, component);
    } else if (const int *cid = std::get_if<int>(&v); cid && component) {
        out += component(*cid);
    }
}

void appendValues(QString &out, const Fragment &f, const std::vector<RenderedValue> &values,
                  const ComponentHtml &component)
{
    for (size_t i = 0; i < values.size(); ++i) {
        out += f.statics.at(qsizetype(i));
        appendValue(out, values[i], component);
    }
    out += f.statics.last();
}

} // namespace

QString renderedToHtml(const RenderedNode &node, const ComponentHtml &component)
{
    QString out;
    appendValues(out, *node.fragment, node.values, component);
    return out;
}

static void pruneValues(std::vector<RenderedValue> &values)
{
    for (RenderedValue &v : values) {
        if (auto *node = std::get_if<std::unique_ptr<RenderedNode>>(&v)) {
            pruneValues((*node)->values);
        } else if (auto *list = std::get_if<std::unique_ptr<RenderedList>>(&v)) {
            if ((*list)->stream) {
                (*list)->entries.clear();
                (*list)->entries.shrink_to_fit();
            } else {
                for (RenderedEntry &e : (*list)->entries)
                    pruneValues(e.values);
            }
        }
    }
}

void pruneStreamEntries(RenderedNode &node)
{
    pruneValues(node.values);
}

namespace wire {
const QString &position(int index)
{
    static const std::vector<QString> cache = [] {
        std::vector<QString> keys;
        for (int i = 0; i < 512; ++i)
            keys.push_back(QString::number(i));
        return keys;
    }();
    if (index >= 0 && index < int(cache.size()))
        return cache[size_t(index)];
    thread_local QString scratch;
    scratch = QString::number(index);
    return scratch;
}
} // namespace wire

} // namespace liveview::internal
