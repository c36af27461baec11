#pragma once
// What the admin window reads and acts on: the monitor of this process or of a server elsewhere.
// The window only talks to this interface, so the same window watches both.

#include <liveview/monitor.h>

#include <QObject>
#include <QUrl>

namespace livedeck::admin {

class AdminDataSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // For the window title and the status bar: "this process" or the server's URL.
    virtual QString description() const = 0;
    // Only the process that owns the server can start and stop it.
    virtual bool canControlServer() const = 0;
    // Where "Open dashboard" goes: the URL the server announces, unless the source knows a
    // better one (a remote server's own 127.0.0.1 is not reachable from here).
    virtual QUrl dashboardUrl(const liveview::ServerInfo &server) const
    {
        return QUrl(server.listenUrl);
    }

    // Asks for a fresh snapshot now; sources also refresh by themselves.
    virtual void refresh() = 0;
    // Answered by sessionDetailReady().
    virtual void requestSessionDetail(quint64 sessionId) = 0;

    // Actions: each one is answered by actionFinished().
    virtual void disconnectSession(quint64 sessionId) = 0;
    virtual void disconnectUser(const QString &user) = 0;
    virtual void broadcast(const QString &topic, const QVariant &message) = 0;
    virtual void setDraining(bool draining) = 0;
    virtual void setServerRunning(bool running) = 0;

protected:
    // The answer for a session the server no longer knows (it ended long enough ago to be
    // forgotten): the detail panel says so instead of waiting.
    static liveview::SessionInfo forgottenSession(quint64 sessionId)
    {
        liveview::SessionInfo info;
        info.id = sessionId;
        info.state = liveview::SessionState::Left;
        info.endReason = QStringLiteral("no longer known to the server");
        return info;
    }

signals:
    void snapshotReady(const liveview::MonitorSnapshot &snapshot);
    // New log entries, oldest first, each newer than every entry sent before.
    void logReceived(const QList<liveview::LogEntry> &entries);
    void sessionDetailReady(const liveview::SessionInfo &session,
                            const QList<liveview::LogEntry> &log);
    void actionFinished(const QString &what, bool ok, const QString &error);
    // A remote source that cannot reach its server says so (and again once it can).
    void reachabilityChanged(bool reachable, const QString &error);
};

} // namespace livedeck::admin
