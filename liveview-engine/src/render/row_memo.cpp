#include "row_memo.h"

#include <QDateTime>
#include <QTimeZone>
#include <cstring>

namespace liveview::internal {
namespace {
thread_local RowMemo *currentMemo = nullptr;

// Whether two items render the same text, strictly: the same type at every level, numbers by
// their bits, times with their offset. (The template language's own equality is looser: 7 equals
// "7" and 1 equals 1.0, which render differently.) Items broadcast to many views share their
// data, so the usual answer comes from the first comparison.
bool sameItem(const QVariant &a, const QVariant &b)
{
    if (a.typeId() != b.typeId())
        return false;
    switch (a.typeId()) {
    case QMetaType::QVariantMap: {
        const auto &x = *static_cast<const QVariantMap *>(a.constData());
        const auto &y = *static_cast<const QVariantMap *>(b.constData());
        if (x.isSharedWith(y))
            return true;
        if (x.size() != y.size())
            return false;
        for (auto i = x.cbegin(), j = y.cbegin(); i != x.cend(); ++i, ++j)
            if (i.key() != j.key() || !sameItem(i.value(), j.value()))
                return false;
        return true;
    }
    case QMetaType::QVariantHash: {
        const auto &x = *static_cast<const QVariantHash *>(a.constData());
        const auto &y = *static_cast<const QVariantHash *>(b.constData());
        if (x.isSharedWith(y))
            return true;
        if (x.size() != y.size())
            return false;
        for (auto i = x.cbegin(); i != x.cend(); ++i) {
            const auto j = y.constFind(i.key());
            if (j == y.cend() || !sameItem(i.value(), *j))
                return false;
        }
        return true;
    }
    case QMetaType::QVariantList: {
        const auto &x = *static_cast<const QVariantList *>(a.constData());
        const auto &y = *static_cast<const QVariantList *>(b.constData());
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i)
            if (!sameItem(x[i], y[i]))
                return false;
        return true;
    }
    case QMetaType::Double: {
        const double x = a.toDouble(), y = b.toDouble();
        return std::memcmp(&x, &y, sizeof x) == 0;
    }
    case QMetaType::Float: {
        const float x = a.toFloat(), y = b.toFloat();
        return std::memcmp(&x, &y, sizeof x) == 0;
    }
    case QMetaType::QDateTime: {
        const QDateTime x = a.toDateTime(), y = b.toDateTime();
        return x == y && x.timeSpec() == y.timeSpec() && x.offsetFromUtc() == y.offsetFromUtc() &&
               x.timeZone() == y.timeZone();
    }
    default:
        return a == b; // same type: strings, integers, booleans, dates compare exactly
    }
}
} // namespace

RowMemo *RowMemo::current()
{
    return currentMemo;
}

const RowMemo::Row *RowMemo::find(const Fragment *body, const QVariant &item) const
{
    for (const Row &row : m_rows)
        if (row.body.get() == body && sameItem(row.item, item)) {
            ++m_hits;
            return &row;
        }
    return nullptr;
}

void RowMemo::add(Row row)
{
    if (m_rows.size() < maxRows)
        m_rows.push_back(std::move(row));
}

RowMemo::Scope::Scope() : m_memo(new RowMemo), m_previous(currentMemo)
{
    currentMemo = m_memo;
}

RowMemo::Scope::~Scope()
{
    currentMemo = m_previous;
    delete m_memo;
}

} // namespace liveview::internal
