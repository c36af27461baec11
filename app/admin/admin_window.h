#pragma once
// The admin window: the sessions table in the middle, dock panels around it (session detail,
// presence, topics, nodes, log, server charts), actions in menus, toolbar and context menus,
// layout and theme kept in QSettings. It reads one AdminDataSource, in-process or remote.

#include "theme.h"

#include <liveview/monitor.h>

#include <QMainWindow>

class QActionGroup;
class QDockWidget;
class QSettings;

namespace livedeck::admin {

class AdminActions;
class AdminDataSource;
class CommandPalette;
class LogModel;
class LogPanel;
class NodesModel;
class PresenceModel;
class ServerChartsPanel;
class ServerHistory;
class ServerStatusBar;
class SessionDetailPanel;
class SessionsModel;
class SessionsPanel;
class TablePanel;
class TopicsModel;
class TrayIcon;

class AdminWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // Bump when docks are added or renamed: an older saved layout is then ignored, not misread.
    static constexpr int LayoutVersion = 1;
    static constexpr int SessionRowsPerPass = 1000;

    AdminWindow(AdminDataSource *source, QSettings *settings, QWidget *parent = nullptr);
    ~AdminWindow() override;

    void saveSettings();
    void resetLayout();
    void setTheme(Theme theme);
    Theme theme() const;
    bool closesToTray() const;
    void setClosesToTray(bool on);
    // Opens the command palette over the current sessions, topics and actions.
    CommandPalette *openCommandPalette();

    AdminActions *actions() const { return m_actions; }
    SessionsModel *sessionsModel() const { return m_sessions; }
    SessionsPanel *sessionsPanel() const { return m_sessionsPanel; }
    SessionDetailPanel *detailPanel() const { return m_detail; }
    LogPanel *logPanel() const { return m_logPanel; }
    TablePanel *topicsPanel() const { return m_topicsPanel; }
    TablePanel *presencePanel() const { return m_presencePanel; }
    TablePanel *nodesPanel() const { return m_nodesPanel; }
    ServerChartsPanel *chartsPanel() const { return m_charts; }
    ServerStatusBar *serverStatus() const { return m_status; }
    TrayIcon *trayIcon() const { return m_tray; }
    QList<QDockWidget *> docks() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QDockWidget *addPanel(const QString &objectName, const QString &title, QWidget *panel,
                          Qt::DockWidgetArea area);
    void buildMenusAndToolBar();
    void restoreSettings();
    void applySnapshot(const liveview::MonitorSnapshot &snapshot);
    void onCurrentSessionChanged(quint64 sessionId);
    void updateCurrentSessionActions();

    AdminDataSource *m_source;
    QSettings *m_settings;
    AdminActions *m_actions;
    ThemeController *m_theme;
    SessionsModel *m_sessions;
    TopicsModel *m_topics;
    PresenceModel *m_presence;
    NodesModel *m_nodes;
    LogModel *m_log;
    std::unique_ptr<ServerHistory> m_history;
    SessionsPanel *m_sessionsPanel;
    SessionDetailPanel *m_detail;
    TablePanel *m_topicsPanel;
    TablePanel *m_presencePanel;
    TablePanel *m_nodesPanel;
    LogPanel *m_logPanel;
    ServerChartsPanel *m_charts;
    ServerStatusBar *m_status;
    TrayIcon *m_tray = nullptr;
    QActionGroup *m_themeActions = nullptr;
    QAction *m_closeToTray = nullptr;
    QAction *m_resetLayout = nullptr;
    QByteArray m_defaultLayout;
    bool m_serverReadOnly = false;
};

} // namespace livedeck::admin
