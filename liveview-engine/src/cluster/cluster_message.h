#pragma once
// What nodes say to each other over Redis, and the checks applied to what arrives:
// anything oversized, malformed or from another protocol version is rejected with a reason.
//
// PubSub: channel "liveview:pubsub:<topic>", payload {"v":1,"node":id,"msg":<message as JSON>}.
// Presence: channel "liveview:presence", payload {"v":1,"node":id,"type":..,"seq":n,...} where
// type is "heartbeat" (alive, with the sequence of the node's last change), "delta" (joins and
// leaves, seq = previous + 1), "sync" (asks node "to" for its whole state) or "state" (the
// sender's whole state, the answer to sync).

#include "../pubsub/presence_entry.h"
#include <QJsonObject>

#include <QByteArray>
#include <QVariant>
#include <vector>

namespace liveview::internal::cluster {

constexpr int protocolVersion = 1;
inline const QByteArray pubsubPrefix = QByteArrayLiteral("liveview:pubsub:");
inline const QByteArray presenceChannel = QByteArrayLiteral("liveview:presence");

struct Broadcast
{
    QString node;
    QString topic;
    QVariant message;
};

// False when `message` has no JSON form (then it can only be delivered on this node).
bool encodeBroadcast(const QString &node, const QVariant &message, QByteArray *payload);
bool decodeBroadcast(const QByteArray &channel, const QByteArray &payload, qsizetype maxBytes,
                     Broadcast *out, QString *error);

struct PresenceMessage
{
    enum class Type
    {
        Heartbeat,
        Delta,
        Sync,
        State
    } type = Type::Heartbeat;
    QString node;
    qint64 seq = 0;
    QString to;                       // Sync: the node asked
    std::vector<PresenceEntry> joins; // Delta joins; State: every entry
    std::vector<PresenceEntry> leaves;
    // Heartbeat: what the node tells about itself for the monitor (sessions, url); optional.
    QJsonObject status;
};

QByteArray encodePresence(const PresenceMessage &message);
bool decodePresence(const QByteArray &payload, qsizetype maxBytes, PresenceMessage *out,
                    QString *error);

} // namespace liveview::internal::cluster
