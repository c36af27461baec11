#pragma once
// Brings a list of keyed rows to a new snapshot with row-range signals (removals, changes,
// appends) instead of a model reset, so views keep their selection, scroll position and
// expanded branches while 20,000 rows update every second.

#include <QHash>
#include <QList>
#include <type_traits>

namespace livedeck::admin {

// What a model emits for one list of rows (the top level or the children of one parent).
class RowRangeNotifier
{
public:
    virtual ~RowRangeNotifier() = default;
    virtual void beginRemove(int first, int last) = 0;
    virtual void endRemove() = 0;
    virtual void beginInsert(int first, int last) = 0;
    virtual void endInsert() = 0;
    virtual void changed(int first, int last) = 0;
};

// Rows whose key is gone are removed (contiguous runs, from the end so indexes stay valid), rows
// still present are replaced in place when `same` says they differ (one changed() per run), and
// new keys are appended in one insert. Existing rows keep their order: a live table must not
// jump under the operator's cursor. A key repeated in `incoming` counts once (its first row).
template <typename Row, typename KeyOf, typename Same>
void updateKeyedRows(QList<Row> &rows, QList<Row> incoming, KeyOf keyOf, Same same,
                     RowRangeNotifier &notify)
{
    using Key = std::decay_t<decltype(keyOf(std::declval<const Row &>()))>;
    QHash<Key, qsizetype> incomingIndex;
    incomingIndex.reserve(incoming.size());
    QList<bool> consumed(incoming.size(), false);
    for (qsizetype i = 0; i < incoming.size(); ++i) {
        const Key key = keyOf(incoming.at(i));
        if (incomingIndex.contains(key))
            consumed[i] = true;
        else
            incomingIndex.insert(key, i);
    }

    for (qsizetype i = rows.size() - 1; i >= 0;) {
        if (incomingIndex.contains(keyOf(rows.at(i)))) {
            --i;
            continue;
        }
        const qsizetype last = i;
        while (i >= 0 && !incomingIndex.contains(keyOf(rows.at(i))))
            --i;
        notify.beginRemove(int(i + 1), int(last));
        rows.remove(i + 1, last - i);
        notify.endRemove();
    }

    qsizetype runStart = -1;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const qsizetype k = incomingIndex.value(keyOf(rows.at(r)));
        consumed[k] = true;
        if (!same(rows.at(r), incoming.at(k))) {
            rows[r] = std::move(incoming[k]);
            if (runStart < 0)
                runStart = r;
        } else if (runStart >= 0) {
            notify.changed(int(runStart), int(r - 1));
            runStart = -1;
        }
    }
    if (runStart >= 0)
        notify.changed(int(runStart), int(rows.size() - 1));

    const qsizetype added = consumed.count(false);
    if (added == 0)
        return;
    const int first = int(rows.size());
    notify.beginInsert(first, first + int(added) - 1);
    rows.reserve(rows.size() + added);
    for (qsizetype i = 0; i < incoming.size(); ++i)
        if (!consumed.at(i))
            rows.append(std::move(incoming[i]));
    notify.endInsert();
}

} // namespace livedeck::admin
