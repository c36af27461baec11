#pragma once
// The status bar's permanent fields: running or stopped, the listen URL (a click opens it),
// connections against the cap, the Redis link, RSS and uptime.

#include <liveview/monitor.h>

#include <QObject>

class QLabel;
class QStatusBar;

namespace livedeck::admin {

class ServerStatusBar final : public QObject
{
    Q_OBJECT
public:
    explicit ServerStatusBar(QStatusBar *bar);

    void showServer(const liveview::ServerInfo &server, bool readOnly);
    void showUnreachable(const QString &error);
    // One line for tooltips (the tray icon's).
    QString summary() const { return m_summary; }

    QLabel *stateLabel() const { return m_state; }
    QLabel *urlLabel() const { return m_url; }
    QLabel *connectionsLabel() const { return m_connections; }

signals:
    void urlClicked();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showUrl();
    QString m_listenUrl;
    QLabel *m_state;
    QLabel *m_url;
    QLabel *m_connections;
    QLabel *m_redis;
    QLabel *m_rss;
    QLabel *m_uptime;
    QString m_summary;
};

} // namespace livedeck::admin
