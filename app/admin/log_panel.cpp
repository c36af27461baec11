// The live log panel.
#include "log_panel.h"

#include "log_filter_model.h"
#include "log_model.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QToolButton>
#include <QTreeView>

namespace livedeck::admin {

LogPanel::LogPanel(LogModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_filter(new LogFilterModel(this)),
      m_level(new QComboBox(this)), m_text(new QLineEdit(this)),
      m_sessionOnly(new QCheckBox(tr("Selected session only"), this)),
      m_follow(new QCheckBox(tr("Follow"), this)), m_copy(new QToolButton(this)),
      m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("logPanel"));
    m_filter->setSourceModel(model);
    m_level->setObjectName(QStringLiteral("logLevel"));
    m_level->addItem(tr("Debug and above"), int(liveview::LogLevel::Debug));
    m_level->addItem(tr("Info and above"), int(liveview::LogLevel::Info));
    m_level->addItem(tr("Warnings and above"), int(liveview::LogLevel::Warning));
    m_level->addItem(tr("Critical only"), int(liveview::LogLevel::Critical));
    m_text->setObjectName(QStringLiteral("logText"));
    m_text->setPlaceholderText(tr("Filter log text…"));
    m_text->setClearButtonEnabled(true);
    m_sessionOnly->setObjectName(QStringLiteral("logSessionOnly"));
    m_follow->setObjectName(QStringLiteral("logFollow"));
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Keep the newest line in view; uncheck to pause scrolling."));
    m_copy->setObjectName(QStringLiteral("logCopy"));
    m_copy->setText(tr("Copy"));
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(LogModel::Time, 100);
    m_view->setColumnWidth(LogModel::Level, 70);
    m_view->setColumnWidth(LogModel::Category, 110);
    m_view->setColumnWidth(LogModel::Session, 70);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_level);
    bar->addWidget(m_text, 1);
    bar->addWidget(m_sessionOnly);
    bar->addWidget(m_follow);
    bar->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_view);

    connect(m_level, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setMinimumLevel(liveview::LogLevel(m_level->currentData().toInt()));
    });
    connect(m_text, &QLineEdit::textChanged, m_filter, &LogFilterModel::setText);
    connect(m_sessionOnly, &QCheckBox::toggled, this, &LogPanel::applySessionFilter);
    connect(m_copy, &QToolButton::clicked, this, &LogPanel::copyLines);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow->isChecked())
            m_view->scrollToBottom();
    });
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_view->scrollToBottom();
    });
}

void LogPanel::setSelectedSession(quint64 sessionId)
{
    m_selectedSession = sessionId;
    applySessionFilter();
}

void LogPanel::applySessionFilter()
{
    m_filter->setSessionId(m_sessionOnly->isChecked() ? m_selectedSession : 0);
}

void LogPanel::copyLines()
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        for (int r = 0; r < m_filter->rowCount(); ++r)
            rows.append(m_filter->index(r, 0));
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    lines.reserve(rows.size());
    for (const QModelIndex &proxyIndex : std::as_const(rows))
        lines.append(LogModel::lineOf(m_model->entryAt(m_filter->mapToSource(proxyIndex).row())));
    QApplication::clipboard()->setText(lines.join(u'\n') + u'\n');
}

} // namespace livedeck::admin
