// The admin window: panels, data flow from the source to the models, settings.
#include "admin_window.h"

#include "admin_actions.h"
#include "admin_data_source.h"
#include "command_palette.h"
#include "log_model.h"
#include "log_panel.h"
#include "nodes_model.h"
#include "presence_model.h"
#include "server_charts_panel.h"
#include "server_history.h"
#include "server_status_bar.h"
#include "session_detail_panel.h"
#include "sessions_model.h"
#include "sessions_panel.h"
#include "table_panel.h"
#include "topics_model.h"
#include "tray_icon.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QSettings>
#include <QStatusBar>
#include <QTreeView>

namespace livedeck::admin {
namespace {
const QString geometryKey = QStringLiteral("window/geometry");
const QString layoutKey = QStringLiteral("window/layout");
const QString layoutVersionKey = QStringLiteral("window/layoutVersion");
const QString themeKey = QStringLiteral("window/theme");
const QString closeToTrayKey = QStringLiteral("window/closeToTray");
} // namespace

AdminWindow::AdminWindow(AdminDataSource *source, QSettings *settings, QWidget *parent)
    : QMainWindow(parent), m_source(source), m_settings(settings),
      m_actions(new AdminActions(source, this)), m_theme(new ThemeController(this)),
      m_sessions(new SessionsModel(this)), m_topics(new TopicsModel(this)),
      m_presence(new PresenceModel(this)), m_nodes(new NodesModel(this)),
      m_log(new LogModel(20000, this)), m_history(std::make_unique<ServerHistory>(600)),
      m_sessionsPanel(new SessionsPanel(m_sessions, this)), m_detail(new SessionDetailPanel(this)),
      m_topicsPanel(new TablePanel(QStringLiteral("topicsPanel"), m_topics, TopicsModel::SortRole,
                                   tr("Filter topics…"), this)),
      m_presencePanel(new TablePanel(QStringLiteral("presencePanel"), m_presence, Qt::DisplayRole,
                                     tr("Filter topics and keys…"), this)),
      m_nodesPanel(new TablePanel(QStringLiteral("nodesPanel"), m_nodes, NodesModel::SortRole,
                                  tr("Filter nodes…"), this)),
      m_logPanel(new LogPanel(m_log, this)), m_charts(new ServerChartsPanel(this)),
      m_status(new ServerStatusBar(statusBar()))
{
    setObjectName(QStringLiteral("adminWindow"));
    // 20,000 changed rows go through the table's proxy and view in slices, so no single pass
    // of the event loop holds the GUI for long (BENCHMARKS.md, the admin window).
    m_sessions->setStepRows(SessionRowsPerPass);
    setWindowTitle(tr("LiveDeck admin — %1").arg(source->description()));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    setCentralWidget(m_sessionsPanel);
    QDockWidget *detail = addPanel(QStringLiteral("sessionDetailDock"), tr("Session detail"),
                                   m_detail, Qt::RightDockWidgetArea);
    QDockWidget *presence = addPanel(QStringLiteral("presenceDock"), tr("Presence"),
                                     m_presencePanel, Qt::RightDockWidgetArea);
    QDockWidget *topics = addPanel(QStringLiteral("topicsDock"), tr("Topics"), m_topicsPanel,
                                   Qt::RightDockWidgetArea);
    QDockWidget *nodes =
        addPanel(QStringLiteral("nodesDock"), tr("Nodes"), m_nodesPanel, Qt::RightDockWidgetArea);
    QDockWidget *log =
        addPanel(QStringLiteral("logDock"), tr("Log"), m_logPanel, Qt::BottomDockWidgetArea);
    QDockWidget *server =
        addPanel(QStringLiteral("serverDock"), tr("Server"), m_charts, Qt::BottomDockWidgetArea);
    splitDockWidget(detail, presence, Qt::Vertical);
    tabifyDockWidget(presence, topics);
    tabifyDockWidget(topics, nodes);
    presence->raise();
    tabifyDockWidget(log, server);
    log->raise();
    resizeDocks({detail}, {380}, Qt::Horizontal);
    resizeDocks({log}, {230}, Qt::Vertical);

    buildMenusAndToolBar();
    m_tray = TrayIcon::createIfAvailable(this, m_actions->openDashboard);
    m_closeToTray->setEnabled(m_tray != nullptr);

    for (QAction *action :
         {m_actions->disconnectSession, m_actions->disconnectUser, m_actions->broadcast})
        m_sessionsPanel->view()->addAction(action);
    m_topicsPanel->view()->addAction(m_actions->broadcast);
    m_presencePanel->view()->addAction(m_actions->broadcast);

    connect(m_source, &AdminDataSource::snapshotReady, this, &AdminWindow::applySnapshot);
    connect(m_source, &AdminDataSource::logReceived, m_log, &LogModel::append);
    connect(m_source, &AdminDataSource::sessionDetailReady, m_detail,
            &SessionDetailPanel::showDetail);
    connect(m_source, &AdminDataSource::actionFinished, this,
            [this](const QString &what, bool ok, const QString &error) {
                statusBar()->showMessage(ok ? what : tr("%1 failed: %2").arg(what, error), 8000);
            });
    connect(m_source, &AdminDataSource::reachabilityChanged, this,
            [this](bool reachable, const QString &error) {
                if (!reachable)
                    m_status->showUnreachable(error);
            });
    connect(m_sessionsPanel, &SessionsPanel::currentSessionChanged, this,
            &AdminWindow::onCurrentSessionChanged);
    connect(m_topicsPanel->view()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { m_actions->setCurrentTopic(m_topicsPanel->currentName()); });
    connect(m_presencePanel->view()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { m_actions->setCurrentTopic(m_presencePanel->currentName()); });
    connect(m_status, &ServerStatusBar::urlClicked, m_actions->openDashboard, &QAction::trigger);
    connect(m_actions->commandPalette, &QAction::triggered, this, &AdminWindow::openCommandPalette);
    connect(m_actions, &AdminActions::readOnlyChanged, this,
            [this](bool) { statusBar()->clearMessage(); });
    connect(m_theme, &ThemeController::applied, this,
            [this] { m_charts->applyPalette(QApplication::palette()); });

    resize(1280, 800);
    m_defaultLayout = saveState(LayoutVersion);
    restoreSettings();
    m_source->refresh();
}

AdminWindow::~AdminWindow() = default;

QDockWidget *AdminWindow::addPanel(const QString &objectName, const QString &title, QWidget *panel,
                                   Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName); // saveState() finds docks by these names
    dock->setWidget(panel);
    addDockWidget(area, dock);
    return dock;
}

