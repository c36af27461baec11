// Plug-style nested form decoding (the client sends forms as application/x-www-form-urlencoded).
#include "form_params.h"

#include <QUrl>
#include <QVariantList>

namespace liveview::internal {
namespace {

QString decodeComponent(QString text)
{
    text.replace(u'+', u' ');
    return QUrl::fromPercentEncoding(text.toUtf8());
}

// Splits `a[b][]` into ["a", "b", ""].
QStringList keyPath(const QString &key)
{
    const qsizetype bracket = key.indexOf(u'[');
    if (bracket <= 0)
        return {key};
    QStringList path{key.left(bracket)};
    qsizetype at = bracket;
    while (at < key.size() && key.at(at) == u'[') {
        const qsizetype close = key.indexOf(u']', at);
        if (close < 0)
            break;
        path << key.mid(at + 1, close - at - 1);
        at = close + 1;
    }
    return path;
}

void insertPath(QVariantMap &map, const QStringList &path, int depth, const QString &value)
{
    const QString &name = path.at(depth);
    if (depth == path.size() - 1) {
        map.insert(name, value);
        return;
    }
    if (path.at(depth + 1).isEmpty()) { // name[] → list
        QVariantList list = map.value(name).toList();
        if (depth + 2 >= path.size()) {
            list.append(value);
        } else {
            // name[][field]: start a new element when the field is already set in the last one
            QVariantMap last = list.isEmpty() ? QVariantMap() : list.last().toMap();
            const bool startNew = list.isEmpty() || last.contains(path.at(depth + 2));
            if (startNew)
                last = QVariantMap();
            insertPath(last, path, depth + 2, value);
            if (startNew)
                list.append(last);
            else
                list.last() = last;
        }
        map.insert(name, list);
        return;
    }
    QVariantMap child = map.value(name).toMap();
    insertPath(child, path, depth + 1, value);
    map.insert(name, child);
}

} // namespace

QVariantMap decodeFormParams(const QString &encoded)
{
    QVariantMap result;
    for (const QString &pair : encoded.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        const QString key = decodeComponent(eq < 0 ? pair : pair.left(eq));
        const QString value = eq < 0 ? QString() : decodeComponent(pair.mid(eq + 1));
        if (key.isEmpty())
            continue;
        insertPath(result, keyPath(key), 0, value);
    }
    return result;
}

} // namespace liveview::internal
