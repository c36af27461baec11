// libFuzzer target: the channel frame decoder (what every browser sends over the WebSocket).
// The first byte picks text or binary; a decoded text frame must survive a round trip.
#include "channel/frame.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace liveview::internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const bool binary = data[0] & 1;
    const QByteArray frame(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    QString error;
    if (binary) {
        decodeBinaryFrame(frame, &error);
        return 0;
    }
    const std::optional<Frame> decoded = decodeTextFrame(frame, &error);
    if (!decoded)
        return 0;
    const QByteArray again = encodeFrame(decoded->joinRef, decoded->ref, decoded->topic,
                                         decoded->event, decoded->payload);
    const std::optional<Frame> redecoded = decodeTextFrame(again, &error);
    if (!redecoded || redecoded->topic != decoded->topic || redecoded->event != decoded->event ||
        redecoded->payload != decoded->payload)
        std::abort(); // what we send must be what we read
    return 0;
}
