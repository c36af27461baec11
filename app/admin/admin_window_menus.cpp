// The admin window's menus, toolbar and command palette: every entry is one of AdminActions'
// actions or a window setting, so menu, toolbar, context menu and palette never disagree.
#include "admin_actions.h"
#include "admin_window.h"
#include "command_palette.h"
#include "sessions_model.h"
#include "sessions_panel.h"
#include "table_panel.h"
#include "topics_model.h"

#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QToolBar>
#include <QTreeView>

namespace livedeck::admin {

void AdminWindow::buildMenusAndToolBar()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QCoreApplication::quit);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu *server = menuBar()->addMenu(tr("&Server"));
    server->addAction(m_actions->openDashboard);
    server->addAction(m_actions->refresh);
    server->addSeparator();
    server->addAction(m_actions->drain);
    server->addAction(m_actions->startServer);
    server->addAction(m_actions->stopServer);
    server->addSeparator();
    server->addAction(m_actions->readOnly);

    QMenu *session = menuBar()->addMenu(tr("S&ession"));
    session->addAction(m_actions->disconnectSession);
    session->addAction(m_actions->disconnectUser);
    QMenu *topic = menuBar()->addMenu(tr("&Topic"));
    topic->addAction(m_actions->broadcast);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_actions->commandPalette);
    view->addSeparator();
    for (QDockWidget *dock : docks())
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    m_resetLayout = view->addAction(tr("Reset &layout"), this, &AdminWindow::resetLayout);
    m_resetLayout->setObjectName(QStringLiteral("actionResetLayout"));
    QMenu *themes = view->addMenu(tr("&Theme"));
    m_themeActions = new QActionGroup(this);
    m_themeActions->setExclusive(true);
    for (Theme theme : {Theme::System, Theme::Light, Theme::Dark}) {
        static const char *const titles[] = {"&System", "&Light", "&Dark"};
        QAction *action = themes->addAction(tr(titles[int(theme)]));
        action->setObjectName(QStringLiteral("actionTheme_") + themeName(theme));
        action->setCheckable(true);
        action->setData(themeName(theme));
        m_themeActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, theme] { setTheme(theme); });
    }
    m_closeToTray = view->addAction(tr("&Close to tray"));
    m_closeToTray->setObjectName(QStringLiteral("actionCloseToTray"));
    m_closeToTray->setCheckable(true);
    m_closeToTray->setToolTip(tr("Closing the window keeps it in the tray (needs a system tray)"));

    QToolBar *bar = addToolBar(tr("Actions"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(m_actions->refresh);
    bar->addAction(m_actions->openDashboard);
    bar->addSeparator();
    bar->addAction(m_actions->disconnectSession);
    bar->addAction(m_actions->disconnectUser);
    bar->addAction(m_actions->broadcast);
    bar->addAction(m_actions->drain);
    bar->addAction(m_actions->startServer);
    bar->addAction(m_actions->stopServer);
    bar->addSeparator();
    bar->addAction(m_actions->readOnly);
    bar->addAction(m_actions->commandPalette);
    // Shortcuts work wherever the focus is in the window, menus open or not.
    addActions(m_actions->all());
    addAction(m_actions->commandPalette);
}

CommandPalette *AdminWindow::openCommandPalette()
{
    auto *palette = new CommandPalette(this);
    palette->setAttribute(Qt::WA_DeleteOnClose);
    QList<PaletteEntry> entries;
    // The operator's actions and the window's own (layout, theme), by their menu names.
    const QList<QAction *> offered =
        m_actions->all() + QList<QAction *>{m_resetLayout} + m_themeActions->actions();
    for (QAction *action : offered)
        entries.append({PaletteEntry::Kind::Action, action->text().remove(u'&'), action, 0, {}});
    for (int r = 0; r < m_topics->rowCount(); ++r) {
        const QString name = m_topics->index(r, 0).data().toString();
        entries.append({PaletteEntry::Kind::Topic, name, nullptr, 0, name});
    }
    for (const SessionRow &row : m_sessions->rows()) {
        const liveview::SessionInfo &s = row.info;
        entries.append(
            {PaletteEntry::Kind::Session,
             QStringLiteral("%1 %2 %3 %4").arg(row.idText, s.route, s.user, row.remoteText),
             nullptr,
             s.id,
             {}});
    }
    palette->setEntries(std::move(entries));
    connect(palette, &CommandPalette::actionChosen, this, [](QAction *a) { a->trigger(); });
    connect(palette, &CommandPalette::sessionChosen, this, [this](quint64 id) {
        // A filter that hides the session would make the choice look lost: clear it.
        if (!m_sessionsPanel->selectSession(id)) {
            m_sessionsPanel->filterEdit()->clear();
            m_sessionsPanel->selectSession(id);
        }
        m_sessionsPanel->view()->setFocus();
    });
    connect(palette, &CommandPalette::topicChosen, this, [this](const QString &name) {
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("topicsDock"))) {
            dock->show();
            dock->raise();
        }
        m_topicsPanel->filterEdit()->clear();
        m_topicsPanel->selectName(name);
        m_actions->setCurrentTopic(name);
    });
    palette->show();
    palette->input()->setFocus();
    return palette;
}

} // namespace livedeck::admin
