// The tray icon.
#include "tray_icon.h"

#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QStyle>
#include <QSystemTrayIcon>

namespace livedeck::admin {

TrayIcon *TrayIcon::createIfAvailable(QMainWindow *window, QAction *openDashboard)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return nullptr;
    return new TrayIcon(window, openDashboard);
}

TrayIcon::TrayIcon(QMainWindow *window, QAction *openDashboard)
    : QObject(window), m_window(window), m_icon(new QSystemTrayIcon(this)),
      m_menu(new QMenu(window)), m_showHide(new QAction(tr("Show/Hide"), this))
{
    m_menu->addAction(m_showHide);
    m_menu->addAction(openDashboard);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), qApp, &QCoreApplication::quit);
    m_icon->setContextMenu(m_menu);
    // A tray entry without an icon is invisible on most desktops.
    QIcon icon = window->windowIcon();
    if (icon.isNull())
        icon = QApplication::style()->standardIcon(QStyle::SP_ComputerIcon);
    m_icon->setIcon(icon);
    m_icon->setToolTip(window->windowTitle());
    connect(m_showHide, &QAction::triggered, this, &TrayIcon::toggleWindow);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger)
            toggleWindow();
    });
    m_icon->show();
}

void TrayIcon::setStatus(const QString &tooltip)
{
    m_icon->setToolTip(tooltip);
}

void TrayIcon::toggleWindow()
{
    if (m_window->isVisible()) {
        m_window->hide();
        return;
    }
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

} // namespace livedeck::admin
