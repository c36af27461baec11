// Sort, filter, paging and CSV for the table widget (see table_state.h).
#include "livedeck/widgets/table_state.h"

#include <QUrlQuery>
#include <algorithm>

namespace livedeck::widgets {

namespace {
QString cellText(const QVariantMap &row, const QString &key)
{
    const QVariant text = row.value(key + QStringLiteral("_text"));
    return text.isValid() ? text.toString() : row.value(key).toString();
}

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) &&
        !s.contains(QLatin1Char('\n')) && !s.contains(QLatin1Char('\r')))
        return s;
    QString quoted = s;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// Text order a person expects: case-insensitive, and runs of digits by their value ("web-2"
// before "web-10"), whatever collation the platform offers.
int naturalCompare(const QString &a, const QString &b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ei = i, ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            const QStringView da = QStringView(a).sliced(i, ei - i);
            const QStringView db = QStringView(b).sliced(j, ej - j);
            const qulonglong na = da.toULongLong(), nb = db.toULongLong();
            if (na != nb)
                return na < nb ? -1 : 1;
            i = ei;
            j = ej;
            continue;
        }
        const int c = QStringView(a).sliced(i, 1).compare(QStringView(b).sliced(j, 1), Qt::CaseInsensitive);
        if (c != 0)
            return c < 0 ? -1 : 1;
        ++i;
        ++j;
    }
    return a.size() - i == b.size() - j ? 0 : (a.size() - i < b.size() - j ? -1 : 1);
}

const char *kindName(TableColumn::Kind kind)
{
    switch (kind) {
    case TableColumn::Kind::Number:
        return "number";
    case TableColumn::Kind::Link:
        return "link";
    case TableColumn::Kind::Badge:
        return "badge";
    case TableColumn::Kind::Action:
        return "action";
    case TableColumn::Kind::Text:
        break;
    }
    return "text";
}
} // namespace

TableState::TableState(QString id, QList<TableColumn> columns, QString defaultSort, bool descending,
                       int pageSize)
    : m_id(std::move(id)), m_columns(std::move(columns)), m_defaultSort(std::move(defaultSort)),
      m_defaultDescending(descending), m_defaultPageSize(std::clamp(pageSize, 1, maxPageSize)),
      m_sort(m_defaultSort), m_descending(descending), m_pageSize(m_defaultPageSize)
{
}

void TableState::applyParams(const QVariantMap &params)
{
    const QString sort = params.value(param("sort")).toString();
    const bool known = std::any_of(m_columns.cbegin(), m_columns.cend(), [&](const TableColumn &c) {
        return c.key == sort && c.sortable && c.kind != TableColumn::Kind::Action;
    });
    m_sort = known ? sort : m_defaultSort;
    const QString dir = params.value(param("dir")).toString();
    m_descending = dir == u"desc" ? true : dir == u"asc" ? false : m_defaultDescending;
    m_filter = params.value(param("q")).toString().left(200);
    bool ok = false;
    const int page = params.value(param("page")).toInt(&ok);
    m_page = ok && page >= 1 ? page : 1;
    const int size = params.value(param("size")).toInt(&ok);
    m_pageSize = ok && size >= 1 ? std::min(size, maxPageSize) : m_defaultPageSize;
}

bool TableState::handleEvent(const QString &event, const QVariantMap &value, const QUrl &current,
                             QUrl *patch) const
{
    if (!event.startsWith(u"lw-table-") || value.value(QStringLiteral("table")).toString() != m_id)
        return false;
    QUrlQuery query(current);
    const auto set = [&](const QString &key, const QString &v) {
        query.removeAllQueryItems(key);
        if (!v.isEmpty())
            query.addQueryItem(key, v);
    };
    if (event == u"lw-table-sort") {
        const QString column = value.value(QStringLiteral("column")).toString();
        const bool descending = column == m_sort ? !m_descending : false;
        set(param("sort"), column);
        set(param("dir"), descending ? QStringLiteral("desc") : QStringLiteral("asc"));
        set(param("page"), QString());
    } else if (event == u"lw-table-filter") {
        set(param("q"), value.value(QStringLiteral("q")).toString().left(200));
        set(param("page"), QString());
    } else if (event == u"lw-table-page") {
        set(param("page"),
            QString::number(std::max(1, value.value(QStringLiteral("page")).toInt())));
    } else if (event == u"lw-table-size") {
        set(param("size"), QString::number(std::clamp(value.value(QStringLiteral("size")).toInt(),
                                                      1, maxPageSize)));
        set(param("page"), QString());
    } else {
        return false;
    }
    *patch = current;
    patch->setQuery(query);
    return true;
}

