// The chat product's view. Messages reach it as PubSub broadcasts on their room's topic (the
// sender's view too) and go straight into the stream; older ones are read from the history
// when the browser reports the top of the list in view (phx-viewport-top).
#include "chat_page.h"

#include "chat_membership.h"
#include "chat_message_format.h"
#include "chat_nicknames.h"
#include "chat_room_directory.h"

#include <examples/chat_archiver.h>
#include <examples/chat_history.h>
#include <examples/chat_room_log.h>
#include <liveview/cluster.h>
#include <liveview/presence.h>
#include <liveview/pubsub.h>

#include <QDateTime>
#include <QTimer>

namespace livedeck::chat {
namespace {
const QString messages = QStringLiteral("messages"); // the stream

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

qint64 rowOf(const QVariant &message)
{
    return message.toMap().value(QStringLiteral("row")).toLongLong();
}
} // namespace

ChatPage::ChatPage(ChatServices services) : m_services(std::move(services))
{
}

ChatPage::~ChatPage()
{
    // What was on screen counts as read (not written per message: hundreds of readers would
    // each write for every message).
    if (m_live && !m_room.isEmpty())
        m_services.membership->joinAndMarkRead(m_sessionId, m_room);
}

QString ChatPage::presenceTopic(const QString &room)
{
    return QStringLiteral("chat-online:") + room;
}

QString ChatPage::typingTopic(const QString &room)
{
    return QStringLiteral("chat-typing:") + room;
}

void ChatPage::mount(const QVariantMap &, const QVariantMap &session)
{
    m_sessionId = session.value(QStringLiteral("session_id")).toString();
    m_nickname = m_services.nicknames->nicknameOf(m_sessionId);
    m_roomNames = m_services.rooms->names();
    for (const QString &room : m_services.membership->joinedRooms(m_sessionId))
        m_joined.insert(room);
    m_unread = m_services.membership->unreadCounts(m_sessionId);
    assign(QStringLiteral("nick"), m_nickname);
    assign(QStringLiteral("nick_error"), QVariant());
    assign(QStringLiteral("room_error"), QVariant());
    assign(QStringLiteral("send_error"), QVariant());
    assign(QStringLiteral("draft"), QString());
    setMonitorUser(m_nickname);
    stream(messages, {});
}

void ChatPage::handleParams(const QVariantMap &params, const QUrl &)
{
    const QString wanted = params.value(QStringLiteral("room")).toString();
    const bool known = m_services.rooms->exists(wanted);
    // A room in the URL that does not exist: say so, show the lobby (never echo it unescaped).
    assign(QStringLiteral("room_error"),
           wanted.isEmpty() || known
               ? QVariant()
               : QVariant(QStringLiteral("There is no room “%1”.").arg(wanted.left(60))));
    const QString room = known ? wanted : QStringLiteral("lobby");
    if (room == m_room)
        return;
    leaveRoom();
    enterRoom(room);
}

void ChatPage::connected()
{
    m_live = true;
    subscribe(ChatRoomDirectory::topic());
    for (const QString &room : std::as_const(m_joined))
        subscribeToRoom(room);
    subscribe(presenceTopic(m_room));
    subscribe(typingTopic(m_room));
    trackPresence(presenceTopic(m_room), m_nickname);
    // Said between the first render and these subscriptions: read it (a repeat of a message
    // heard meanwhile replaces its own row in the browser, same DOM id).
    const QString topic = ChatRoomDirectory::messageTopic(m_room);
    for (const QVariant &m : m_services.history->after(topic, m_newestRow, 200)) {
        streamInsert(messages, ChatMessageFormat::display(m.toMap()));
        m_newestRow = rowOf(m);
    }
    const auto tell = infoSender();
    m_typingExpiry = std::make_unique<QTimer>();
    m_typingExpiry->setSingleShot(true);
    QObject::connect(m_typingExpiry.get(), &QTimer::timeout, [tell] {
        tell(QVariantMap{{QStringLiteral("chat_tick"), true}});
    });
    m_onlineRefresh = std::make_unique<QTimer>();
    m_onlineRefresh->setSingleShot(true);
    m_onlineRefresh->setInterval(onlineRefreshMs);
    QObject::connect(m_onlineRefresh.get(), &QTimer::timeout, [tell] {
        tell(QVariantMap{{QStringLiteral("chat_online"), true}});
    });
    loadOnline();
}

void ChatPage::subscribeToRoom(const QString &room)
{
    if (m_subscribed.contains(room))
        return;
    m_subscribed.insert(room);
    subscribe(ChatRoomDirectory::messageTopic(room));
}

void ChatPage::enterRoom(const QString &room)
{
    m_room = room;
    m_services.membership->joinAndMarkRead(m_sessionId, room);
    m_joined.insert(room);
    m_unread.insert(room, 0);
    // One row more than a page tells whether anything is older.
    const QString topic = ChatRoomDirectory::messageTopic(room);
    QVariantList page = m_services.history->before(topic, 0, pageSize + 1);
    const bool older = page.size() > pageSize;
    if (older)
        page.removeFirst();
    QVariantList shown;
    for (const QVariant &m : std::as_const(page))
        shown << ChatMessageFormat::display(m.toMap());
    stream(messages, shown, /*reset*/ true);
    m_oldestRow = page.isEmpty() ? 0 : rowOf(page.first());
    m_newestRow = page.isEmpty() ? m_services.history->newestRow(topic) : rowOf(page.last());
    assign(QStringLiteral("has_older"), older);
    assign(QStringLiteral("room"), room);
    setPageTitle(QStringLiteral("#%1 · Chat").arg(room));
    m_typing.clear();
    refreshTyping();
    if (m_live) {
        subscribeToRoom(room);
        subscribe(presenceTopic(room));
        subscribe(typingTopic(room));
        trackPresence(presenceTopic(room), m_nickname);
    }
    loadOnline();
    refreshRooms();
}

void ChatPage::leaveRoom()
{
    if (m_room.isEmpty())
        return;
    m_services.membership->joinAndMarkRead(m_sessionId, m_room);
    if (m_live) {
        untrackPresence(presenceTopic(m_room), m_nickname);
        unsubscribe(presenceTopic(m_room));
        unsubscribe(typingTopic(m_room));
    }
}

void ChatPage::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"send")
        send(value.value(QStringLiteral("body")).toString(), {});
    else if (event == u"typing")
        typed(value.value(QStringLiteral("body")).toString());
    else if (event == u"load-older" && !value.value(QStringLiteral("_overran")).toBool())
        // The client sends an "overran" twin of the event when the reader jumps to the very top;
        // the plain one follows at once. Answering both would send two pages whose replies race
        // on the locked list (the client reorders the first one), so the twin is not answered.
        loadOlder();
    else if (event == u"load-older")
        return;
    else if (event == u"create-room")
        createRoom(value.value(QStringLiteral("name")).toString().trimmed());
    else if (event == u"set-nick")
        changeNickname(value.value(QStringLiteral("nick")).toString());
    else
        LiveView::handleEvent(event, value);
}

