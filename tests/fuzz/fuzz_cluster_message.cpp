// libFuzzer target: what arrives from Redis (any process that can reach it may publish): the
// PubSub envelope and the presence messages. A decoded presence message must survive a round
// trip through the encoder.
#include "cluster/cluster_message.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace liveview::internal::cluster;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray payload(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    QString error;
    if (data[0] & 1) {
        Broadcast b;
        decodeBroadcast(pubsubPrefix + "topic", payload, 1 << 20, &b, &error);
        return 0;
    }
    PresenceMessage m;
    if (!decodePresence(payload, 1 << 20, &m, &error))
        return 0;
    PresenceMessage again;
    if (!decodePresence(encodePresence(m), 1 << 20, &again, &error) || again.node != m.node ||
        again.seq != m.seq || again.type != m.type || again.joins.size() != m.joins.size() ||
        again.leaves.size() != m.leaves.size())
        std::abort();
    return 0;
}
