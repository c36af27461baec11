// The status bar fields.
#include "server_status_bar.h"

#include "display_format.h"

#include <QEvent>
#include <QLabel>
#include <QStatusBar>

namespace livedeck::admin {
namespace {

QLabel *addField(QStatusBar *bar, const char *objectName)
{
    auto *label = new QLabel(bar);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setContentsMargins(6, 0, 6, 0);
    bar->addPermanentWidget(label);
    return label;
}

} // namespace

ServerStatusBar::ServerStatusBar(QStatusBar *bar)
    : QObject(bar), m_state(addField(bar, "statusState")), m_url(addField(bar, "statusUrl")),
      m_connections(addField(bar, "statusConnections")), m_redis(addField(bar, "statusRedis")),
      m_rss(addField(bar, "statusRss")), m_uptime(addField(bar, "statusUptime"))
{
    m_url->setTextFormat(Qt::RichText);
    // The window decides what a click does (the same action as the menu's "Open dashboard").
    m_url->setOpenExternalLinks(false);
    connect(m_url, &QLabel::linkActivated, this, &ServerStatusBar::urlClicked);
    m_state->setText(tr("connecting…"));
    m_url->installEventFilter(this);
}

bool ServerStatusBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_url && event->type() == QEvent::PaletteChange)
        showUrl();
    return QObject::eventFilter(watched, event);
}

void ServerStatusBar::showUrl()
{
    // The link colour is named: QLabel keeps the link colour of the palette its text was set
    // under, so switching to the dark theme left the light theme's dark blue on a dark bar.
    const QString text =
        m_listenUrl.isEmpty()
            ? QString()
            : QStringLiteral("<a href=\"%1\" style=\"color:%2\">%1</a>")
                  .arg(m_listenUrl.toHtmlEscaped(), m_url->palette().color(QPalette::Link).name());
    if (text != m_url->text())
        m_url->setText(text);
}

void ServerStatusBar::showServer(const liveview::ServerInfo &s, bool readOnly)
{
    QString state = !s.running ? tr("stopped") : s.draining ? tr("draining") : tr("running");
    if (readOnly)
        state += tr(" · read-only");
    m_state->setText(state);
    m_listenUrl = s.listenUrl;
    showUrl();
    m_connections->setText(tr("%1 / %2 connections").arg(s.connections).arg(s.connectionCap));
    m_redis->setText(tr("Redis: %1").arg(s.redisLink.isEmpty() ? tr("off") : s.redisLink));
    m_rss->setText(tr("RSS %1").arg(formatBytes(double(s.rssBytes))));
    m_uptime->setText(tr("up %1").arg(formatDuration(s.uptimeSeconds)));
    m_summary = tr("LiveDeck %1 — %2, %3 connections").arg(s.listenUrl, state).arg(s.connections);
}

void ServerStatusBar::showUnreachable(const QString &error)
{
    m_state->setText(tr("unreachable: %1").arg(error));
    m_summary = tr("LiveDeck — server unreachable");
}

} // namespace livedeck::admin
