// libFuzzer target: what a browser's socket sends before and after the upgrade. Selector 0: the
// upgrade request's head (WebSocketUpgrade::parse); otherwise client frames through
// WebSocketFrameReader, fed in pieces of (selector % 64) bytes with a 4 KiB message limit.
#include "http/websocket_frame_reader.h"
#include "http/websocket_upgrade.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using liveview::internal::WebSocketFrameReader;
using liveview::internal::WebSocketUpgrade;

namespace {

constexpr qint64 maxMessageBytes = 4096;

void handshake(QByteArrayView head)
{
    WebSocketUpgrade::Refusal refusal;
    const std::optional<WebSocketUpgrade> upgrade = WebSocketUpgrade::parse(head, &refusal);
    if (!upgrade) {
        if ((refusal.status != 400 && refusal.status != 426) || !*refusal.reason)
            std::abort(); // a refusal always says why, with a client-error status
        return;
    }
    if (upgrade->acceptKey.size() != 28 || upgrade->userAgent.size() > 512)
        std::abort();
    (void)upgrade->answer();
    (void)upgrade->queryValue("_csrf_token");
}

void frames(QByteArrayView bytes, qsizetype piece)
{
    WebSocketFrameReader reader(maxMessageBytes);
    qsizetype delivered = 0;
    for (qsizetype at = 0; at < bytes.size(); at += piece) {
        reader.append(bytes.sliced(at, qMin(piece, bytes.size() - at)));
        while (std::optional<WebSocketFrameReader::Message> message = reader.next()) {
            if (reader.failed())
                std::abort(); // no message once the stream broke a rule
            using Kind = WebSocketFrameReader::Kind;
            const qsizetype size = message->payload.size();
            const bool control = message->kind != Kind::Text && message->kind != Kind::Binary;
            if (size > (control ? 125 : maxMessageBytes))
                std::abort();
            if (message->kind == Kind::Text && !WebSocketFrameReader::isValidUtf8(message->payload))
                std::abort();
            delivered += size;
        }
        if (reader.failed()) {
            const quint16 code = reader.failure().code;
            if (code != 1002 && code != 1007 && code != 1009)
                std::abort();
            reader.append(bytes); // ignored from now on
            if (reader.next())
                std::abort();
            break;
        }
    }
    if (delivered > bytes.size())
        std::abort(); // payloads come from the input, never from nowhere
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArrayView rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    if (data[0] == 0)
        handshake(rest);
    else
        frames(rest, qsizetype(data[0] % 64) + 1);
    return 0;
}
