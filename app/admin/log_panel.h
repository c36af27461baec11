#pragma once
// The live log: level and text filters, a per-session filter, follow or pause, copy.

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QToolButton;
class QTreeView;

namespace livedeck::admin {

class LogFilterModel;
class LogModel;

class LogPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit LogPanel(LogModel *model, QWidget *parent = nullptr);

    // The session selected in the sessions table; used while "this session only" is checked.
    void setSelectedSession(quint64 sessionId);
    // Copies the selected lines (every shown line when none is selected).
    void copyLines();

    LogFilterModel *filter() const { return m_filter; }
    QTreeView *view() const { return m_view; }
    QComboBox *levelBox() const { return m_level; }
    QLineEdit *textEdit() const { return m_text; }
    QCheckBox *sessionOnlyBox() const { return m_sessionOnly; }
    QCheckBox *followBox() const { return m_follow; }

private:
    void applySessionFilter();

    LogModel *m_model;
    LogFilterModel *m_filter;
    QComboBox *m_level;
    QLineEdit *m_text;
    QCheckBox *m_sessionOnly;
    QCheckBox *m_follow;
    QToolButton *m_copy;
    QTreeView *m_view;
    quint64 m_selectedSession = 0;
};

} // namespace livedeck::admin
