// libFuzzer target: the URL-encoded form body and query string decoder (Plug's nesting rules).
#include "form/form_params.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    liveview::internal::decodeFormParams(
        QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
