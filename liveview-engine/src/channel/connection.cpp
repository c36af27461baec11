// Socket-level protocol: frame decoding, heartbeat, topic routing and the join/leave bookkeeping.
#include "connection.h"

#include "../monitor/server_status.h"
#include "../upload/upload_channel.h"
#include "address_rate_limiter.h"
#include "live_channel.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcChannel, "liveview.channel")

namespace liveview::internal {

Connection::Connection(std::shared_ptr<const EndpointContext> context, BrowserSession session,
                       FrameSink *sink, QObject *parent)
    : QObject(parent), m_context(std::move(context)), m_session(std::move(session)), m_sink(sink),
      m_stats(std::make_shared<ConnectionStats>())
{
    m_stats->connectedAtMs = QDateTime::currentMSecsSinceEpoch();
}

void Connection::closeByOperator()
{
    if (m_closed)
        return;
    qCInfo(lcChannel) << "closing connection: disconnected by an operator";
    m_closed = true;
    m_sink->closeConnection(CloseCode::OperatorDisconnect,
                            QStringLiteral("disconnected by an operator"));
}

Connection::~Connection()
{
    // Channels are children; delete them first so that views end before the connection state.
    // Upload channels go first: their files are removed and the views find no channel to close.
    const auto uploads = std::exchange(m_uploadChannels, {});
    for (UploadChannel *upload : uploads)
        upload->discard();
    qDeleteAll(uploads);
    const auto channels = std::exchange(m_channels, {});
    for (const auto &[topic, channel] : channels)
        delete channel;
}

LiveChannel *Connection::channelOf(const QString &topic) const
{
    for (const auto &[t, channel] : m_channels)
        if (t == topic)
            return channel;
    return nullptr;
}

LiveChannel *Connection::takeChannel(const QString &topic)
{
    for (auto it = m_channels.begin(); it != m_channels.end(); ++it) {
        if (it->first == topic) {
            LiveChannel *channel = it->second;
            m_channels.erase(it);
            return channel;
        }
    }
    return nullptr;
}

void Connection::send(const QByteArray &frame)
{
    if (m_closed)
        return;
    if (m_attributedTo)
        m_attributedTo->countOut(frame.size());
    ServerStatus::instance().bytesOut.add(quint64(frame.size()));
    if (m_holdUntil > m_durable || !m_held.empty()) {
        m_held.emplace_back(m_holdUntil, frame);
        return;
    }
    m_sink->sendText(frame);
}

void Connection::sendParts(const QByteArray &head, const QByteArray &body, const char *tail)
{
    if (m_closed)
        return;
    if (m_holdUntil > m_durable || !m_held.empty())
        return send(head + body + tail); // held: kept whole until the checkpoint is durable
    const qsizetype size = head.size() + body.size() + qsizetype(qstrlen(tail));
    if (m_attributedTo)
        m_attributedTo->countOut(size);
    ServerStatus::instance().bytesOut.add(quint64(size));
    m_sink->sendTextParts(head, body, tail);
}

void Connection::holdFramesUntil(quint64 sequence)
{
    m_holdUntil = qMax(m_holdUntil, sequence);
}

void Connection::releaseHeldFrames(quint64 durableSequence)
{
    m_durable = qMax(m_durable, durableSequence);
    while (!m_held.empty() && m_held.front().first <= m_durable) {
        const QByteArray frame = std::move(m_held.front().second);
        m_held.pop_front();
        if (!m_closed)
            m_sink->sendText(frame);
    }
}

void Connection::reply(const Frame &request, const QString &status, const QJsonObject &response)
{
    send(encodeReply(request.joinRef, request.ref, request.topic, status, response));
}

void Connection::protocolViolation(CloseCode code, const QString &reason)
{
    qCWarning(lcChannel).noquote() << "closing connection:" << reason;
    if (m_closed)
        return;
    m_closed = true;
    m_sink->closeConnection(code, reason.left(120));
}

void Connection::receiveText(const QByteArray &data)
{
    receive(data, decodeTextFrame);
}

void Connection::receiveBinary(const QByteArray &data)
{
    receive(data, decodeBinaryFrame);
}

void Connection::receive(const QByteArray &data, Decoder decode)
{
    if (m_closed)
        return;
    if (data.size() > m_context->maxFrameBytes) {
        protocolViolation(CloseCode::TooBig,
                          QStringLiteral("frame of %1 bytes exceeds the %2-byte limit")
                              .arg(data.size())
                              .arg(m_context->maxFrameBytes));
        return;
    }
    m_lastFrameBytes = data.size();
    ServerStatus::instance().bytesIn.add(quint64(data.size()));
    QString error;
    const std::optional<Frame> frame = decode(data, &error);
    if (!frame) {
        protocolViolation(CloseCode::InvalidPayload, error);
        return;
    }
    dispatch(*frame);
}

void Connection::dispatch(const Frame &frame)
{
    if (frame.topic == phoenixTopic) {
        if (frame.event == events::heartbeat) {
            reply(frame, status::ok, {});
            m_sink->heartbeatReceived();
        } else {
            qCWarning(lcChannel) << "unknown event on the phoenix topic:" << frame.event;
            reply(frame, status::error, {{keys::reason, reasons::unknownEvent}});
        }
        return;
    }
    if (frame.topic.startsWith(uploadTopicPrefix)) {
        dispatchUpload(frame);
        return;
    }
    if (frame.isBinary) {
        // Binary pushes carry upload chunks; on any other topic they mean nothing to us.
        qCInfo(lcChannel) << "binary frame on a non-upload topic:" << frame.topic.left(64);
        reply(frame, status::error,
              {{keys::reason, QStringLiteral("binary frames are for upload channels")}});
        return;
    }
    if (frame.event == events::join) {
        join(frame);
        return;
    }
    LiveChannel *channel = channelOf(frame.topic);
    if (!channel) {
        if (frame.event == events::leave) {
            reply(frame, status::ok, {});
            return;
        }
        qCInfo(lcChannel) << "message for a topic that is not joined:" << frame.topic
                          << frame.event;
        reply(frame, status::error, {{keys::reason, reasons::unmatchedTopic}});
        return;
    }
    if (!frame.joinRef.isNull() && frame.joinRef != channel->joinRef()) {
        return; // a message from an earlier join of this topic: stale, dropped as Phoenix does
    }
    if (frame.event == events::leave) {
        reply(frame, status::ok, {});
        send(encodeFrame(channel->joinRef(), channel->joinRef(), frame.topic, events::close, {}));
        takeChannel(frame.topic);
        channel->endChildren();
        delete channel;
        return;
    }
    channel->handle(frame);
}

void Connection::join(const Frame &frame)
{
    if (!frame.topic.startsWith(QLatin1String("lv:")) || frame.topic.size() <= 3) {
        qCInfo(lcChannel) << "join for a topic we do not serve:" << frame.topic;
        reply(frame, status::error, {{keys::reason, reasons::unmatchedTopic}});
        return;
    }
    // Mounting is the costly part of a socket: one address may not start too many a second.
    // The client's channel retries a refused join with back-off.
    if (m_context->joinRate && !m_context->joinRate->allow(m_stats->remoteAddress)) {
        qCInfo(lcChannel) << "join refused: too many joins from" << m_stats->remoteAddress;
        reply(frame, QStringLiteral("error"),
              {{QStringLiteral("reason"), QStringLiteral("rate limited")}});
        return;
    }
    if (LiveChannel *old = takeChannel(frame.topic)) {
        // A rejoin or live navigation reuses the topic: close the old instance first.
        send(encodeFrame(old->joinRef(), old->joinRef(), frame.topic, events::close, {}));
        old->endChildren();
        delete old;
    }
    auto *channel = new LiveChannel(this, frame.topic, frame.joinRef);
    if (channel->join(frame))
        m_channels.emplace_back(frame.topic, channel);
    else
        delete channel;
}

void Connection::dispatchUpload(const Frame &frame)
{
    if (frame.event == events::join && !frame.isBinary) {
        joinUpload(frame);
        return;
    }
    UploadChannel *channel = m_uploadChannels.value(frame.topic);
    if (!channel || (!frame.joinRef.isNull() && frame.joinRef != channel->joinRef())) {
        if (frame.event == events::leave) {
            reply(frame, status::ok, {});
            return;
        }
        qCInfo(lcChannel) << "upload message for a topic that is not joined:"
                          << frame.topic.left(64) << frame.event.left(64);
        reply(frame, status::error, {{keys::reason, reasons::unmatchedTopic}});
        return;
    }
    if (frame.event == events::leave) {
        reply(frame, status::ok, {});
        channel->leave();
        return;
    }
    channel->handle(frame);
}

void Connection::joinUpload(const Frame &frame)
{
    if (UploadChannel *old = m_uploadChannels.value(frame.topic)) {
        // One channel per entry: a second join of a live entry's topic is refused, the first
        // upload goes on.
        Q_UNUSED(old);
        reply(frame, status::error, {{keys::reason, QStringLiteral("already_registered")}});
        return;
    }
    auto *channel = new UploadChannel(this, frame.topic, frame.joinRef);
    if (channel->join(frame))
        m_uploadChannels.insert(frame.topic, channel);
    else
        delete channel;
}

void Connection::uploadChannelClosed(const QString &topic, UploadChannel *channel)
{
    if (m_uploadChannels.value(topic) == channel)
        m_uploadChannels.remove(topic);
    channel->deleteLater();
}

void Connection::channelClosed(const QString &topic, LiveChannel *channel)
{
    if (channelOf(topic) == channel)
        takeChannel(topic);
    channel->deleteLater();
}

} // namespace liveview::internal
