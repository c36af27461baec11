// The PubSub and Presence page (see pubsub_view.h).
#include "pubsub_view.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <liveview/monitor.h>

namespace livedeck::dashboards {

DashboardView::Options feedPage(const QString &page, const QString &title, const QString &file);

using widgets::TableColumn;

PubSubView::PubSubView()
    : DashboardView(feedPage(QStringLiteral("pubsub"), QStringLiteral("PubSub & Presence"),
                             QStringLiteral("pubsub.heex"))),
      m_topics(QStringLiteral("topics"),
               {{QStringLiteral("topic"), QStringLiteral("Topic")},
                {QStringLiteral("subscribers"), QStringLiteral("Subscribers"),
                 TableColumn::Kind::Number},
                {QStringLiteral("rate"), QStringLiteral("Messages/s"), TableColumn::Kind::Number},
                {QStringLiteral("bytes"), QStringLiteral("Bytes/s"), TableColumn::Kind::Number},
                {QStringLiteral("messages"), QStringLiteral("Messages"), TableColumn::Kind::Number},
                {QStringLiteral("scope"), QStringLiteral("Scope"), TableColumn::Kind::Badge}},
               QStringLiteral("subscribers"), true, 25),
      m_presences(QStringLiteral("presences"),
                  {{QStringLiteral("topic"), QStringLiteral("Topic")},
                   {QStringLiteral("key"), QStringLiteral("Key")},
                   {QStringLiteral("metas"), QStringLiteral("Metas"), TableColumn::Kind::Number},
                   {QStringLiteral("node"), QStringLiteral("Node")},
                   {QStringLiteral("since"), QStringLiteral("Since"), TableColumn::Kind::Number}},
                  QStringLiteral("topic"), false, 25)
{
}

void PubSubView::mountPage(const QVariantMap &params)
{
    assign(QStringLiteral("broadcast_error"), QString());
    m_topics.applyParams(params);
    m_presences.applyParams(params);
}

void PubSubView::pageParams(const QVariantMap &params)
{
    m_topics.applyParams(params);
    m_presences.applyParams(params);
    showFeed(lastFeed());
}

QVariantList PubSubView::rows(const char *key) const
{
    return lastFeed().value(QStringLiteral("server")).toMap().value(QLatin1String(key)).toList();
}

void PubSubView::showFeed(const QVariantMap &)
{
    stream(QStringLiteral("topics"), m_topics.page(rows("topics")), true);
    assign(QStringLiteral("topics_table"), m_topics.model());
    stream(QStringLiteral("presences"), m_presences.page(rows("presences")), true);
    assign(QStringLiteral("presences_table"), m_presences.model());
}

void PubSubView::pageEvent(const QString &event, const QVariantMap &value)
{
    QUrl patch;
    if (m_topics.handleEvent(event, value, currentUrl(), &patch) ||
        m_presences.handleEvent(event, value, currentUrl(), &patch)) {
        patchTo(patch);
    } else if (event == u"lw-table-csv") {
        const bool topics = value.value(QStringLiteral("table")).toString() == u"topics";
        download(topics ? QStringLiteral("topics.csv") : QStringLiteral("presences.csv"),
                 topics ? m_topics.csv(rows("topics")) : m_presences.csv(rows("presences")));
    } else if (event == u"broadcast") {
        broadcast(value);
    } else {
        DashboardView::pageEvent(event, value);
    }
}

void PubSubView::broadcast(const QVariantMap &form)
{
    const QString topic = form.value(QStringLiteral("topic")).toString().trimmed();
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(
        form.value(QStringLiteral("message")).toString().toUtf8(), &parseError);
    QString error;
    if (isReadOnly())
        error = QStringLiteral("The server is read-only: actions are refused.");
    else if (topic.isEmpty() || topic.size() > 200)
        error = QStringLiteral("Name a topic (at most 200 characters).");
    else if (!json.isObject())
        error =
            QStringLiteral("The message must be a JSON object: %1")
                .arg(parseError.error == QJsonParseError::NoError ? QStringLiteral("not an object")
                                                                  : parseError.errorString());
    else if (!liveview::Admin::broadcast(topic, json.object().toVariantMap(), &error) &&
             error.isEmpty())
        error = QStringLiteral("The broadcast was refused.");
    assign(QStringLiteral("broadcast_error"), error);
    if (error.isEmpty())
        toast(QStringLiteral("ok"), QStringLiteral("Broadcast to %1.").arg(topic));
}

} // namespace livedeck::dashboards
