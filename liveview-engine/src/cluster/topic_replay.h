#pragma once
// The replayed topics of a node (ClusterOptions::replayedTopics). A broadcast on one is appended
// to a capped Redis stream before it is published, so that it outlives the publication: a node
// that was down or cut off reads each stream from the last entry it read and hands the entries on
// as if they had just been published. Broadcasts made while Redis was unreachable wait here (as
// many as a stream keeps) and go out once it is back.

#include <QByteArray>
#include <QHash>
#include <QStringList>
#include <deque>
#include <functional>

namespace liveview::internal {

class RedisConnection;

class TopicReplay
{
public:
    using Deliver = std::function<void(const QByteArray &channel, const QByteArray &payload)>;

    TopicReplay(const QStringList &topics, int length);

    // Whether broadcasts on this PubSub channel ("liveview:pubsub:<topic>") are replayed.
    bool isReplayed(const QByteArray &channel) const { return m_streams.contains(channel); }
    // "liveview:replay:<topic>": the stream that keeps the channel's broadcasts.
    static QByteArray streamKey(const QByteArray &channel);

    // Appends `payload` to the channel's stream, then publishes it; holds it when Redis is away.
    void publish(RedisConnection &redis, const QByteArray &channel, const QByteArray &payload);
    // Sends what was held while Redis was away (oldest first).
    void flush(RedisConnection &redis);
    // Reads every stream past the last entry read before (all of it the first time) and calls
    // `deliver` for each entry, oldest first. A read already under way goes on from where it is.
    void catchUp(RedisConnection &redis, Deliver deliver);
    int held() const { return int(m_held.size()); }

private:
    struct Stream
    {
        QByteArray lastId; // empty: nothing read yet
        bool reading = false;
    };
    void readPage(RedisConnection &redis, const QByteArray &channel);
    bool send(RedisConnection &redis, const QByteArray &channel, const QByteArray &payload);

    QHash<QByteArray, Stream> m_streams; // by PubSub channel
    std::deque<std::pair<QByteArray, QByteArray>> m_held;
    const int m_length;
    Deliver m_deliver;
};

} // namespace liveview::internal