void ChatPage::loadOlder()
{
    if (m_oldestRow == 0) {
        assign(QStringLiteral("has_older"), false);
        return;
    }
    const QString topic = ChatRoomDirectory::messageTopic(m_room);
    QVariantList page = m_services.history->before(topic, m_oldestRow, pageSize + 1);
    const bool older = page.size() > pageSize;
    if (older)
        page.removeFirst();
    // Prepended newest first, so the oldest ends up on top.
    for (auto it = page.crbegin(); it != page.crend(); ++it)
        streamInsert(messages, ChatMessageFormat::display(it->toMap()), 0);
    if (!page.isEmpty())
        m_oldestRow = rowOf(page.first());
    assign(QStringLiteral("has_older"), older);
}

void ChatPage::send(const QString &text, const QVariantMap &attachment)
{
    const QString body = text.trimmed();
    if (body.isEmpty() && attachment.isEmpty())
        return;
    if (body.size() > maxMessageLength) {
        assign(QStringLiteral("send_error"),
               QStringLiteral("A message is at most %1 characters.").arg(maxMessageLength));
        return;
    }
    const QString topic = ChatRoomDirectory::messageTopic(m_room);
    // Stored (durably) before anyone sees it: what the sender was acknowledged survives a crash.
    // With several nodes the row is also recorded under its cluster-wide id, so a replay of this
    // message to this node later is recognised.
    const QString node = liveview::RedisCluster::localNodeId();
    const qint64 row = m_services.history->append(topic, m_nickname, body, node, attachment);
    if (row == 0) {
        assign(QStringLiteral("send_error"), QStringLiteral("The message could not be stored."));
        return;
    }
    QVariantMap message{{QStringLiteral("id"), node.isEmpty()
                                                   ? QVariant(row)
                                                   : QVariant(node + u'-' + QString::number(row))},
                        {QStringLiteral("row"), row},
                        {QStringLiteral("user"), m_nickname},
                        {QStringLiteral("body"), body},
                        {QStringLiteral("room"), topic},
                        {QStringLiteral("sent_at"), nowMs()}};
    if (!attachment.isEmpty())
        message.insert(QStringLiteral("attachment"), attachment);
    // Formatted once here rather than by each of the room's pages (links, time, colour); the
    // pages then insert the same map, which the engine can render once per thread.
    message = ChatMessageFormat::display(message);
    if (m_services.exampleLog) // the example's copy of the room, if it has one loaded
        m_services.exampleLog->addIfLoaded(topic, message);
    liveview::PubSub::broadcast(topic, message);
    if (!node.isEmpty()) // the other nodes store it too (examples::ChatArchiver)
        liveview::PubSub::broadcast(examples::ChatArchiver::topic(), message);
    assign(QStringLiteral("draft"), QString());
    assign(QStringLiteral("send_error"), QVariant());
    m_lastTypingSentMs = 0;
}

