#pragma once
// The table widget's state and work on the server: sort, filter and paging kept in the page's URL
// (`<id>_sort`, `<id>_dir`, `<id>_q`, `<id>_page`, `<id>_size`), applied to the rows the page
// supplies, and CSV export. The page streams the visible rows (`stream(id, page(rows), true)`):
// the server keeps none of them, and the template is the `<.lw_table>` function component.

#include <QList>
#include <QString>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>

namespace livedeck::widgets {

struct TableColumn
{
    enum class Kind
    {
        Text,   // the value as text
        Number, // right-aligned, sorted numerically
        Link,   // text linking to row["<key>_href"] (a live patch)
        Badge,  // text in a badge toned by row["<key>_tone"] (ok, warn, critical, info)
        Action, // a button sending `event` with phx-value-id = row id (label: the column label)
    };
    QString key;
    QString label;
    Kind kind = Kind::Text;
    QString event; // Action columns
    bool sortable = true;
};

class TableState
{
public:
    static constexpr int maxPageSize = 500;

    TableState(QString id, QList<TableColumn> columns, QString defaultSort = QString(),
               bool descending = false, int pageSize = 25);

    const QString &id() const { return m_id; }
    // Reads this table's parameters from the page's params (handleParams); bad ones are ignored.
    void applyParams(const QVariantMap &params);
    // "lw-table-sort" {table, column}, "lw-table-filter" {table, q}, "lw-table-page" {table,
    // page}, "lw-table-size" {table, size}: returns true for this table's events and sets `patch`
    // to `current` with the new state in its query (the page pushes it: state in the URL).
    bool handleEvent(const QString &event, const QVariantMap &value, const QUrl &current,
                     QUrl *patch) const;

    // Rows are maps with "id" and a value per column key (raw values sort; "<key>_text" is shown
    // when present). Returns the rows of the current page, ready for the stream, and remembers
    // the counts for model().
    QVariantList page(const QVariantList &rows);
    // Every filtered and sorted row (all pages) as CSV, header first, RFC 4180 quoting.
    QString csv(const QVariantList &rows) const;
    // For <.lw_table table={...}>: id, columns (with aria-sort), q, page, pages, total, ...
    QVariantMap model() const;

    QString sortColumn() const { return m_sort; }
    bool isDescending() const { return m_descending; }
    QString filterText() const { return m_filter; }
    int pageNumber() const { return m_page; }
    int pageSize() const { return m_pageSize; }

private:
    QVariantList filteredSorted(const QVariantList &rows) const;
    QVariantMap rowForStream(const QVariantMap &row) const;
    QString param(const char *name) const { return m_id + QLatin1Char('_') + QLatin1String(name); }

    QString m_id;
    QList<TableColumn> m_columns;
    QString m_defaultSort;
    bool m_defaultDescending;
    int m_defaultPageSize;
    QString m_sort;
    bool m_descending;
    QString m_filter;
    int m_page = 1;
    int m_pageSize;
    int m_total = 0;
    int m_matching = 0;
};

} // namespace livedeck::widgets
