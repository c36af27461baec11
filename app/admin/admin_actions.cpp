// The operator's actions and when each is enabled.
#include "admin_actions.h"

#include "admin_data_source.h"
#include "broadcast_dialog.h"

#include <QAction>
#include <QDesktopServices>
#include <QMessageBox>
#include <QSignalBlocker>

namespace livedeck::admin {
namespace {

QAction *makeAction(QObject *parent, const char *objectName, const QString &text,
                    const QKeySequence &shortcut, const QString &tip)
{
    auto *action = new QAction(text, parent);
    action->setObjectName(QString::fromLatin1(objectName));
    action->setShortcut(shortcut);
    action->setToolTip(tip);
    action->setStatusTip(tip);
    return action;
}

} // namespace

AdminActions::AdminActions(AdminDataSource *source, QWidget *dialogParent)
    : QObject(dialogParent),
      disconnectSession(makeAction(this, "actionDisconnectSession", tr("&Disconnect session"),
                                   QKeySequence::Delete,
                                   tr("Close the selected session's socket; its browser "
                                      "reconnects"))),
      disconnectUser(makeAction(this, "actionDisconnectUser", tr("Disconnect &user"),
                                QKeySequence(Qt::SHIFT | Qt::Key_Delete),
                                tr("Close every socket of the selected session's user"))),
      broadcast(makeAction(this, "actionBroadcast", tr("&Broadcast…"),
                           QKeySequence(Qt::CTRL | Qt::Key_B),
                           tr("Send a message to a PubSub topic"))),
      drain(makeAction(this, "actionDrain", tr("D&rain"), QKeySequence(Qt::CTRL | Qt::Key_D),
                       tr("Refuse new sockets (browsers retry later); uncheck to resume"))),
      startServer(makeAction(this, "actionStartServer", tr("&Start server"), {},
                             tr("Open the port and serve again"))),
      stopServer(makeAction(this, "actionStopServer", tr("S&top server"), {},
                            tr("Close every socket (browsers reconnect) and stop serving"))),
      openDashboard(makeAction(this, "actionOpenDashboard", tr("&Open dashboard"),
                               QKeySequence(Qt::CTRL | Qt::Key_O),
                               tr("Open the server's home page in the browser"))),
      readOnly(makeAction(this, "actionReadOnly", tr("Read-&only"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                          tr("Watch only: every action that changes the server is disabled"))),
      commandPalette(makeAction(this, "actionCommandPalette", tr("&Command palette…"),
                                QKeySequence(Qt::CTRL | Qt::Key_K),
                                tr("Find a session, a topic or an action by name"))),
      refresh(makeAction(this, "actionRefresh", tr("&Refresh"), QKeySequence::Refresh,
                         tr("Ask the server for a fresh snapshot now"))),
      m_source(source), m_dialogParent(dialogParent)
{
    drain->setCheckable(true);
    readOnly->setCheckable(true);
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(m_dialogParent, tr("LiveDeck admin"), question,
                                     QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };
    m_compose = [this](const QStringList &known,
                       const QString &topic) -> std::optional<BroadcastRequest> {
        BroadcastDialog dialog(known, topic, m_dialogParent);
        if (dialog.exec() != QDialog::Accepted || !dialog.isComplete())
            return std::nullopt;
        return BroadcastRequest{dialog.topic(), dialog.message()};
    };
    m_openUrl = [](const QUrl &url) { QDesktopServices::openUrl(url); };

    connect(disconnectSession, &QAction::triggered, this, &AdminActions::onDisconnectSession);
    connect(disconnectUser, &QAction::triggered, this, &AdminActions::onDisconnectUser);
    connect(broadcast, &QAction::triggered, this, &AdminActions::onBroadcast);
    connect(drain, &QAction::triggered, this, &AdminActions::onDrain);
    connect(startServer, &QAction::triggered, this, [this] { m_source->setServerRunning(true); });
    connect(stopServer, &QAction::triggered, this, &AdminActions::onStopServer);
    connect(openDashboard, &QAction::triggered, this, [this] {
        if (m_dashboardUrl.isValid())
            m_openUrl(m_dashboardUrl);
    });
    connect(refresh, &QAction::triggered, m_source, &AdminDataSource::refresh);
    connect(readOnly, &QAction::toggled, this, [this](bool on) {
        updateEnabled();
        emit readOnlyChanged(on);
    });
    updateEnabled();
}

QList<QAction *> AdminActions::all() const
{
    return {disconnectSession, disconnectUser, broadcast, drain,  startServer,
            stopServer,        openDashboard,  readOnly,  refresh};
}

void AdminActions::setCurrentSession(quint64 sessionId, const QString &user, const QString &route)
{
    m_sessionId = sessionId;
    m_user = user;
    m_route = route;
    updateEnabled();
}

void AdminActions::setCurrentTopic(const QString &topic)
{
    m_topic = topic;
}

void AdminActions::setKnownTopics(const QStringList &topics)
{
    m_knownTopics = topics;
}

void AdminActions::setServer(const liveview::ServerInfo &server)
{
    m_running = server.running;
    m_dashboardUrl = m_source->dashboardUrl(server);
    {
        // Reflects the server's state; must not send a drain request back.
        const QSignalBlocker blocker(drain);
        drain->setChecked(server.draining);
    }
    if (server.readOnly != m_serverReadOnly) {
        m_serverReadOnly = server.readOnly;
        // A read-only server refuses every action anyway: say so instead of failing later.
        if (server.readOnly)
            readOnly->setChecked(true);
        readOnly->setEnabled(!server.readOnly);
    }
    updateEnabled();
}

void AdminActions::updateEnabled()
{
    const bool writable = !readOnly->isChecked();
    const bool control = m_source->canControlServer();
    disconnectSession->setEnabled(writable && m_running && m_sessionId != 0);
    disconnectUser->setEnabled(writable && m_running && !m_user.isEmpty());
    disconnectUser->setText(m_user.isEmpty() ? tr("Disconnect &user")
                                             : tr("Disconnect &user %1").arg(m_user));
    broadcast->setEnabled(writable && m_running);
    drain->setEnabled(writable && m_running);
    startServer->setEnabled(writable && control && !m_running);
    stopServer->setEnabled(writable && control && m_running);
    startServer->setVisible(control);
    stopServer->setVisible(control);
    openDashboard->setEnabled(m_running && m_dashboardUrl.isValid());
}

void AdminActions::onDisconnectSession()
{
    if (m_sessionId == 0 || readOnly->isChecked())
        return;
    const quint64 id = m_sessionId;
    if (m_confirm(
            tr("Disconnect session %1 (%2)? Its browser will reconnect.").arg(id).arg(m_route)))
        m_source->disconnectSession(id);
}

void AdminActions::onDisconnectUser()
{
    if (m_user.isEmpty() || readOnly->isChecked())
        return;
    const QString user = m_user;
    if (m_confirm(
            tr("Disconnect every session of user %1? Their browsers will reconnect.").arg(user)))
        m_source->disconnectUser(user);
}

void AdminActions::onBroadcast()
{
    if (readOnly->isChecked())
        return;
    if (const auto request = m_compose(m_knownTopics, m_topic))
        m_source->broadcast(request->topic, request->message);
}

void AdminActions::onDrain(bool draining)
{
    if (readOnly->isChecked())
        return;
    const QString question = draining
                                 ? tr("Drain the server? New sockets are refused until you resume.")
                                 : tr("Resume accepting new sockets?");
    if (m_confirm(question)) {
        m_source->setDraining(draining);
        return;
    }
    const QSignalBlocker blocker(drain);
    drain->setChecked(!draining); // declined: the check mark shows the server's state again
}

void AdminActions::onStopServer()
{
    if (readOnly->isChecked())
        return;
    if (m_confirm(tr("Stop the server? Every browser is disconnected until you start it.")))
        m_source->setServerRunning(false);
}

} // namespace livedeck::admin
