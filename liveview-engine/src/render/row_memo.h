#pragma once
// Rows rendered while one thread delivers one broadcast, for the next view that renders the same
// row. Thousands of chat views append the same message: the first renders the row, the others
// take its values and its diff. Only rows whose body reads nothing but the loop value are kept
// (the same item then gives the same row in every view) and only rows made of plain text (a
// live component or a nested list has state of its own in each view).

#include "../template/compiled_template.h"

#include <QJsonObject>
#include <QString>
#include <QVariant>
#include <vector>

namespace liveview::internal {

class RowMemo
{
public:
    struct Row
    {
        std::shared_ptr<const Fragment> body; // held: its address cannot be reused meanwhile
        QVariant item;
        std::vector<QString> values;
        QJsonObject json; // the entry's diff
    };

    // The memo of the broadcast being delivered on this thread; null outside one.
    static RowMemo *current();

    // A row of `body` rendered from the very same item (same types and values throughout), or null.
    const Row *find(const Fragment *body, const QVariant &item) const;
    void add(Row row);
    int hits() const { return m_hits; } // rows taken from the memo (for tests)

    // Makes a memo current on this thread for its lifetime (one broadcast's batch).
    class Scope
    {
    public:
        Scope();
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        RowMemo *m_memo;
        RowMemo *m_previous;
    };

private:
    // A broadcast adds a row or two; a view whose rows all differ must not make every other view
    // search a long list.
    static constexpr size_t maxRows = 8;
    std::vector<Row> m_rows;
    mutable int m_hits = 0;
};

} // namespace liveview::internal
