#pragma once
// A table model over keyed rows that follows snapshots with row-range signals (keyed_rows.h);
// the sessions, topics and nodes tables are this with their own columns.

#include "keyed_rows.h"

#include <QAbstractTableModel>

namespace livedeck::admin {

template <typename Row> class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    const Row &rowAt(int row) const { return m_rows.at(row); }
    const QList<Row> &rows() const { return m_rows; }

protected:
    // Subclasses call this with their key and comparison; see updateKeyedRows().
    template <typename KeyOf, typename Same>
    void replaceRows(QList<Row> incoming, KeyOf keyOf, Same same)
    {
        updateKeyedRows(m_rows, std::move(incoming), keyOf, same, m_notifier);
    }
    // For subclasses that run a KeyedRowsUpdate in steps themselves.
    QList<Row> &mutableRows() { return m_rows; }
    RowRangeNotifier &notifier() { return m_notifier; }
    // Every row changed in some columns (e.g. an uptime that follows the snapshot's clock).
    void columnsChanged(int firstColumn, int lastColumn)
    {
        if (!m_rows.isEmpty())
            emit this->dataChanged(this->index(0, firstColumn),
                                   this->index(int(m_rows.size()) - 1, lastColumn));
    }

private:
    class Notifier final : public RowRangeNotifier
    {
    public:
        explicit Notifier(KeyedTableModel *model) : m(model) {}
        void beginRemove(int first, int last) override { m->beginRemoveRows({}, first, last); }
        void endRemove() override { m->endRemoveRows(); }
        void beginInsert(int first, int last) override { m->beginInsertRows({}, first, last); }
        void endInsert() override { m->endInsertRows(); }
        void changed(int first, int last) override
        {
            // The first column shows the key, which never changes for a row: leaving it out
            // spares a proxy sorted by it a re-sort of every changed row.
            const int firstColumn = m->columnCount() > 1 ? 1 : 0;
            emit m->dataChanged(m->index(first, firstColumn), m->index(last, m->columnCount() - 1));
        }

    private:
        KeyedTableModel *m;
    };

    QList<Row> m_rows;
    Notifier m_notifier{this};
};

} // namespace livedeck::admin
