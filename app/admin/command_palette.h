#pragma once
// Ctrl+K: one box to find a session (id, user, route), a topic or an action by typing.

#include <QDialog>
#include <QPointer>

class QAction;
class QLineEdit;
class QListWidget;

namespace livedeck::admin {

struct PaletteEntry
{
    enum class Kind
    {
        Action,
        Session,
        Topic,
    };
    Kind kind = Kind::Action;
    QString text; // what is shown and matched
    QPointer<QAction> action;
    quint64 sessionId = 0;
    QString topic;
};

class CommandPalette final : public QDialog
{
    Q_OBJECT
public:
    explicit CommandPalette(QWidget *parent = nullptr);

    // Replaces what can be found; the shown list follows the current text.
    void setEntries(QList<PaletteEntry> entries);
    // Chooses the shown entry at `row` (Enter does this for the current row) and closes.
    void activate(int row);

    QLineEdit *input() const { return m_input; }
    QListWidget *list() const { return m_list; }

    // At most this many matches are listed: the operator types more rather than scrolls 20,000.
    static constexpr int MaximumShown = 200;

signals:
    void actionChosen(QAction *action);
    void sessionChosen(quint64 sessionId);
    void topicChosen(const QString &topic);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();

    QLineEdit *m_input;
    QListWidget *m_list;
    QList<PaletteEntry> m_entries;
    QList<int> m_shown; // indexes into m_entries, one per list row
};

} // namespace livedeck::admin
