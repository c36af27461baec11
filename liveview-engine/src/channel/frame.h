#pragma once
// Phoenix channel frames, serializer vsn 2.0.0: `[join_ref, ref, topic, event, payload]` text
// frames and the binary push layout used for upload chunks.

#include "protocol_keys.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace liveview::internal {

struct Frame
{
    QJsonValue joinRef; // string or null
    QJsonValue ref;     // string or null
    QString topic;
    QString event;
    QJsonObject payload;
    QByteArray binaryPayload; // binary pushes only
    bool isBinary = false;
};

// Returns the frame, or nothing with `error` saying what is wrong.
std::optional<Frame> decodeTextFrame(const QByteArray &data, QString *error);
std::optional<Frame> decodeBinaryFrame(const QByteArray &data, QString *error);

// `[joinRef,ref,"topic","event",` — the part of a frame before its payload.
QByteArray encodeFrameHead(const QJsonValue &joinRef, const QJsonValue &ref, const QString &topic,
                           const QString &event);
QByteArray encodeFrame(const QJsonValue &joinRef, const QJsonValue &ref, const QString &topic,
                       const QString &event, const QJsonObject &payload);
// `[join_ref, ref, topic, "phx_reply", {"status": status, "response": response}]`
QByteArray encodeReply(const QJsonValue &joinRef, const QJsonValue &ref, const QString &topic,
                       const QString &status, const QJsonObject &response);

} // namespace liveview::internal
