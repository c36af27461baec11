// Decoding and encoding of channel frames; every malformed input is refused with a reason.
#include "frame.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace liveview::internal {
namespace {

bool isRef(const QJsonValue &v)
{
    return v.isNull() || v.isString();
}

} // namespace

std::optional<Frame> decodeTextFrame(const QByteArray &data, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("frame is not JSON: %1 at offset %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!doc.isArray()) {
        *error = QStringLiteral("frame is not a JSON array (serializer vsn 2.0.0 expected)");
        return std::nullopt;
    }
    const QJsonArray a = doc.array();
    if (a.size() != 5) {
        *error = QStringLiteral("frame has %1 elements, expected 5").arg(a.size());
        return std::nullopt;
    }
    if (!isRef(a[0]) || !isRef(a[1]) || !a[2].isString() || !a[3].isString() || !a[4].isObject()) {
        *error = QStringLiteral("frame fields have wrong types: expected [ref|null, ref|null, "
                                "topic, event, {payload}]");
        return std::nullopt;
    }
    Frame f;
    f.joinRef = a[0];
    f.ref = a[1];
    f.topic = a[2].toString();
    f.event = a[3].toString();
    f.payload = a[4].toObject();
    if (f.topic.isEmpty() || f.event.isEmpty()) {
        *error = QStringLiteral("frame has an empty topic or event");
        return std::nullopt;
    }
    return f;
}

std::optional<Frame> decodeBinaryFrame(const QByteArray &data, QString *error)
{
    // kind=0 push: u8 kind | u8 len(join_ref) | u8 len(ref) | u8 len(topic) | u8 len(event) | ...
    if (data.size() < 5 || data.at(0) != 0) {
        *error = QStringLiteral("binary frame is not a push (kind 0 with a 5-byte header)");
        return std::nullopt;
    }
    const auto len = [&](int i) { return int(static_cast<unsigned char>(data.at(i))); };
    const int joinRefLen = len(1), refLen = len(2), topicLen = len(3), eventLen = len(4);
    const int headerEnd = 5 + joinRefLen + refLen + topicLen + eventLen;
    if (headerEnd > data.size() || topicLen == 0 || eventLen == 0) {
        *error = QStringLiteral("binary frame header lengths exceed the frame");
        return std::nullopt;
    }
    Frame f;
    f.isBinary = true;
    int at = 5;
    auto take = [&](int n) {
        const QByteArray part = data.mid(at, n);
        at += n;
        return QString::fromUtf8(part);
    };
    const QString joinRef = take(joinRefLen);
    f.joinRef = joinRef.isEmpty() ? QJsonValue() : QJsonValue(joinRef);
    const QString ref = take(refLen);
    f.ref = ref.isEmpty() ? QJsonValue() : QJsonValue(ref);
    f.topic = take(topicLen);
    f.event = take(eventLen);
    f.binaryPayload = data.mid(headerEnd);
    return f;
}

QByteArray encodeFrameHead(const QJsonValue &joinRef, const QJsonValue &ref, const QString &topic,
                           const QString &event)
{
    // The four short fields in one document (refs are null unless strings).
    const QJsonArray head{joinRef.isString() ? joinRef : QJsonValue(),
                          ref.isString() ? ref : QJsonValue(), topic, event};
    QByteArray out = QJsonDocument(head).toJson(QJsonDocument::Compact); // [jr,ref,"topic","event"]
    out.chop(1);
    out += ',';
    return out;
}

QByteArray encodeFrame(const QJsonValue &joinRef, const QJsonValue &ref, const QString &topic,
                       const QString &event, const QJsonObject &payload)
{
    // The payload, which holds the diff, is serialized once and appended rather than copied
    // into the array.
    QByteArray out = encodeFrameHead(joinRef, ref, topic, event);
    out += QJsonDocument(payload).toJson(QJsonDocument::Compact);
    out += ']';
    return out;
}

QByteArray encodeReply(const QJsonValue &joinRef, const QJsonValue &ref, const QString &topic,
                       const QString &status, const QJsonObject &response)
{
    return encodeFrame(joinRef, ref, topic, events::reply,
                       QJsonObject{{keys::status, status}, {keys::response, response}});
}

} // namespace liveview::internal
