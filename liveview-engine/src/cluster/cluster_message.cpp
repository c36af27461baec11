// JSON envelopes for the Redis channels, validated field by field on the way in.
#include "cluster_message.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace liveview::internal::cluster {
namespace {

const QString versionKey = QStringLiteral("v");
constexpr double maxSequence = 9007199254740992.0; // 2^53
const QString nodeKey = QStringLiteral("node");

const QStringList typeNames = {QStringLiteral("heartbeat"), QStringLiteral("delta"),
                               QStringLiteral("sync"), QStringLiteral("state")};

// Parses `payload` into an object carrying this protocol's version and a node id.
bool openEnvelope(const QByteArray &payload, qsizetype maxBytes, QJsonObject *out, QString *error)
{
    if (payload.size() > maxBytes) {
        *error = QStringLiteral("message of %1 bytes exceeds the limit of %2")
                     .arg(payload.size())
                     .arg(maxBytes);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
                     ? QStringLiteral("not JSON: %1").arg(parseError.errorString())
                     : QStringLiteral("not a JSON object");
        return false;
    }
    *out = doc.object();
    if (out->value(versionKey).toInt(-1) != protocolVersion) {
        *error = QStringLiteral("unknown protocol version %1")
                     .arg(QString::fromUtf8(QJsonDocument(QJsonArray{out->value(versionKey)})
                                                .toJson(QJsonDocument::Compact)));
        return false;
    }
    if (out->value(nodeKey).toString().isEmpty()) {
        *error = QStringLiteral("no sending node");
        return false;
    }
    return true;
}

QJsonArray entriesToJson(const std::vector<PresenceEntry> &entries)
{
    QJsonArray out;
    for (const PresenceEntry &e : entries)
        out.append(QJsonObject{{QStringLiteral("topic"), e.topic},
                               {QStringLiteral("key"), e.key},
                               {QStringLiteral("meta"), QJsonObject::fromVariantMap(e.meta)}});
    return out;
}

bool entriesFromJson(const QJsonValue &value, std::vector<PresenceEntry> *out, QString *error)
{
    if (!value.isUndefined() && !value.isArray()) {
        *error = QStringLiteral("presence entries are not a list");
        return false;
    }
    for (const QJsonValue &v : value.toArray()) {
        const QJsonObject o = v.toObject();
        PresenceEntry e{o.value(QStringLiteral("topic")).toString(),
                        o.value(QStringLiteral("key")).toString(),
                        o.value(QStringLiteral("meta")).toObject().toVariantMap()};
        if (e.topic.isEmpty() || e.key.isEmpty() || e.ref().isEmpty()) {
            *error = QStringLiteral("presence entry without topic, key or phx_ref");
            return false;
        }
        out->push_back(std::move(e));
    }
    return true;
}

} // namespace

bool encodeBroadcast(const QString &node, const QVariant &message, QByteArray *payload)
{
    const QJsonValue json = QJsonValue::fromVariant(message);
    if (json.isUndefined() || (json.isNull() && !message.isNull()))
        return false;
    *payload = QJsonDocument(QJsonObject{{versionKey, protocolVersion},
                                         {nodeKey, node},
                                         {QStringLiteral("msg"), json}})
                   .toJson(QJsonDocument::Compact);
    return true;
}

bool decodeBroadcast(const QByteArray &channel, const QByteArray &payload, qsizetype maxBytes,
                     Broadcast *out, QString *error)
{
    if (!channel.startsWith(pubsubPrefix) || channel.size() == pubsubPrefix.size()) {
        *error = QStringLiteral("not a PubSub channel");
        return false;
    }
    QJsonObject o;
    if (!openEnvelope(payload, maxBytes, &o, error))
        return false;
    if (!o.contains(QStringLiteral("msg"))) {
        *error = QStringLiteral("no message");
        return false;
    }
    out->node = o.value(nodeKey).toString();
    out->topic = QString::fromUtf8(channel.mid(pubsubPrefix.size()));
    out->message = o.value(QStringLiteral("msg")).toVariant();
    return true;
}

QByteArray encodePresence(const PresenceMessage &m)
{
    QJsonObject o{{versionKey, protocolVersion},
                  {nodeKey, m.node},
                  {QStringLiteral("type"), typeNames.at(int(m.type))},
                  {QStringLiteral("seq"), m.seq}};
    if (!m.to.isEmpty())
        o.insert(QStringLiteral("to"), m.to);
    if (!m.joins.empty())
        o.insert(QStringLiteral("joins"), entriesToJson(m.joins));
    if (!m.leaves.empty())
        o.insert(QStringLiteral("leaves"), entriesToJson(m.leaves));
    if (!m.status.isEmpty())
        o.insert(QStringLiteral("status"), m.status);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool decodePresence(const QByteArray &payload, qsizetype maxBytes, PresenceMessage *out,
                    QString *error)
{
    QJsonObject o;
    if (!openEnvelope(payload, maxBytes, &o, error))
        return false;
    const int type = typeNames.indexOf(o.value(QStringLiteral("type")).toString());
    const QJsonValue seq = o.value(QStringLiteral("seq"));
    if (type < 0) {
        *error = QStringLiteral("unknown presence message type");
        return false;
    }
    if (!seq.isDouble() || seq.toDouble() < 0) {
        *error = QStringLiteral("presence message without a sequence number");
        return false;
    }
    // Beyond what a double holds exactly no node counts; beyond qint64 the conversion below
    // would be undefined (found by fuzzing: tests/fuzz/fuzz_cluster_message.cpp).
    if (seq.toDouble() > maxSequence) {
        *error = QStringLiteral("presence message with an impossible sequence number");
        return false;
    }
    out->type = PresenceMessage::Type(type);
    out->node = o.value(nodeKey).toString();
    out->seq = qint64(seq.toDouble());
    out->to = o.value(QStringLiteral("to")).toString();
    out->status = o.value(QStringLiteral("status")).toObject(); // older nodes send none
    if (out->type == PresenceMessage::Type::Sync && out->to.isEmpty()) {
        *error = QStringLiteral("sync without the node asked");
        return false;
    }
    return entriesFromJson(o.value(QStringLiteral("joins")), &out->joins, error) &&
           entriesFromJson(o.value(QStringLiteral("leaves")), &out->leaves, error);
}

} // namespace liveview::internal::cluster
