// libFuzzer target: HTTP/1.x request framing as RequestGuard runs it ahead of Qt's parser (request
// line, header fields, Content-Length and chunked bodies, pipelining, close, upgrade), fed in
// pieces the way a socket delivers them. The first byte sets the piece size; small limits make
// every limit reachable.
#include "http/request_framing.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using liveview::internal::RequestFraming;

namespace {
class Recorder : public RequestFraming::Listener
{
public:
    qint64 bodyLimit(QByteArrayView path) override
    {
        return path.startsWith("/upload") ? 4096 : 64;
    }
    bool upgradesTo(QByteArrayView path) override { return path == "/live/websocket"; }
    void requestStarted() override {}
    void refused(int status, QByteArrayView) override
    {
        if (status < 400 || status > 431 || ++stops > 1)
            std::abort(); // one refusal, with a client-error status
    }
    void upgraded() override
    {
        if (++stops > 1)
            std::abort();
    }
    void requestComplete(bool close) override
    {
        if (stops > 0)
            std::abort(); // nothing completes after the connection stopped being read
        if (close)
            ++stops;
    }
    int stops = 0;
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qsizetype piece = qsizetype(data[0] % 64) + 1;
    Recorder recorder;
    RequestFraming framing({256, 1024, 16}, &recorder);
    const char *bytes = reinterpret_cast<const char *>(data + 1);
    qsizetype left = qsizetype(size - 1);
    while (left > 0) {
        const qsizetype n = qMin(piece, left);
        const qsizetype used = framing.consume(bytes, n);
        if (used < 0 || used > n)
            std::abort();
        if (used < n) {
            using State = RequestFraming::State;
            const State s = framing.state();
            if (s != State::Refused && s != State::Upgraded && s != State::Closing)
                std::abort(); // stops early only when it has stopped reading
            break;
        }
        bytes += n;
        left -= n;
    }
    return 0;
}