QList<QDockWidget *> AdminWindow::docks() const
{
    return findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly);
}

void AdminWindow::restoreSettings()
{
    restoreGeometry(m_settings->value(geometryKey).toByteArray());
    // A layout from another version of the window is dropped: the defaults stay.
    if (m_settings->value(layoutVersionKey).toInt() == LayoutVersion)
        restoreState(m_settings->value(layoutKey).toByteArray(), LayoutVersion);
    setClosesToTray(m_settings->value(closeToTrayKey, false).toBool());
    setTheme(themeFromName(m_settings->value(themeKey).toString()));
}

void AdminWindow::saveSettings()
{
    m_settings->setValue(geometryKey, saveGeometry());
    m_settings->setValue(layoutKey, saveState(LayoutVersion));
    m_settings->setValue(layoutVersionKey, LayoutVersion);
    m_settings->setValue(themeKey, themeName(m_theme->current()));
    m_settings->setValue(closeToTrayKey, closesToTray());
    m_settings->sync();
}

void AdminWindow::resetLayout()
{
    restoreState(m_defaultLayout, LayoutVersion);
    for (QDockWidget *dock : docks())
        if (!dock->isFloating())
            dock->show();
}

void AdminWindow::setTheme(Theme theme)
{
    m_theme->apply(theme);
    for (QAction *action : m_themeActions->actions())
        if (themeFromName(action->data().toString()) == theme)
            action->setChecked(true);
}

Theme AdminWindow::theme() const
{
    return m_theme->current();
}

bool AdminWindow::closesToTray() const
{
    return m_closeToTray->isChecked() && m_tray;
}

void AdminWindow::setClosesToTray(bool on)
{
    // Without a tray the option would hide the window for good: it stays off there.
    m_closeToTray->setChecked(on && m_tray);
}

void AdminWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    if (closesToTray()) {
        hide();
        event->ignore();
        return;
    }
    event->accept();
}

void AdminWindow::applySnapshot(const liveview::MonitorSnapshot &snapshot)
{
    m_sessions->setSessions(snapshot.sessions, snapshot.takenAt);
    m_topics->setTopics(snapshot.topics);
    m_presence->setPresences(snapshot.presences);
    m_nodes->setNodes(snapshot.nodes, snapshot.takenAt);
    if (m_history->add(snapshot))
        m_charts->showHistory(*m_history);
    m_actions->setServer(snapshot.server);
    QStringList topicNames;
    for (const liveview::TopicInfo &t : snapshot.topics)
        topicNames.append(t.name);
    m_actions->setKnownTopics(topicNames);
    m_status->showServer(snapshot.server, m_actions->readOnly->isChecked());
    if (m_tray)
        m_tray->setStatus(m_status->summary());
    updateCurrentSessionActions();
    // The detail of the current session follows the live figures too.
    if (m_detail->sessionId() != 0 && m_detail->isVisible())
        m_source->requestSessionDetail(m_detail->sessionId());
}

void AdminWindow::onCurrentSessionChanged(quint64 sessionId)
{
    m_detail->setSessionId(sessionId);
    m_logPanel->setSelectedSession(sessionId);
    updateCurrentSessionActions();
    if (sessionId != 0)
        m_source->requestSessionDetail(sessionId);
}

void AdminWindow::updateCurrentSessionActions()
{
    const quint64 id = m_sessionsPanel->currentSessionId();
    const int row = id == 0 ? -1 : m_sessions->rowOfSession(id);
    if (row < 0) {
        m_actions->setCurrentSession(0, QString(), QString());
        return;
    }
    const liveview::SessionInfo &s = m_sessions->rowAt(row).info;
    // An ended session has no socket left to close; its user may still have others.
    const bool open =
        s.state == liveview::SessionState::Joined || s.state == liveview::SessionState::Restarted;
    m_actions->setCurrentSession(open ? s.id : 0, s.user, s.route);
}

} // namespace livedeck::admin