QVariantList TableState::filteredSorted(const QVariantList &rows) const
{
    QVariantList out;
    out.reserve(rows.size());
    for (const QVariant &r : rows) {
        const QVariantMap row = r.toMap();
        bool match = m_filter.isEmpty();
        for (int i = 0; !match && i < m_columns.size(); ++i)
            match = cellText(row, m_columns[i].key).contains(m_filter, Qt::CaseInsensitive);
        if (match)
            out.append(r);
    }
    const auto column = std::find_if(m_columns.cbegin(), m_columns.cend(),
                                     [&](const TableColumn &c) { return c.key == m_sort; });
    if (column == m_columns.cend())
        return out;
    const QString key = column->key;
    const bool numeric = column->kind == TableColumn::Kind::Number;
    std::stable_sort(out.begin(), out.end(), [&](const QVariant &a, const QVariant &b) {
        const QVariant va = a.toMap().value(key), vb = b.toMap().value(key);
        const int c = numeric ? (va.toDouble() < vb.toDouble() ? -1 : va.toDouble() > vb.toDouble())
                              : naturalCompare(va.toString(), vb.toString());
        return m_descending ? c > 0 : c < 0;
    });
    return out;
}

QVariantMap TableState::rowForStream(const QVariantMap &row) const
{
    QVariantList cells;
    for (const TableColumn &c : m_columns)
        cells.append(
            QVariantMap{{QStringLiteral("key"), c.key},
                        {QStringLiteral("kind"), QLatin1String(kindName(c.kind))},
                        {QStringLiteral("text"),
                         c.kind == TableColumn::Kind::Action ? c.label : cellText(row, c.key)},
                        {QStringLiteral("href"), row.value(c.key + QStringLiteral("_href"))},
                        {QStringLiteral("tone"),
                         row.value(c.key + QStringLiteral("_tone"), QStringLiteral("info"))},
                        {QStringLiteral("event"), c.event}});
    return {{QStringLiteral("id"), row.value(QStringLiteral("id")).toString()},
            {QStringLiteral("cells"), cells}};
}

QVariantList TableState::page(const QVariantList &rows)
{
    const QVariantList matching = filteredSorted(rows);
    m_total = int(rows.size());
    m_matching = int(matching.size());
    const int pages = std::max(1, (m_matching + m_pageSize - 1) / m_pageSize);
    m_page = std::min(m_page, pages);
    QVariantList out;
    for (int i = (m_page - 1) * m_pageSize; i < std::min(m_matching, m_page * m_pageSize); ++i)
        out.append(rowForStream(matching[i].toMap()));
    return out;
}

QString TableState::csv(const QVariantList &rows) const
{
    QStringList lines;
    QStringList header;
    for (const TableColumn &c : m_columns)
        if (c.kind != TableColumn::Kind::Action)
            header.append(csvField(c.label));
    lines.append(header.join(QLatin1Char(',')));
    for (const QVariant &r : filteredSorted(rows)) {
        const QVariantMap row = r.toMap();
        QStringList fields;
        for (const TableColumn &c : m_columns)
            if (c.kind != TableColumn::Kind::Action)
                fields.append(csvField(cellText(row, c.key)));
        lines.append(fields.join(QLatin1Char(',')));
    }
    return lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n");
}

QVariantMap TableState::model() const
{
    QVariantList columns;
    for (const TableColumn &c : m_columns) {
        const bool sorted = c.key == m_sort;
        columns.append(QVariantMap{
            {QStringLiteral("key"), c.key},
            {QStringLiteral("label"), c.label},
            {QStringLiteral("kind"), QLatin1String(kindName(c.kind))},
            {QStringLiteral("sortable"), c.sortable && c.kind != TableColumn::Kind::Action},
            {QStringLiteral("aria_sort"),
             sorted ? (m_descending ? QStringLiteral("descending") : QStringLiteral("ascending"))
                    : QStringLiteral("none")},
            {QStringLiteral("arrow"),
             sorted ? (m_descending ? QStringLiteral("▼") : QStringLiteral("▲")) : QString()}});
    }
    const int pages = std::max(1, (m_matching + m_pageSize - 1) / m_pageSize);
    const int first = m_matching == 0 ? 0 : (m_page - 1) * m_pageSize + 1;
    return {{QStringLiteral("id"), m_id},
            {QStringLiteral("columns"), columns},
            {QStringLiteral("q"), m_filter},
            {QStringLiteral("page"), m_page},
            {QStringLiteral("pages"), pages},
            {QStringLiteral("prev"), m_page - 1},
            {QStringLiteral("next"), m_page + 1},
            {QStringLiteral("has_prev"), m_page > 1},
            {QStringLiteral("has_next"), m_page < pages},
            {QStringLiteral("size"), m_pageSize},
            {QStringLiteral("total"), m_total},
            {QStringLiteral("matching"), m_matching},
            {QStringLiteral("first"), first},
            {QStringLiteral("last"), std::min(m_matching, m_page * m_pageSize)},
            {QStringLiteral("empty"), m_matching == 0}};
}

} // namespace livedeck::widgets
