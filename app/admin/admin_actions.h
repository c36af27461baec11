#pragma once
// The operator's actions, one QAction each, shared by the menus, the toolbar, the context menus,
// the shortcuts and the command palette. Destructive ones ask first; the read-only switch (or a
// read-only server) disables every action that changes the server.

#include <liveview/monitor.h>

#include <QObject>
#include <QUrl>
#include <functional>
#include <optional>

class QAction;
class QWidget;

namespace livedeck::admin {

class AdminDataSource;

struct BroadcastRequest
{
    QString topic;
    QVariant message;
};

class AdminActions final : public QObject
{
    Q_OBJECT
public:
    AdminActions(AdminDataSource *source, QWidget *dialogParent);

    QAction *const disconnectSession;
    QAction *const disconnectUser;
    QAction *const broadcast;
    QAction *const drain; // checked while draining
    QAction *const startServer;
    QAction *const stopServer;
    QAction *const openDashboard;
    QAction *const readOnly; // checked: no action changes the server
    QAction *const commandPalette;
    QAction *const refresh;

    // Every action an operator may look for by name (the command palette lists these).
    QList<QAction *> all() const;

    void setCurrentSession(quint64 sessionId, const QString &user, const QString &route);
    void setCurrentTopic(const QString &topic);
    void setKnownTopics(const QStringList &topics);
    void setServer(const liveview::ServerInfo &server);

    // How the operator is asked; tests answer without a modal dialog.
    using Confirm = std::function<bool(const QString &question)>;
    using Compose = std::function<std::optional<BroadcastRequest>(const QStringList &knownTopics,
                                                                  const QString &topic)>;
    using OpenUrl = std::function<void(const QUrl &url)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setCompose(Compose compose) { m_compose = std::move(compose); }
    void setOpenUrl(OpenUrl openUrl) { m_openUrl = std::move(openUrl); }

    QUrl dashboardUrl() const { return m_dashboardUrl; }

signals:
    void readOnlyChanged(bool readOnly);

private:
    void updateEnabled();
    void onDisconnectSession();
    void onDisconnectUser();
    void onBroadcast();
    void onDrain(bool draining);
    void onStopServer();

    AdminDataSource *m_source;
    QWidget *m_dialogParent;
    quint64 m_sessionId = 0;
    QString m_user;
    QString m_route;
    QString m_topic;
    QStringList m_knownTopics;
    bool m_running = false;
    bool m_serverReadOnly = false;
    QUrl m_dashboardUrl;
    Confirm m_confirm;
    Compose m_compose;
    OpenUrl m_openUrl;
};

} // namespace livedeck::admin
