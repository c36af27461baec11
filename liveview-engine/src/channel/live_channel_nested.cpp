// Nested views on the channel: a child's join (<.live_render>), its link to the parent
// (sendParent, callParent, linkToParent), and children ending with their parent.
#include "../view/view_runtime.h"
#include "connection.h"
#include "live_channel.h"
#include "protocol_keys.h"

#include <QJsonArray>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcChannel)

namespace liveview::internal {

NestedViewContext LiveChannel::nestedViewContext() const
{
    const EndpointContext &ctx = m_connection->context();
    NestedViewContext nested;
    nested.signer = ctx.signer;
    nested.sessionId = m_connection->session().id;
    if (const auto &stats = m_connection->stats())
        nested.remoteAddress = stats->remoteAddress.toString();
    nested.tokenTtlSeconds = ctx.viewTokenTtlSeconds;
    nested.url = m_url;
    return nested;
}

bool LiveChannel::joinNested(const Frame &frame, const QJsonObject &claimSet)
{
    const QString module = claimSet.value(claims::module).toString();
    const LiveView::Factory factory = LiveView::module(module);
    if (!factory)
        return refuseJoin(frame, reasons::unauthorized,
                          QStringLiteral("no live view registered as %1").arg(module));
    const bool sticky = claimSet.value(claims::sticky).toBool();
    LiveChannel *parent = nullptr;
    if (!sticky) {
        // Children join after their parent's join; a parent that is gone (crashed, left) is not
        // a reason to reload the page: the client retries the child a few times, as for a crash.
        parent = m_connection->liveChannel(QStringLiteral("lv:") +
                                           claimSet.value(claims::parentId).toString());
        // The token names the parent instance that rendered it: one of an earlier instance (the
        // parent crashed, or navigated, since) is not joined under today's.
        if (!parent || parent->m_crashed || !parent->m_runtime ||
            claimSet.value(claims::parentInstance).toString() !=
                QString::number(parent->m_runtime->instance())) {
            qCInfo(lcChannel) << "join of child" << m_topic << "refused: its parent is not joined";
            m_connection->reply(frame, status::error,
                                {{keys::reason, QStringLiteral("parent not joined")}});
            return false;
        }
        m_parent = parent;
        // Children that left or crashed left null pointers behind: drop them first, so a child
        // opened and closed many times keeps the list at what is joined.
        parent->m_children.removeIf([](const QPointer<LiveChannel> &c) { return c.isNull(); });
        parent->m_children.append(this);
        m_url = parent->m_url;
        m_routePattern = parent->m_routePattern;
    } else {
        m_routePattern = QStringLiteral("sticky ") + module;
    }
    m_sessionId = m_connection->session().id;
    try {
        m_runtime = std::make_unique<ViewRuntime>(factory(), m_topic.mid(3), true);
        m_runtime->setNested(!sticky);
        m_runtime->setConnectParams(frame.payload.value(keys::params).toObject().toVariantMap());
        m_runtime->mailbox()->attach(this,
                                     [this](const QVariant &message) { deliverInfo(message); });
        m_runtime->setNestedViewSource(this);
        if (parent) {
            QPointer<LiveChannel> to(parent);
            // Like send(parent_pid, msg): queued to the parent's mailbox, dropped once it is gone.
            std::weak_ptr<InfoMailbox> parentBox = parent->m_runtime->mailbox();
            m_runtime->setParentLink({[parentBox](const QVariant &message) {
                                          if (auto box = parentBox.lock())
                                              box->post(message);
                                      },
                                      [to](const QVariant &request) {
                                          if (!to)
                                              throw std::runtime_error("the parent view is gone");
                                          return to->answerChildCall(request);
                                      },
                                      [this] { m_linkedToParent = true; }});
        }
        QVariantMap session = claimSet.value(claims::childSession).toObject().toVariantMap();
        session.insert(mountSessionIdKey, m_sessionId);
        if (const auto &stats = m_connection->stats())
            session.insert(mountRemoteAddressKey, stats->remoteAddress.toString());
        m_runtime->mountNested(session);
        if (m_crashed) // the parent crashed answering this mount's callParent: it ended us
            throw std::runtime_error("the parent view ended during the mount");
        m_runtime->connect();
        m_runtime->setConnectParams({});
        listenForReloads();
        const QJsonObject rendered = renderJoinTree();
        registerSession();
        const SendAttribution attribution(m_connection, m_record.get());
        m_connection->reply(frame, status::ok,
                            {{keys::rendered, rendered}, {keys::liveviewVersion, liveViewVersion}});
        return true;
    } catch (const std::exception &e) {
        qCCritical(lcChannel).noquote() << "mount of child" << m_topic << "crashed:" << e.what();
        m_runtime.reset();
        m_connection->reply(frame, status::error, {{keys::reason, reasons::joinCrashed}});
        if (parent)
            parent->m_children.removeAll(this);
        // A child linked to its parent takes the parent down with it, as a linked process does.
        if (m_linkedToParent && m_parent && !m_parent->m_crashed)
            m_parent->crash("a linked child's mount",
                            std::runtime_error("linked child " + m_topic.toStdString() +
                                               " crashed in mount: " + e.what()));
        return false;
    }
}

QVariant LiveChannel::answerChildCall(const QVariant &request)
{
    if (m_crashed || !m_runtime)
        throw std::runtime_error("the parent view is gone");
    const SendAttribution attribution(m_connection, m_record.get());
    try {
        catchUp(); // the parent's own state first, as for an event
        QVariant answer = m_runtime->handleCall(request);
        finishCallback(nullptr);
        return answer;
    } catch (const std::exception &e) {
        crash("handle_call", e);
        throw std::runtime_error(std::string("the parent view crashed answering: ") + e.what());
    }
}

void LiveChannel::endChildren()
{
    const QList<QPointer<LiveChannel>> children = std::exchange(m_children, {});
    for (const QPointer<LiveChannel> &child : children) {
        if (!child || child->m_crashed)
            continue;
        // The client ends them too (it destroys a crashed or departed parent's children) and
        // may still send their leave: the connection answers it without a channel. The child's
        // view may be on the stack right now (its callParent made this parent crash), so its
        // runtime goes with the channel (deleteLater), not here; m_crashed stops its work.
        child->m_crashed = true;
        child->m_endedWithParent = true;
        child->endChildren();
        m_connection->channelClosed(child->m_topic, child);
    }
}

} // namespace liveview::internal
