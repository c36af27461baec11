// The command palette.
#include "command_palette.h"

#include <QAction>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace livedeck::admin {
namespace {

// Every word typed must appear somewhere, in any order: "alice chat" finds alice's chat session.
bool matchesWords(const QString &text, const QStringList &words)
{
    for (const QString &word : words)
        if (!text.contains(word, Qt::CaseInsensitive))
            return false;
    return true;
}

QString kindPrefix(PaletteEntry::Kind kind)
{
    switch (kind) {
    case PaletteEntry::Kind::Action:
        return QObject::tr("Action");
    case PaletteEntry::Kind::Session:
        return QObject::tr("Session");
    case PaletteEntry::Kind::Topic:
        return QObject::tr("Topic");
    }
    return {};
}

} // namespace

CommandPalette::CommandPalette(QWidget *parent)
    : QDialog(parent), m_input(new QLineEdit(this)), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setWindowTitle(tr("Command palette"));
    m_input->setObjectName(QStringLiteral("commandPaletteInput"));
    m_input->setPlaceholderText(tr("Type a session id, a user, a route, a topic or an action…"));
    m_list->setObjectName(QStringLiteral("commandPaletteList"));
    m_list->setUniformItemSizes(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_input);
    layout->addWidget(m_list);
    resize(520, 360);
    m_input->installEventFilter(this);
    connect(m_input, &QLineEdit::textChanged, this, &CommandPalette::refilter);
    connect(m_input, &QLineEdit::returnPressed, this, [this] { activate(m_list->currentRow()); });
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { activate(m_list->row(item)); });
}

void CommandPalette::setEntries(QList<PaletteEntry> entries)
{
    m_entries = std::move(entries);
    refilter();
}

void CommandPalette::refilter()
{
    const QStringList words = m_input->text().split(u' ', Qt::SkipEmptyParts);
    m_list->clear();
    m_shown.clear();
    QStringList texts;
    for (int i = 0; i < m_entries.size() && m_shown.size() < MaximumShown; ++i) {
        const PaletteEntry &e = m_entries.at(i);
        if (e.kind == PaletteEntry::Kind::Action && (!e.action || !e.action->isEnabled()))
            continue; // a disabled action would do nothing: not offered
        if (!matchesWords(e.text, words))
            continue;
        m_shown.append(i);
        texts.append(kindPrefix(e.kind) + QStringLiteral(": ") + e.text);
    }
    m_list->addItems(texts);
    if (!m_shown.isEmpty())
        m_list->setCurrentRow(0);
}

void CommandPalette::activate(int row)
{
    if (row < 0 || row >= m_shown.size())
        return;
    const PaletteEntry entry = m_entries.at(m_shown.at(row));
    accept();
    switch (entry.kind) {
    case PaletteEntry::Kind::Action:
        if (entry.action)
            emit actionChosen(entry.action);
        break;
    case PaletteEntry::Kind::Session:
        emit sessionChosen(entry.sessionId);
        break;
    case PaletteEntry::Kind::Topic:
        emit topicChosen(entry.topic);
        break;
    }
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down move in the list while the focus stays in the box being typed into.
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            const int row = m_list->currentRow() + (key == Qt::Key_Down ? 1 : -1);
            if (row >= 0 && row < m_list->count())
                m_list->setCurrentRow(row);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace livedeck::admin
