// Two passes over the JSON: count statics arrays, then replace the repeated ones by indexes.
#include "shared_statics.h"

#include "wire_keys.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace liveview::internal {
namespace {

using Counts = QHash<QByteArray, int>;

QByteArray keyOf(const QJsonArray &statics)
{
    return QJsonDocument(statics).toJson(QJsonDocument::Compact);
}

void count(const QJsonObject &node, Counts &counts)
{
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (it.key() == wire::components)
            continue;
        if (it.key() == wire::statics && it.value().isArray())
            ++counts[keyOf(it.value().toArray())];
        else if (it.value().isObject())
            count(it.value().toObject(), counts);
        else if (it.value().isArray() && it.key() != wire::events) // keyed moves: [old, diff]
            for (const QJsonValue &v : it.value().toArray())
                if (v.isObject())
                    count(v.toObject(), counts);
    }
}

QJsonObject replace(QJsonObject node, const QHash<QByteArray, int> &indexes)
{
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (it.key() == wire::components)
            continue;
        if (it.key() == wire::statics && it.value().isArray()) {
            const auto found = indexes.constFind(keyOf(it.value().toArray()));
            if (found != indexes.cend())
                it.value() = *found;
        } else if (it.value().isObject()) {
            it.value() = replace(it.value().toObject(), indexes);
        } else if (it.value().isArray() && it.key() != wire::events) {
            QJsonArray items = it.value().toArray();
            for (qsizetype i = 0; i < items.size(); ++i)
                if (items[i].isObject())
                    items[i] = replace(items[i].toObject(), indexes);
            it.value() = items;
        }
    }
    return node;
}

} // namespace

void shareRepeatedStatics(QJsonObject &rendered)
{
    Counts counts;
    count(rendered, counts);
    QHash<QByteArray, int> indexes;
    QJsonObject table;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() < 2)
            continue;
        const int index = int(indexes.size());
        indexes.insert(it.key(), index);
        table.insert(QString::number(index), QJsonDocument::fromJson(it.key()).array());
    }
    if (indexes.isEmpty())
        return;
    rendered = replace(rendered, indexes);
    rendered.insert(wire::templates, table);
}

} // namespace liveview::internal
