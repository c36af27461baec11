#pragma once
// A filter box over a sortable table or tree: the Topics, Presence and Nodes panels.

#include <QWidget>

class QAbstractItemModel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace livedeck::admin {

class TablePanel final : public QWidget
{
    Q_OBJECT
public:
    // `sortRole`: the role holding raw values for numeric columns (display text otherwise).
    TablePanel(const QString &objectName, QAbstractItemModel *model, int sortRole,
               const QString &placeholder, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    // The first column's text of the current row (a topic name, a node id), or empty.
    QString currentName() const;
    // Makes the row whose first column is `name` current; false if not shown.
    bool selectName(const QString &name);

private:
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_view;
};

} // namespace livedeck::admin