void ChatPage::typed(const QString &draft)
{
    assign(QStringLiteral("draft"), draft.left(maxMessageLength));
    const qint64 now = nowMs();
    if (!m_live || draft.trimmed().isEmpty() ||
        now - m_lastTypingSentMs < ChatTyping::sendIntervalMs)
        return;
    m_lastTypingSentMs = now;
    broadcastFrom(typingTopic(m_room), QVariantMap{{QStringLiteral("typing"), m_nickname},
                                                   {QStringLiteral("room"), m_room}});
}

void ChatPage::createRoom(const QString &name)
{
    switch (m_services.rooms->create(name, m_nickname)) {
    case ChatRoomDirectory::Creation::InvalidName:
        assign(QStringLiteral("room_error"), ChatRoomDirectory::nameRule());
        return;
    case ChatRoomDirectory::Creation::StoreFailed:
        assign(QStringLiteral("room_error"), QStringLiteral("The room could not be created."));
        return;
    case ChatRoomDirectory::Creation::Created:
    case ChatRoomDirectory::Creation::AlreadyThere:
        break;
    }
    if (!m_roomNames.contains(name)) {
        m_roomNames = m_services.rooms->names();
        refreshRooms();
    }
    pushPatch(QStringLiteral("/chat?room=") + name);
}

void ChatPage::changeNickname(const QString &wanted)
{
    const QString nickname = ChatNicknames::normalized(wanted);
    if (nickname.isEmpty()) {
        assign(
            QStringLiteral("nick_error"),
            QStringLiteral("A name is 1 to %1 visible characters.").arg(ChatNicknames::maxLength));
        return;
    }
    if (!m_services.nicknames->remember(m_sessionId, nickname)) {
        assign(QStringLiteral("nick_error"), QStringLiteral("The name could not be saved."));
        return;
    }
    if (m_live && nickname != m_nickname) {
        untrackPresence(presenceTopic(m_room), m_nickname);
        trackPresence(presenceTopic(m_room), nickname);
    }
    m_nickname = nickname;
    assign(QStringLiteral("nick"), nickname);
    assign(QStringLiteral("nick_error"), QVariant());
    setMonitorUser(nickname);
}

liveview::Template ChatPage::render() const
{
    return liveview::Template::load(QStringLiteral("chat/chat.heex"));
}

} // namespace livedeck::chat
