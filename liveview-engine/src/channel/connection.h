#pragma once
// One client socket: decodes frames, answers heartbeats and routes topics to live channels.

#include "endpoint_context.h"
#include "frame.h"
#include "frame_sink.h"

#include <QHash>
#include <QObject>

namespace liveview::internal {

class LiveChannel;

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
    void reply(const Frame &request, const QString &status, const QJsonObject &response);
    void channelClosed(const QString &topic, LiveChannel *channel);

private:
    using Decoder = std::optional<Frame> (*)(const QByteArray &, QString *);
    void receive(const QByteArray &data, Decoder decode);
    void dispatch(const Frame &frame);
    void join(const Frame &frame);
    void protocolViolation(CloseCode code, const QString &reason);

    std::shared_ptr<const EndpointContext> m_context;
    BrowserSession m_session;
    FrameSink *m_sink;
    QHash<QString, LiveChannel *> m_channels;
    bool m_closed = false;
};

} // namespace liveview::internal
