// libFuzzer target: the template compiler (markup parser, attributes, :if/:for, components,
// expressions inside). Evaluation is fuzz_expression's; the renderer is not linked here (it
// would double the instrumented build CI makes for the short pass).
#include "liveview/template.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString source = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    try {
        const liveview::Template t =
            liveview::Template::compile(source, QStringLiteral("fuzz.heex"));
        if (t.isNull())
            __builtin_trap(); // compiled without an error: a template
    } catch (const liveview::TemplateError &) {
        // A clear refusal: what the compiler must give a bad template.
    }
    return 0;
}
