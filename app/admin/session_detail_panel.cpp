// The session detail panel.
#include "session_detail_panel.h"

#include "display_format.h"
#include "log_model.h"

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace livedeck::admin {

SessionDetailPanel::SessionDetailPanel(QWidget *parent)
    : QWidget(parent), m_header(new QLabel(this)), m_topics(new QListWidget(this)),
      m_events(new QTreeWidget(this)), m_log(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("sessionDetailPanel"));
    m_header->setObjectName(QStringLiteral("sessionDetailHeader"));
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    m_topics->setObjectName(QStringLiteral("sessionDetailTopics"));
    m_events->setObjectName(QStringLiteral("sessionDetailEvents"));
    m_events->setHeaderLabels({tr("Time"), tr("Event"), tr("Duration")});
    m_events->setRootIsDecorated(false);
    m_events->setUniformRowHeights(true);
    m_log->setObjectName(QStringLiteral("sessionDetailLog"));
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setMaximumBlockCount(500);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_topics);
    splitter->addWidget(m_events);
    splitter->addWidget(m_log);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_header);
    layout->addWidget(splitter);
    setSessionId(0);
}

void SessionDetailPanel::setSessionId(quint64 sessionId)
{
    if (sessionId == m_sessionId && sessionId != 0)
        return;
    m_sessionId = sessionId;
    m_topics->clear();
    m_events->clear();
    m_log->clear();
    m_header->setText(sessionId == 0 ? tr("No session selected.")
                                     : tr("Session %1: loading…").arg(sessionId));
}

void SessionDetailPanel::showDetail(const liveview::SessionInfo &s,
                                    const QList<liveview::LogEntry> &log)
{
    if (s.id != m_sessionId || m_sessionId == 0)
        return;
    m_header->setText(
        tr("<b>Session %1</b> · %2 (%3)<br>user %4 · %5 · node %6<br>%7 since %8 · %9 restarts")
            .arg(s.id)
            .arg(s.path.toHtmlEscaped(), s.viewClass.toHtmlEscaped(),
                 s.user.isEmpty() ? tr("–") : s.user.toHtmlEscaped(), s.remoteAddress.toString(),
                 s.node.toHtmlEscaped(), liveview::sessionStateName(s.state),
                 s.connectedSince.toLocalTime().toString(Qt::ISODate))
            .arg(s.restarts) +
        (s.endReason.isEmpty() ? QString() : QStringLiteral("<br>") + s.endReason.toHtmlEscaped()));
    m_topics->clear();
    m_topics->addItems(s.topics);
    m_events->clear();
    QList<QTreeWidgetItem *> items;
    // Newest first: the operator looks for what just happened.
    for (auto it = s.recent.crbegin(); it != s.recent.crend(); ++it)
        items.append(
            new QTreeWidgetItem({it->at.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")),
                                 it->name, formatMilliseconds(it->durationMs)}));
    m_events->addTopLevelItems(items);
    QStringList lines;
    for (const liveview::LogEntry &e : log)
        lines.append(LogModel::lineOf(e));
    m_log->setPlainText(lines.join(u'\n'));
}

} // namespace livedeck::admin
