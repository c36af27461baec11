#pragma once
// The tray icon (only where the desktop has a system tray): status in its tooltip, Show/Hide,
// Open dashboard, Quit.

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;
class QSystemTrayIcon;

namespace livedeck::admin {

class TrayIcon final : public QObject
{
    Q_OBJECT
public:
    // Null where QSystemTrayIcon::isSystemTrayAvailable() is false.
    static TrayIcon *createIfAvailable(QMainWindow *window, QAction *openDashboard);

    void setStatus(const QString &tooltip);

private:
    TrayIcon(QMainWindow *window, QAction *openDashboard);
    void toggleWindow();

    QMainWindow *m_window;
    QSystemTrayIcon *m_icon;
    QMenu *m_menu;
    QAction *m_showHide;
};

} // namespace livedeck::admin
