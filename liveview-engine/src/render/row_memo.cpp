#include "row_memo.h"

#include "../template/value_format.h"

namespace liveview::internal {
namespace {
thread_local RowMemo *currentMemo = nullptr;
} // namespace

RowMemo *RowMemo::current()
{
    return currentMemo;
}

const RowMemo::Row *RowMemo::find(const Fragment *body, const QVariant &item) const
{
    for (const Row &row : m_rows)
        if (row.body.get() == body && identicalValues(row.item, item)) {
            ++m_hits;
            return &row;
        }
    return nullptr;
}

const RowMemo::Append *RowMemo::findAppend(const Fragment *body, const QVariantList &before,
                                           const QVariantList &after) const
{
    for (const Append &a : m_appends)
        if (a.body.get() == body && a.before.constData() == before.constData() &&
            a.before.size() == before.size() && a.after.constData() == after.constData() &&
            a.after.size() == after.size()) {
            ++m_hits;
            return &a;
        }
    return nullptr;
}

void RowMemo::addAppend(Append append)
{
    if (m_appends.size() < maxRows)
        m_appends.push_back(std::move(append));
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
