#pragma once
// One client socket: decodes frames, answers heartbeats and routes topics to live channels.

#include "../monitor/session_record.h"
#include "endpoint_context.h"
#include "frame.h"
#include "frame_sink.h"

#include <QHash>
#include <QObject>
#include <deque>
#include <vector>

namespace liveview::internal {

class LiveChannel;
class UploadChannel;

class Connection : public QObject
{
    Q_OBJECT
public:
    Connection(std::shared_ptr<const EndpointContext> context, BrowserSession session,
               FrameSink *sink, QObject *parent = nullptr);
    ~Connection() override;

    void receiveText(const QByteArray &data);
    void receiveBinary(const QByteArray &data);

    int channelCount() const { return int(m_channels.size()); }
    const EndpointContext &context() const { return *m_context; }
    const BrowserSession &session() const { return m_session; }

    // Used by channels.
    void send(const QByteArray &frame);
    // send(head + body + tail), without building that frame when it can go out at once.
    void sendParts(const QByteArray &head, const QByteArray &body, const char *tail);
    // Frames sent from now on wait until the checkpoint write `sequence` is durable
    // (releaseHeldFrames): a reply must not show the browser state that a kill -9 would lose,
    // and the frames after it keep their order. Writes become durable in sequence order.
    void holdFramesUntil(quint64 sequence);
    void releaseHeldFrames(quint64 durableSequence);
    bool holdsFrames() const { return !m_held.empty(); }
    void reply(const Frame &request, const QString &status, const QJsonObject &response);
    void channelClosed(const QString &topic, LiveChannel *channel);
    // The joined view channel of `topic` ("lv:..."), or null.
    LiveChannel *liveChannel(const QString &topic) const { return channelOf(topic); }
    // Upload channels (`lvu:<entry ref>`, upload/upload_channel.h).
    void uploadChannelClosed(const QString &topic, UploadChannel *channel);
    int uploadChannelCount() const { return int(m_uploadChannels.size()); }

    // The monitor: where this socket comes from, and which session the frames being sent
    // belong to (set by a channel around its work, see SendAttribution).
    const std::shared_ptr<ConnectionStats> &stats() const { return m_stats; }
    void setStats(std::shared_ptr<ConnectionStats> stats) { m_stats = std::move(stats); }
    SessionRecord *attributedTo() const { return m_attributedTo; }
    void setAttributedTo(SessionRecord *record) { m_attributedTo = record; }
    qsizetype lastFrameBytes() const { return m_lastFrameBytes; }
    // Set when a topic's view crashed: its rejoin counts as a restart.
    int restartsOf(const QString &topic) const { return m_crashes.value(topic); }
    void noteCrash(const QString &topic) { ++m_crashes[topic]; }

    // Admin::disconnectSession, posted to this socket's thread.
    Q_INVOKABLE void closeByOperator();

private:
    using Decoder = std::optional<Frame> (*)(const QByteArray &, QString *);
    void receive(const QByteArray &data, Decoder decode);
    void dispatch(const Frame &frame);
    void join(const Frame &frame);
    void joinUpload(const Frame &frame);
    void dispatchUpload(const Frame &frame);
    void protocolViolation(CloseCode code, const QString &reason);

    std::shared_ptr<const EndpointContext> m_context;
    BrowserSession m_session;
    FrameSink *m_sink;
    // A socket joins one view or a handful (nested views): a short list costs a few dozen bytes
    // where a QHash's first span costs ~1.5 KB per connection.
    std::vector<std::pair<QString, LiveChannel *>> m_channels;
    LiveChannel *channelOf(const QString &topic) const;
    LiveChannel *takeChannel(const QString &topic);
    QHash<QString, UploadChannel *> m_uploadChannels; // empty (no allocation) without uploads
    bool m_closed = false;
    std::shared_ptr<ConnectionStats> m_stats;
    SessionRecord *m_attributedTo = nullptr;
    qsizetype m_lastFrameBytes = 0;
    QHash<QString, int> m_crashes;
    quint64 m_holdUntil = 0;                           // newest checkpoint write a frame waits for
    quint64 m_durable = 0;                             // newest checkpoint write known durable
    std::deque<std::pair<quint64, QByteArray>> m_held; // (write it waits for, frame)
};

// Frames sent while it lives count for `record`'s session.
class SendAttribution
{
public:
    SendAttribution(Connection *connection, SessionRecord *record)
        : m_connection(connection), m_previous(connection->attributedTo())
    {
        connection->setAttributedTo(record);
    }
    ~SendAttribution() { m_connection->setAttributedTo(m_previous); }
    SendAttribution(const SendAttribution &) = delete;
    SendAttribution &operator=(const SendAttribution &) = delete;

private:
    Connection *m_connection;
    SessionRecord *m_previous;
};

} // namespace liveview::internal
