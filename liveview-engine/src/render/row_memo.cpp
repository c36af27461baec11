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
