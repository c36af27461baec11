#pragma once
// Rows rendered while one thread delivers one broadcast, for the next view that renders the same
// row. Thousands of chat views append the same message: the first renders the row, the others
// take its values and its diff. Only rows whose body reads nothing but the loop value are kept
// (the same item then gives the same row in every view) and only rows made of plain text (a
// live component or a nested list has state of its own in each view).

#include "../template/compiled_template.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QVariant>
#include <QVariantList>
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

    // A whole append to a comprehension: views whose list went from the same `before` array to the
    // same `after` array (one list shared by a thread's views, as a chat room's is) get the same
    // new entries and the same diff, without even comparing the old items.
    struct Append
    {
        std::shared_ptr<const Fragment> body;
        QVariantList before, after; // held, so that the same array means the same items
        std::vector<std::pair<QString, std::vector<QString>>> entries; // key and values per new row
        QJsonValue json;
    };

    // The memo of the broadcast being delivered on this thread; null outside one.
    static RowMemo *current();

    // A row of `body` rendered from the very same item (same types and values throughout), or null.
    const Row *find(const Fragment *body, const QVariant &item) const;
    void add(Row row);
    int hits() const { return m_hits; } // rows and appends taken from the memo (for tests)

    const Append *findAppend(const Fragment *body, const QVariantList &before,
                             const QVariantList &after) const;
    void addAppend(Append append);

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
    std::vector<Append> m_appends;
    mutable int m_hits = 0;
};

} // namespace liveview::internal
