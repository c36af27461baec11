// Polling a remote LiveDeck's admin HTTP API.
#include "remote_source.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>

namespace livedeck::admin {

RemoteSource::RemoteSource(QUrl server, QByteArray token, std::chrono::milliseconds pollInterval,
                           QObject *parent)
    : AdminDataSource(parent), m_server(std::move(server)), m_token(std::move(token))
{
    m_poll.setInterval(pollInterval);
    connect(&m_poll, &QTimer::timeout, this, &RemoteSource::refresh);
    connect(&m_parse, &QFutureWatcherBase::finished, this,
            [this] { emit snapshotReady(m_parse.result()); });
    m_poll.start();
}

RemoteSource::~RemoteSource()
{
    m_parse.waitForFinished();
}

QNetworkRequest RemoteSource::request(const QString &path,
                                      const QList<std::pair<QString, QString>> &query) const
{
    QUrl url = m_server;
    url.setPath(QStringLiteral("/admin/api/") + path);
    QUrlQuery q;
    for (const auto &[key, value] : query)
        q.addQueryItem(key, value);
    url.setQuery(q);
    QNetworkRequest r(url);
    r.setRawHeader("Authorization", "Bearer " + m_token);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    r.setTransferTimeout(10000);
    return r;
}

std::optional<QJsonObject> RemoteSource::answer(QNetworkReply *reply, QString *error)
{
    reply->deleteLater();
    const QByteArray body = reply->readAll();
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && status == 200) {
        setReachable(true, {});
        return json;
    }
    // The server's own words first (401 wrong token, 403 read-only or address not allowed).
    *error = json.value(QStringLiteral("error")).toString();
    if (error->isEmpty())
        *error = reply->errorString();
    // A refused action (403 read-only) says nothing about the link; these do.
    if (status == 0 || status == 401)
        setReachable(false, *error);
    return std::nullopt;
}

void RemoteSource::setReachable(bool reachable, const QString &error)
{
    if (reachable == m_reachable && reachable)
        return;
    m_reachable = reachable;
    emit reachabilityChanged(reachable, error);
}

void RemoteSource::refresh()
{
    pollLog();
    // One snapshot at a time, parsed off the GUI thread; a slow server is not asked twice.
    if (m_snapshotReply || m_parse.isRunning())
        return;
    m_snapshotReply = m_network.get(request(QStringLiteral("snapshot")));
    connect(m_snapshotReply, &QNetworkReply::finished, this, [this] {
        QNetworkReply *reply = std::exchange(m_snapshotReply, nullptr);
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            const QString error =
                QJsonDocument::fromJson(reply->readAll()).object().value(u"error").toString();
            setReachable(false, error.isEmpty() ? reply->errorString() : error);
            return;
        }
        setReachable(true, {});
        m_parse.setFuture(QtConcurrent::run([body = reply->readAll()] {
            return liveview::monitorSnapshotFromJson(QJsonDocument::fromJson(body).object());
        }));
    });
}

void RemoteSource::pollLog()
{
    if (m_logReply)
        return;
    m_logReply = m_network.get(
        request(QStringLiteral("log"), {{QStringLiteral("after"), QString::number(m_lastLogSeq)},
                                        {QStringLiteral("max"), QStringLiteral("1000")}}));
    connect(m_logReply, &QNetworkReply::finished, this, [this] {
        QString error;
        const auto json = answer(std::exchange(m_logReply, nullptr), &error);
        if (!json)
            return;
        QList<liveview::LogEntry> entries;
        for (const QJsonValue &v : json->value(QStringLiteral("entries")).toArray())
            entries.append(liveview::logEntryFromJson(v.toObject()));
        if (entries.isEmpty())
            return;
        m_lastLogSeq = entries.last().seq;
        emit logReceived(entries);
    });
}

void RemoteSource::requestSessionDetail(quint64 sessionId)
{
    const QString id = QString::number(sessionId);
    QNetworkReply *session = m_network.get(request(QStringLiteral("session"), {{"id", id}}));
    connect(session, &QNetworkReply::finished, this, [this, session, id, sessionId] {
        const bool unknown =
            session->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 404;
        QString error;
        const auto json = answer(session, &error);
        if (!json && !unknown)
            return;
        const liveview::SessionInfo info =
            json ? liveview::sessionInfoFromJson(*json) : forgottenSession(sessionId);
        QNetworkReply *log = m_network.get(
            request(QStringLiteral("log"), {{"session", id}, {"max", QStringLiteral("200")}}));
        connect(log, &QNetworkReply::finished, this, [this, log, info] {
            QString logError;
            QList<liveview::LogEntry> entries;
            if (const auto lines = answer(log, &logError))
                for (const QJsonValue &v : lines->value(QStringLiteral("entries")).toArray())
                    entries.append(liveview::logEntryFromJson(v.toObject()));
            emit sessionDetailReady(info, entries);
        });
    });
}

void RemoteSource::post(const QString &path, const QJsonObject &body, const QString &what)
{
    QNetworkReply *reply =
        m_network.post(request(path), QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply, what] {
        QString error;
        const auto json = answer(reply, &error);
        emit actionFinished(what, json.has_value(), error);
        refresh();
    });
}

void RemoteSource::disconnectSession(quint64 sessionId)
{
    post(QStringLiteral("disconnect-session"), {{"id", QJsonValue(qint64(sessionId))}},
         tr("Disconnected session %1").arg(sessionId));
}

void RemoteSource::disconnectUser(const QString &user)
{
    post(QStringLiteral("disconnect-user"), {{"user", user}}, tr("Disconnected %1").arg(user));
}

void RemoteSource::broadcast(const QString &topic, const QVariant &message)
{
    post(QStringLiteral("broadcast"),
         {{"topic", topic}, {"message", QJsonValue::fromVariant(message)}},
         tr("Broadcast to %1").arg(topic));
}

void RemoteSource::setDraining(bool draining)
{
    post(QStringLiteral("drain"), {{"draining", draining}},
         draining ? tr("Draining") : tr("Accepting sockets again"));
}

void RemoteSource::setServerRunning(bool running)
{
    emit actionFinished(running ? tr("Start server") : tr("Stop server"), false,
                        tr("a remote server is started and stopped where it runs"));
}

} // namespace livedeck::admin
