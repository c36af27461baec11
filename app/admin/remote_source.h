#pragma once
// The admin window's data from a LiveDeck running elsewhere (`livedeck admin --connect URL`):
// the admin HTTP API (docs/admin-api.md) polled with the bearer token. Large snapshots are
// parsed on a pool thread so the window stays responsive while watching 20,000 sessions.

#include "admin_data_source.h"

#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QTimer>

class QNetworkReply;

namespace livedeck::admin {

class RemoteSource final : public AdminDataSource
{
    Q_OBJECT
public:
    RemoteSource(QUrl server, QByteArray token,
                 std::chrono::milliseconds pollInterval = std::chrono::seconds(1),
                 QObject *parent = nullptr);
    ~RemoteSource() override;

    QString description() const override { return m_server.toString(); }
    bool canControlServer() const override { return false; }
    // The address this window reached the server at, not the one it listens on over there.
    QUrl dashboardUrl(const liveview::ServerInfo &) const override { return m_server; }
    void refresh() override;
    void requestSessionDetail(quint64 sessionId) override;
    void disconnectSession(quint64 sessionId) override;
    void disconnectUser(const QString &user) override;
    void broadcast(const QString &topic, const QVariant &message) override;
    void setDraining(bool draining) override;
    void setServerRunning(bool running) override;

private:
    QNetworkRequest request(const QString &path,
                            const QList<std::pair<QString, QString>> &query = {}) const;
    // The body of a successful answer, or null after reporting what went wrong.
    std::optional<QJsonObject> answer(QNetworkReply *reply, QString *error);
    void post(const QString &path, const QJsonObject &body, const QString &what);
    void pollLog();
    void setReachable(bool reachable, const QString &error);

    QUrl m_server;
    QByteArray m_token;
    QNetworkAccessManager m_network;
    QTimer m_poll;
    QFutureWatcher<liveview::MonitorSnapshot> m_parse;
    QNetworkReply *m_snapshotReply = nullptr;
    QNetworkReply *m_logReply = nullptr;
    quint64 m_lastLogSeq = 0;
    bool m_reachable = true;
};

} // namespace livedeck::admin
