// Capped Redis streams (XADD MAXLEN ~, XRANGE from an exclusive start) behind replayed topics.
#include "topic_replay.h"

#include "cluster_message.h"
#include "redis_connection.h"

#include <QLoggingCategory>
#include <hiredis/hiredis.h>

Q_DECLARE_LOGGING_CATEGORY(lcCluster)

namespace liveview::internal {
namespace {
const QByteArray streamPrefix = QByteArrayLiteral("liveview:replay:");
const QByteArray payloadField = QByteArrayLiteral("p");
constexpr int pageSize = 256; // entries per XRANGE: one reply stays small
} // namespace

TopicReplay::TopicReplay(const QStringList &topics, int length) : m_length(qMax(1, length))
{
    for (const QString &topic : topics)
        m_streams.insert(cluster::pubsubPrefix + topic.toUtf8(), Stream{});
}

QByteArray TopicReplay::streamKey(const QByteArray &channel)
{
    return streamPrefix + channel.mid(cluster::pubsubPrefix.size());
}

bool TopicReplay::send(RedisConnection &redis, const QByteArray &channel, const QByteArray &payload)
{
    // Kept before published: a node that reads the stream after missing the publication finds
    // it there. "~" lets Redis trim whole blocks, keeping at least m_length entries.
    return redis.command({"XADD", streamKey(channel), "MAXLEN", "~", QByteArray::number(m_length),
                          "*", payloadField, payload}) &&
           redis.command({"PUBLISH", channel, payload});
}

void TopicReplay::publish(RedisConnection &redis, const QByteArray &channel,
                          const QByteArray &payload)
{
    if (!m_held.empty())
        flush(redis); // keeps the order
    if (m_held.empty() && send(redis, channel, payload))
        return;
    m_held.emplace_back(channel, payload);
    if (int(m_held.size()) > m_length) {
        m_held.pop_front();
        qCWarning(lcCluster) << "Redis unreachable for" << m_length
                             << "replayed messages: the oldest waiting one is dropped";
    }
}

void TopicReplay::flush(RedisConnection &redis)
{
    while (!m_held.empty() && redis.isConnected()) {
        const auto &[channel, payload] = m_held.front();
        if (!send(redis, channel, payload))
            return;
        m_held.pop_front();
    }
}

void TopicReplay::catchUp(RedisConnection &redis, Deliver deliver)
{
    m_deliver = std::move(deliver);
    for (auto it = m_streams.begin(); it != m_streams.end(); ++it) {
        if (it->reading)
            continue;
        it->reading = true;
        readPage(redis, it.key());
    }
}

void TopicReplay::readPage(RedisConnection &redis, const QByteArray &channel)
{
    Stream &stream = m_streams[channel];
    const QByteArray start = stream.lastId.isEmpty() ? QByteArray("-") : "(" + stream.lastId;
    const bool sent = redis.command(
        {"XRANGE", streamKey(channel), start, "+", "COUNT", QByteArray::number(pageSize)},
        [this, &redis, channel](redisReply *reply) {
            Stream &stream = m_streams[channel];
            if (!reply || reply->type != REDIS_REPLY_ARRAY) {
                // The connection dropped (the next one reads again), or not a stream.
                if (reply && reply->type == REDIS_REPLY_ERROR)
                    qCWarning(lcCluster).noquote()
                        << "cannot read" << QString::fromUtf8(streamKey(channel)) << ":"
                        << QByteArray(reply->str, int(reply->len));
                stream.reading = false;
                return;
            }
            for (size_t i = 0; i < reply->elements; ++i) {
                const redisReply *entry = reply->element[i];
                if (entry->type != REDIS_REPLY_ARRAY || entry->elements != 2 ||
                    entry->element[0]->type != REDIS_REPLY_STRING ||
                    entry->element[1]->type != REDIS_REPLY_ARRAY)
                    continue;
                stream.lastId = QByteArray(entry->element[0]->str, int(entry->element[0]->len));
                const redisReply *fields = entry->element[1];
                for (size_t f = 0; f + 1 < fields->elements; f += 2) {
                    const redisReply *name = fields->element[f];
                    const redisReply *value = fields->element[f + 1];
                    if (name->type == REDIS_REPLY_STRING && value->type == REDIS_REPLY_STRING &&
                        QByteArrayView(name->str, qsizetype(name->len)) == payloadField &&
                        m_deliver)
                        m_deliver(channel, QByteArray(value->str, int(value->len)));
                }
            }
            if (reply->elements == size_t(pageSize))
                readPage(redis, channel); // more to come
            else
                stream.reading = false;
        });
    if (!sent)
        stream.reading = false;
}

} // namespace liveview::internal
