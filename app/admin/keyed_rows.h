#pragma once
// Brings a list of keyed rows to a new snapshot with row-range signals (removals, changes,
// appends) instead of a model reset, so views keep their selection, scroll position and
// expanded branches while 20,000 rows update every second. The work can be done in steps of a
// bounded number of rows, so that one update never holds the GUI thread for long.

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

// Rows whose key is gone are removed first (contiguous runs, from the end so indexes stay
// valid); then rows still present are compared and replaced in place when `same` says they
// differ (one changed() per run); then new keys are appended. Existing rows keep their order: a
// live table must not jump under the operator's cursor. A key repeated in `incoming` counts once
// (its first row). `make(incoming, previous)` builds a row, reusing what it can from the row it
// replaces (null for a new key). Every step leaves the rows consistent: a caller may stop
// between steps and start a newer update instead.
template <typename Row, typename Incoming, typename KeyOfRow, typename KeyOfIncoming, typename Same,
          typename Make>
class KeyedRowsUpdate
{
public:
    KeyedRowsUpdate(QList<Row> &rows, QList<Incoming> incoming, KeyOfRow keyOfRow,
                    KeyOfIncoming keyOfIncoming, Same same, Make make)
        : m_rows(rows), m_incoming(std::move(incoming)), m_keyOfRow(keyOfRow),
          m_keyOfIncoming(keyOfIncoming), m_same(same), m_make(make)
    {
    }

    bool isDone() const { return m_phase == Phase::Done; }
    // A removed run counts as this many rows of a step's budget.
    static constexpr qsizetype RowsPerRemovedRun = 32;

    // Does about `budget` rows of work; returns true once the rows match the snapshot. Gone rows
    // are removed first (later steps index rows by position), then rows are compared, then new
    // ones appended.
    bool step(qsizetype budget, RowRangeNotifier &notify)
    {
        if (m_phase == Phase::Remove) {
            // Each removed run costs the views above a pass over every row: many scattered runs
            // (thousands of sessions leaving at once) are spread over several steps.
            const qsizetype runs = budget == std::numeric_limits<qsizetype>::max()
                                       ? budget
                                       : qMax<qsizetype>(1, budget / RowsPerRemovedRun);
            if (!removeGoneRows(runs, notify))
                return false;
            m_phase = Phase::Compare;
        }
        if (m_phase == Phase::Compare)
            budget -= compareRows(budget, notify);
        if (m_phase == Phase::Append && budget > 0)
            appendRows(budget, notify);
        return isDone();
    }

    void run(RowRangeNotifier &notify)
    {
        while (!step(std::numeric_limits<qsizetype>::max(), notify)) {
        }
    }

private:
    using Key = std::decay_t<decltype(std::declval<KeyOfRow>()(std::declval<const Row &>()))>;
    enum class Phase
    {
        Remove,
        Compare,
        Append,
        Done,
    };

    // Removes up to `maxRuns` runs of gone rows, from the end; true once none is left.
    bool removeGoneRows(qsizetype maxRuns, RowRangeNotifier &notify)
    {
        if (m_removeCursor == NotStarted) {
            m_index.reserve(m_incoming.size());
            m_consumed = QList<bool>(m_incoming.size(), false);
            for (qsizetype i = 0; i < m_incoming.size(); ++i) {
                const Key key = m_keyOfIncoming(m_incoming.at(i));
                if (m_index.contains(key))
                    m_consumed[i] = true;
                else
                    m_index.insert(key, i);
            }
            m_removeCursor = m_rows.size() - 1;
        }
        qsizetype runs = 0;
        qsizetype &i = m_removeCursor;
        while (i >= 0) {
            if (m_index.contains(m_keyOfRow(m_rows.at(i)))) {
                --i;
                continue;
            }
            if (runs == maxRuns)
                return false;
            const qsizetype last = i;
            while (i >= 0 && !m_index.contains(m_keyOfRow(m_rows.at(i))))
                --i;
            notify.beginRemove(int(i + 1), int(last));
            m_rows.remove(i + 1, last - i);
            notify.endRemove();
            ++runs;
        }
        return true;
    }

    // Returns how many rows it compared.
    qsizetype compareRows(qsizetype budget, RowRangeNotifier &notify)
    {
        const qsizetype end = m_cursor + qMin(budget, m_rows.size() - m_cursor);
        qsizetype runStart = -1;
        for (qsizetype r = m_cursor; r < end; ++r) {
            const qsizetype k = m_index.value(m_keyOfRow(m_rows.at(r)));
            m_consumed[k] = true;
            if (!m_same(m_rows.at(r), m_incoming.at(k))) {
                m_rows[r] = m_make(m_incoming.at(k), &m_rows.at(r));
                if (runStart < 0)
                    runStart = r;
            } else if (runStart >= 0) {
                notify.changed(int(runStart), int(r - 1));
                runStart = -1;
            }
        }
        if (runStart >= 0)
            notify.changed(int(runStart), int(end - 1));
        const qsizetype compared = end - m_cursor;
        m_cursor = end;
        if (m_cursor >= m_rows.size()) {
            m_phase = Phase::Append;
            m_cursor = 0;
        }
        return compared;
    }

    void appendRows(qsizetype budget, RowRangeNotifier &notify)
    {
        QList<Row> batch;
        while (m_cursor < m_incoming.size() && batch.size() < budget) {
            if (!m_consumed.at(m_cursor))
                batch.append(m_make(m_incoming.at(m_cursor), nullptr));
            ++m_cursor;
        }
        if (!batch.isEmpty()) {
            const int first = int(m_rows.size());
            notify.beginInsert(first, first + int(batch.size()) - 1);
            m_rows.append(std::move(batch));
            notify.endInsert();
        }
        if (m_cursor >= m_incoming.size())
            m_phase = Phase::Done;
    }

    QList<Row> &m_rows;
    QList<Incoming> m_incoming;
    KeyOfRow m_keyOfRow;
    KeyOfIncoming m_keyOfIncoming;
    Same m_same;
    Make m_make;
    QHash<Key, qsizetype> m_index;
    QList<bool> m_consumed;
    Phase m_phase = Phase::Remove;
    qsizetype m_cursor = 0;
    static constexpr qsizetype NotStarted = -2;
    qsizetype m_removeCursor = NotStarted;
};

// The whole update at once, for lists of the same type (topics, nodes, presences).
template <typename Row, typename KeyOf, typename Same>
void updateKeyedRows(QList<Row> &rows, QList<Row> incoming, KeyOf keyOf, Same same,
                     RowRangeNotifier &notify)
{
    const auto copy = [](const Row &row, const Row *) { return row; };
    KeyedRowsUpdate<Row, Row, KeyOf, KeyOf, Same, decltype(copy)> update(rows, std::move(incoming),
                                                                         keyOf, keyOf, same, copy);
    update.run(notify);
}

} // namespace livedeck::admin
