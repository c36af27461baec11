// Default callbacks and the page-facing API of LiveView.
#include "liveview/live_view.h"

#include "../monitor/session_record.h"
#include "../pubsub/mailbox_pubsub.h"
#include "../pubsub/view_presence.h"
#include "../template/value_format.h"
#include "../upload/view_uploads.h"
#include "stream_table.h"
#include "view_runtime.h"

#include <QJsonValue>
#include <QLoggingCategory>
#include <QReadWriteLock>

Q_LOGGING_CATEGORY(lcView, "liveview.view")

namespace liveview {

LiveView::LiveView() = default;
LiveView::~LiveView() = default;

void LiveView::mount(const QVariantMap &, const QVariantMap &)
{
}

void LiveView::handleParams(const QVariantMap &, const QUrl &)
{
}

void LiveView::connected()
{
}

void LiveView::handleEvent(const QString &event, const QVariantMap &)
{
    // Like an unmatched handle_event clause, but without crashing the view over a stray event.
    qCWarning(lcView) << "view" << viewId() << "has no handler for event" << event;
}

void LiveView::handleAsync(const QString &name, const QVariant &, const QString &error)
{
    qCWarning(lcView) << "view" << viewId() << "ignored the result of async task" << name << error;
}

void LiveView::assignAsync(const QString &key, AsyncWork work)
{
    if (!m_runtime)
        return;
    m_assigns.assign(key, QVariantMap{{QStringLiteral("loading"), true}});
    m_runtime->asyncTasks().start(key, true, std::move(work));
}

void LiveView::startAsync(const QString &name, AsyncWork work)
{
    if (m_runtime)
        m_runtime->asyncTasks().start(name, false, std::move(work));
}

void LiveView::cancelAsync(const QString &name)
{
    if (m_runtime)
        m_runtime->asyncTasks().cancel(name);
}

void LiveView::handleInfo(const QVariant &message)
{
    qCWarning(lcView) << "view" << viewId() << "ignored message" << message;
}

QVariant LiveView::handleCall(const QVariant &request)
{
    throw std::runtime_error("view " + viewId().toStdString() +
                             " has no handleCall for a child's request " +
                             request.toString().toStdString());
}

QVariantMap LiveView::connectParams() const
{
    return m_runtime ? m_runtime->connectParams() : QVariantMap();
}

bool LiveView::isNested() const
{
    return m_runtime && m_runtime->isNested();
}

void LiveView::sendParent(const QVariant &message)
{
    if (m_runtime && m_runtime->parentLink())
        m_runtime->parentLink()->send(message);
}

QVariant LiveView::callParent(const QVariant &request)
{
    if (!m_runtime || !m_runtime->parentLink())
        throw std::runtime_error("callParent: view " + viewId().toStdString() +
                                 " has no parent to call");
    return m_runtime->parentLink()->call(request);
}

void LiveView::linkToParent()
{
    if (m_runtime && m_runtime->parentLink())
        m_runtime->parentLink()->link();
}

namespace {
struct ViewModules
{
    QReadWriteLock lock;
    QHash<QString, LiveView::Factory> factories;
};
ViewModules &viewModules()
{
    static ViewModules m;
    return m;
}
} // namespace

void LiveView::registerModule(const QString &name, Factory factory)
{
    QWriteLocker locker(&viewModules().lock);
    viewModules().factories.insert(name, std::move(factory));
}

LiveView::Factory LiveView::module(const QString &name)
{
    QReadLocker locker(&viewModules().lock);
    return viewModules().factories.value(name);
}

bool LiveView::isConnected() const
{
    return m_runtime && m_runtime->isConnected();
}

QString LiveView::viewId() const
{
    return m_runtime ? m_runtime->viewId() : QString();
}

void LiveView::setPageTitle(const QString &title)
{
    if (m_runtime)
        m_runtime->setPageTitle(title);
}

void LiveView::pushEvent(const QString &name, const QVariantMap &payload)
{
    if (m_runtime)
        m_runtime->pushEvent(name, payload);
}

void LiveView::pushPatch(const QString &to, bool replace)
{
    if (m_runtime)
        m_runtime->navigate(internal::ViewRuntime::Navigation::Kind::Patch, to, replace);
}

void LiveView::pushNavigate(const QString &to, bool replace)
{
    if (m_runtime)
        m_runtime->navigate(internal::ViewRuntime::Navigation::Kind::Navigate, to, replace);
}

void LiveView::redirect(const QString &to)
{
    if (m_runtime)
        m_runtime->navigate(internal::ViewRuntime::Navigation::Kind::Redirect, to, false);
}

void LiveView::putFlash(const QString &kind, const QString &message)
{
    QVariantMap flash = m_assigns.value(QStringLiteral("flash")).toMap();
    flash.insert(kind, message);
    m_assigns.assign(QStringLiteral("flash"), flash);
}

void LiveView::clearFlash(const QString &kind)
{
    QVariantMap flash = m_assigns.value(QStringLiteral("flash")).toMap();
    if (kind.isEmpty())
        flash.clear();
    else
        flash.remove(kind);
    m_assigns.assign(QStringLiteral("flash"), flash);
}

bool LiveView::sendUpdate(const QString &module, const QString &id, const QVariantHash &attributes)
{
    return m_runtime && m_runtime->components().sendUpdate(module, id, attributes);
}

void LiveView::replyToEvent(const QVariantMap &payload)
{
    if (m_runtime)
        m_runtime->setEventReply(QJsonObject::fromVariantMap(payload));
}

std::function<void(const QString &, const QString &, const QVariantHash &)>
LiveView::updateSender() const
{
    if (!m_runtime)
        return [](const QString &, const QString &, const QVariantHash &) {};
    std::weak_ptr<internal::InfoMailbox> mailbox = m_runtime->mailbox();
    return [mailbox](const QString &module, const QString &id, const QVariantHash &attributes) {
        if (auto box = mailbox.lock())
            box->post(QVariant::fromValue(internal::ComponentUpdate{module, id, attributes}));
    };
}

void LiveView::subscribe(const QString &topic)
{
    if (!m_runtime)
        return;
    internal::MailboxPubSub::subscribe(topic, m_runtime->mailbox());
    if (internal::SessionRecord *record = m_runtime->monitorRecord())
        record->addTopic(topic);
}

void LiveView::setMonitorUser(const QString &user)
{
    if (m_runtime)
        m_runtime->setMonitorUser(user);
}

void LiveView::unsubscribe(const QString &topic)
{
    if (!m_runtime)
        return;
    internal::MailboxPubSub::unsubscribe(topic, m_runtime->mailbox());
    if (internal::SessionRecord *record = m_runtime->monitorRecord())
        record->removeTopic(topic);
}

void LiveView::broadcastFrom(const QString &topic, const QVariant &message)
{
    internal::MailboxPubSub::broadcastFrom(m_runtime ? m_runtime->mailbox() : nullptr, topic,
                                           message);
}

void LiveView::trackPresence(const QString &topic, const QString &key, const QVariantMap &meta)
{
    if (m_runtime)
        internal::ViewPresence::track(m_runtime->mailbox(), topic, key, meta);
}

void LiveView::untrackPresence(const QString &topic, const QString &key)
{
    if (m_runtime)
        internal::ViewPresence::untrack(m_runtime->mailbox(), topic, key);
}

std::function<void(const QVariant &)> LiveView::infoSender() const
{
    if (!m_runtime)
        return [](const QVariant &) {};
    std::weak_ptr<internal::InfoMailbox> mailbox = m_runtime->mailbox();
    return [mailbox](const QVariant &message) {
        if (auto box = mailbox.lock())
            box->post(message);
    };
}

bool Assigns::assign(const QString &key, const QVariant &value)
{
    auto it = m_values.find(key);
    // Strict: Qt's own equality calls {flag: true} and {flag: 1} equal, which render differently.
    if (it != m_values.end() && internal::identicalValues(*it, value))
        return false;
    if (it != m_values.end())
        *it = value;
    else
        m_values.insert(key, value);
    m_changed.insert(key);
    return true;
}

} // namespace liveview

namespace liveview {

QVariantMap LiveView::checkpoint() const
{
    QVariantMap state;
    for (const QString &key : checkpointedAssigns()) {
        const QVariant value = m_assigns.value(key);
        const QJsonValue json = QJsonValue::fromVariant(value);
        if (json.isUndefined() || (json.isNull() && !value.isNull()))
            continue; // no JSON form (a Form, a pointer): the view must rebuild it in mount
        state.insert(key, value);
    }
    return state;
}

void LiveView::restore(const QVariantMap &state)
{
    // Only what the view names now: a checkpoint written by an older release (or edited) cannot
    // bring back anything else, such as what mount derives from the session.
    for (const QString &key : checkpointedAssigns())
        if (state.contains(key))
            assign(key, state.value(key));
}

} // namespace liveview
