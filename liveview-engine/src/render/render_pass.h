#pragma once
// The render pass: full renders and change-tracked updates of every kind of dynamic. Split over
// renderer.cpp (nodes, text, conditionals, components) and render_lists.cpp (comprehensions,
// keyed diffs, streams).

#include "../template/compiled_template.h"
#include "../template/scope.h"
#include "change_set.h"
#include "liveview/stream.h"
#include "liveview/template.h"
#include "rendered_tree.h"

#include <QJsonObject>
#include <QJsonValue>

namespace liveview::internal {

class RowMemo;
QJsonArray staticsJson(const Fragment &f);

class Render
{
public:
    static std::unique_ptr<RenderedNode> node(const Fragment &f, const Scope &scope,
                                              QJsonObject *json);
    static void values(const Fragment &f, const Scope &scope, std::vector<RenderedValue> *out,
                       QJsonObject *json);
    static RenderedValue value(const Dynamic &d, const Scope &scope, QJsonValue *json);
    static QVariantList items(const Dynamic &d, const Scope &scope);
    static Scope bindItem(const Dynamic &d, const Scope &scope, const QVariant &item);
    static bool isStream(const QVariant &source);
    static RenderedValue streamList(const Dynamic &d, const StreamState &state, const Scope &scope,
                                    bool withStatics, QJsonValue *json);
    static QString keyOf(const Dynamic &d, const Scope &itemScope);
    static RenderedValue list(const Dynamic &d, const Scope &scope, QJsonValue *json);
    static Template resolveComponent(const Dynamic &d);
    static QVariantHash callAssigns(const Dynamic &d, const Scope &scope);
    static int liveComponent(const Dynamic &d, const Scope &scope);
    static QString liveRender(const Dynamic &d, const Scope &scope);
    static RenderedValue call(const Dynamic &d, const Scope &scope, QJsonValue *json);
    static QJsonObject updateValues(const Fragment &f, std::vector<RenderedValue> &vals,
                                    const Scope &scope, const ChangeSet &changes);
    static bool updateValue(const Dynamic &d, RenderedValue &slot, const Scope &scope,
                            const ChangeSet &changes, QJsonValue *json);
    static RenderedEntry newEntry(const Dynamic &d, const Scope &itemScope, const QVariant &item,
                                  const QString &key, int position, QJsonObject *k,
                                  bool shareable = true);
    static bool appendOnly(const RenderedList &old, const QVariantList &all);
    static bool bodyReadsOnlyItem(const Dynamic &d); // what a row shows depends on its item alone
    static bool readsOnlyItem(const Dynamic &d);     // ... and so does its key
    static void rememberAppend(RowMemo &memo, const Dynamic &d, const QVariantList &before,
                               const RenderedList &list, size_t firstNew, const QJsonValue &json);
    static bool appendRows(const Dynamic &d, RenderedList &old, const QVariantList &all,
                           const Scope &scope, QJsonValue *json);
    static bool updateList(const Dynamic &d, RenderedValue &slot, const Scope &scope,
                           const ChangeSet &changes, QJsonValue *json);
    static bool updateCall(const Dynamic &d, RenderedValue &slot, const Scope &scope,
                           const ChangeSet &changes, QJsonValue *json);
};

} // namespace liveview::internal
